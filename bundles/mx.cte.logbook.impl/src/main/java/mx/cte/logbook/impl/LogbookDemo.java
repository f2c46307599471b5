package mx.cte.logbook.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.tasks.WhenReady;
import mx.cte.logbook.api.AgreementDraft;
import mx.cte.logbook.api.AgreementStatus;
import mx.cte.logbook.api.Logbook;
import mx.cte.logbook.api.ZoneAgreementDraft;
import mx.cte.logbook.api.ZoneLogbook;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolDirectory;
import mx.cte.security.api.Account;
import mx.cte.security.api.Accounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo school's agreements of the session before the third (what the next session's review and the home's count
 * of open agreements show) and the demo zone's council agreements (what the supervisor reviews). Texts invented for
 * the demo and marked as such; deadlines counted from the day it is written, so that they are still open. Only when
 * configured ({@code etc/mx.cte.logbook.demo.cfg}), only where the school, or the zone, has none yet.
 */
@Component(configurationPid = "mx.cte.logbook.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = LogbookDemo.Config.class)
public final class LogbookDemo {

    private static final Logger LOG = LoggerFactory.getLogger(LogbookDemo.class);
    static final Cct SCHOOL = Cct.parse("15EJN0101A");
    static final mx.cte.schools.api.ZoneId ZONE = mx.cte.schools.api.ZoneId.parse("15-preescolar-015");
    static final String EARLIER_SESSION = "SEP:2016-2017:preescolar:ordinaria-2";
    static final List<String> RESPONSIBLES = List.of("directora.rosaura", "docente.ana");
    private static final String AUTHOR = "demostracion";
    /** The demo accounts are made by another component, in no set order with this one: awaited this long at most. */
    private static final Duration STAFF_WAIT = Duration.ofMinutes(2);

    @ObjectClassDefinition(name = "CTE demo logbook")
    public @interface Config {
        @AttributeDefinition(description = "Write the demo school's and the demo zone's agreements when they have none")
        boolean enabled() default false;
    }

    private final WhenReady writing;

    @Activate
    public LogbookDemo(@Reference Logbook logbook, @Reference ZoneLogbook zones, @Reference Accounts accounts,
            @Reference SchoolDirectory directory, @Reference(cardinality = ReferenceCardinality.OPTIONAL)
            Cluster cluster, Config config) {
        if (!config.enabled()) {
            writing = null;
            return;
        }
        LocalDate today = LocalDate.now(Clock.system(ZoneId.of("America/Mexico_City")));
        writing = WhenReady.start("cte-logbook-demo", STAFF_WAIT,
                () -> directory.school(SCHOOL).isPresent() && staff(accounts).containsAll(RESPONSIBLES), () -> {
                    try {
                        Cluster.runAlone(cluster, "bitacora-demo", () -> loadIfAbsent(logbook, zones, today));
                    } catch (RuntimeException e) {
                        LOG.error("Demo agreements not written", e);
                    }
                }, () -> LOG.warn("Demo agreements not written: the demo school {} or its demo staff {} are not"
                        + " there", SCHOOL, RESPONSIBLES));
    }

    @Deactivate
    void deactivate() {
        if (writing != null) {
            writing.cancel();
        }
    }

    private static Set<String> staff(Accounts accounts) {
        return accounts.staffOf(SCHOOL).stream().map(Account::username).collect(Collectors.toSet());
    }

    /** Writes what is missing; true when it wrote anything. */
    static boolean loadIfAbsent(Logbook logbook, ZoneLogbook zones, LocalDate today) {
        boolean wrote = false;
        if (logbook.ofSession(SCHOOL, EARLIER_SESSION).isEmpty()) {
            logbook.record(SCHOOL, agreement("Leer en voz alta un cuento cada mañana en todos los grupos y conversar"
                    + " sobre él (demostración)", "Cada educadora anota en su diario qué cuento leyó y qué dijeron los"
                    + " niños", today.plusDays(30), AgreementStatus.EN_CURSO), AUTHOR);
            logbook.record(SCHOOL, agreement("Organizar la biblioteca de aula con las madres y los padres de familia"
                    + " (demostración)", "La directora convoca; cada educadora organiza la de su grupo",
                    today.plusDays(15), AgreementStatus.PENDIENTE), AUTHOR);
            logbook.record(SCHOOL, agreement("Llamar a la familia del niño que falte dos días seguidos"
                    + " (demostración)", "Cada educadora registra la llamada y lo que se acordó con la familia",
                    today.plusDays(45), AgreementStatus.PENDIENTE), AUTHOR);
            LOG.info("Demo agreements of {} written for {}", EARLIER_SESSION, SCHOOL);
            wrote = true;
        }
        if (zones.of(ZONE).isEmpty()) {
            zones.record(ZONE, new ZoneAgreementDraft("CTZ de octubre de 2016", "Compartir entre escuelas las"
                    + " estrategias de lectura que dieron resultado (demostración)", "Directoras de la zona",
                    today.plusDays(30)), AUTHOR);
            zones.record(ZONE, new ZoneAgreementDraft("CTZ de octubre de 2016", "Acompañar en cada escuela la"
                    + " aplicación de las tarjetas de intervención (demostración)", "Supervisión y asesoría técnica"
                    + " pedagógica", today.plusDays(60)), AUTHOR);
            LOG.info("Demo zone council agreements written for {}", ZONE);
            wrote = true;
        }
        return wrote;
    }

    private static AgreementDraft agreement(String text, String commitments, LocalDate deadline,
            AgreementStatus status) {
        return new AgreementDraft(EARLIER_SESSION, null, text, RESPONSIBLES, commitments, deadline, status);
    }
}
