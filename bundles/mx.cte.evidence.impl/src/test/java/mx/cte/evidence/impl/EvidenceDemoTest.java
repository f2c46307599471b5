package mx.cte.evidence.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cte.audit.api.AuditLog;
import mx.cte.evidence.api.Evidence;
import mx.cte.programme.api.Action;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.programme.api.Programme;
import mx.cte.programme.api.ProgrammeContent;
import mx.cte.programme.api.ProgrammeKind;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;

/** The demo's picture on the demo school's programme: stored as any photo is, once. */
public class EvidenceDemoTest {

    private final ImprovementProgramme programmes = (ImprovementProgramme) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ImprovementProgramme.class}, (proxy, method, args) -> {
                if (method.getName().equals("find")) {
                    return args[0].equals(EvidenceDemo.SCHOOL) && args[1].equals(EvidenceDemo.CYCLE)
                            ? Optional.of(demoProgramme()) : Optional.empty();
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final EvidenceService evidence = new EvidenceService(TestDatabases.fresh(DatabaseKind.H2),
            (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditLog.class},
                    (proxy, method, args) -> null),
            Clock.fixed(Instant.parse("2026-12-04T18:00:00Z"), ZoneOffset.UTC), null, null, programmes, 500);

    private static Programme demoProgramme() {
        Action reading = new Action("a1", "o1", "practicas", "Rincón de lectura", List.of("Educadoras"), "",
                LocalDate.of(2016, 9, 5), LocalDate.of(2017, 6, 30), "Registro de préstamos");
        return new Programme(EvidenceDemo.SCHOOL, EvidenceDemo.CYCLE, ProgrammeKind.RUTA_DE_MEJORA,
                new ProgrammeContent(Map.of(), List.of(), List.of(reading)), null, "demostracion", Instant.EPOCH, 1,
                null, null, null);
    }

    @Test
    public void thePictureIsAttachedToTheProgrammesFirstActionOnceAndSaysItIsADemo() {
        assertTrue(EvidenceDemo.attachIfAbsent(evidence));
        assertFalse("once", EvidenceDemo.attachIfAbsent(evidence));

        List<Evidence> attached = evidence.of(EvidenceDemo.SCHOOL, EvidenceDemo.OWNER);
        assertEquals(1, attached.size());
        Evidence picture = attached.get(0);
        assertEquals(EvidenceDemo.DESCRIPTION, picture.description());
        assertTrue(picture.description().contains("demostración"));
        assertTrue("a photo, as the store keeps photos: " + picture.mediaType(), picture.mediaType()
                .startsWith("image/"));
        assertEquals(960, picture.width());
        assertEquals(640, picture.height());
    }
}
