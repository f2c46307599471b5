package mx.cte.forms.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cte.audit.api.AuditLog;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.forms.api.FilledForm;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.ItemAnswer;
import mx.cte.forms.api.ProductPlace;
import mx.cte.guide.api.ProductForm;
import mx.cte.schools.api.Cct;
import mx.cte.storage.api.Database;
import mx.cte.storage.api.DatabaseKind;
import mx.cte.storage.api.StaleVersionException;
import mx.cte.storage.testing.TestDatabases;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Guide-configured products stored on H2 and PostgreSQL. */
@RunWith(Parameterized.class)
public class FilledFormsServiceTest {

    private static final Cct SCHOOL = Cct.parse("15EPR0101A");
    private static final Cct OTHER_SCHOOL = Cct.parse("15EPR0102B");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-10-25T15:00:00Z"), ZoneOffset.UTC);
    private static final ProductPlace TABLE = new ProductPlace(SCHOOL, FormFixtures.SESSION, 2, ProductForm.TABLE);
    private static final ProductPlace CHECKLIST = new ProductPlace(SCHOOL, FormFixtures.SESSION, 2,
            ProductForm.CHECKLIST);

    @Parameters(name = "{0}")
    public static List<Object[]> engines() {
        return TestDatabases.engines();
    }

    private final List<String> audited = new ArrayList<>();
    private final Database database;
    private final FilledFormsService forms;

    public FilledFormsServiceTest(DatabaseKind kind) {
        AuditLog audit = (AuditLog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                    audited.add(args[0] + " " + args[1] + ": " + args[2]);
                    return null;
                });
        database = TestDatabases.fresh(kind);
        forms = new FilledFormsService(database, audit, FormFixtures.guides(), CLOCK);
    }

    private static FormContent pupils(String... names) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String name : names) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("alumno", name);
            row.put("area", "Lectura");
            rows.add(row);
        }
        return new FormContent(rows, Map.of(), List.of());
    }

    @Test
    public void aTableIsSavedReadBackAndChangedOnlyFromTheVersionItWasRead() {
        FilledForm first = forms.save(TABLE, pupils("Luis Pérez", "Ana Gómez"), 0, "docente.ana");
        assertEquals(1, first.version());
        assertEquals("Ana Gómez", forms.find(TABLE).orElseThrow().content().rows().get(1).get("alumno"));

        FilledForm second = forms.save(TABLE, pupils("Luis Pérez"), 1, "directora.rosa");
        assertEquals(2, second.version());
        assertEquals("directora.rosa", second.updatedBy());
        assertEquals(1, forms.find(TABLE).orElseThrow().content().rows().size());

        StaleVersionException stale = assertThrows(StaleVersionException.class,
                () -> forms.save(TABLE, pupils("Otro"), 1, "docente.ana"));
        assertTrue(stale.getMessage(), stale.getMessage().contains("Alumnos que requieren apoyo"));
        assertThrows(StaleVersionException.class, () -> forms.save(TABLE, pupils("Otro"), 0, "docente.ana"));
        assertEquals("Luis Pérez", forms.find(TABLE).orElseThrow().content().rows().get(0).get("alumno"));
        assertEquals(List.of("producto-guardado 15EPR0101A " + FormFixtures.SESSION + " actividad 2 tabla: 2 filas",
                "producto-guardado 15EPR0101A " + FormFixtures.SESSION + " actividad 2 tabla: 1 filas"), audited);
    }

    @Test
    public void aRefusedSaveLeavesWhatWasStoredAsItWas() {
        forms.save(CHECKLIST, new FormContent(List.of(), Map.of(), List.of(new ItemAnswer("Sí", "Bien"),
                new ItemAnswer("No", ""))), 0, "docente.ana");

        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> forms.save(CHECKLIST,
                new FormContent(List.of(), Map.of(), List.of(new ItemAnswer("Sí", ""), new ItemAnswer("Quizá", ""))),
                1, "docente.ana"));

        assertEquals("respuestas[1].nivel", refused.problems().get(0).field());
        FilledForm kept = forms.find(CHECKLIST).orElseThrow();
        assertEquals(1, kept.version());
        assertEquals(List.of(new ItemAnswer("Sí", "Bien"), new ItemAnswer("No", "")), kept.content().answers());
    }

    @Test
    public void aProductTheSessionsGuideDoesNotLayOutIsRefusedNamingTheActivity() {
        InvalidContentException freeText = assertThrows(InvalidContentException.class, () -> forms.save(
                new ProductPlace(SCHOOL, FormFixtures.SESSION, 2, "texto-libre"), pupils("Luis"), 0, "docente.ana"));
        assertEquals("tipo", freeText.problems().get(0).field());
        assertTrue(freeText.getMessage(), freeText.getMessage().contains("la actividad 2 de la sesión "
                + FormFixtures.SESSION + " no pide un producto de tipo 'texto-libre'"));
        assertThrows(InvalidContentException.class, () -> forms.save(new ProductPlace(SCHOOL,
                "SEP:2019-2020:primaria:ordinaria-9", 2, ProductForm.TABLE), pupils("Luis"), 0, "docente.ana"));
        assertThrows(InvalidContentException.class, () -> forms.save(new ProductPlace(SCHOOL, "no es clave", 2,
                ProductForm.TABLE), pupils("Luis"), 0, "docente.ana"));
        assertTrue(forms.ofSession(SCHOOL, FormFixtures.SESSION).isEmpty());
    }

    @Test
    public void aSessionListsWhatOneSchoolFilledByActivityAndType() {
        forms.save(new ProductPlace(SCHOOL, FormFixtures.SESSION, 3, ProductForm.FORM), new FormContent(List.of(),
                Map.of("fecha", "2019-11-29"), List.of()), 0, "directora.rosa");
        forms.save(TABLE, pupils("Luis"), 0, "docente.ana");
        forms.save(new ProductPlace(OTHER_SCHOOL, FormFixtures.SESSION, 2, ProductForm.TABLE), pupils("Otra"), 0,
                "docente.eva");

        List<FilledForm> session = forms.ofSession(SCHOOL, FormFixtures.SESSION);
        assertEquals(List.of("2 tabla", "3 formulario"), session.stream()
                .map(f -> f.place().activity() + " " + f.place().type()).toList());
        assertEquals("2019-11-29", session.get(1).content().values().get("fecha"));
        assertEquals(Instant.parse("2019-10-25T15:00:00Z"), session.get(1).updatedAt());
    }
}
