package mx.cte.forms.impl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.tasks.WhenReady;
import mx.cte.forms.api.FilledForms;
import mx.cte.forms.api.FormContent;
import mx.cte.forms.api.ItemAnswer;
import mx.cte.forms.api.ProductPlace;
import mx.cte.schools.api.Cct;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo preschool wrote in the two products the demo's later-shape example guide lays out (its table of
 * strategies by grade and its checklist of the classroom's conditions), so that the demo shows them filled. Texts
 * invented for the demo and marked as such. Only when configured ({@code etc/mx.cte.forms.demo.cfg}), only while the
 * school has written nothing there, and once that guide is active (the demo publishes it beside this module, in no set
 * order with it).
 */
@Component(configurationPid = "mx.cte.forms.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
public final class FormsDemo {

    private static final Logger LOG = LoggerFactory.getLogger(FormsDemo.class);
    static final Cct SCHOOL = Cct.parse("15EJN0101A");
    /** The later-shape example guide the demo distribution publishes (demo/guias/). */
    static final String SESSION = "SEP:2019-2020:basica:ordinaria-3-ejemplo";
    static final ProductPlace TABLE = new ProductPlace(SCHOOL, SESSION, 3, "tabla");
    static final ProductPlace CHECKLIST = new ProductPlace(SCHOOL, SESSION, 4, "lista-cotejo");
    private static final String AUTHOR = "demostracion";
    /** The example guide is published by another component at the start: awaited this long at most. */
    private static final Duration GUIDE_WAIT = Duration.ofMinutes(3);

    public @interface Config {
        /** Fill the demo school's products of the example guide while they are empty. */
        boolean enabled() default false;
    }

    private final WhenReady writing;

    @Activate
    public FormsDemo(@Reference FilledForms forms, @Reference(cardinality = ReferenceCardinality.OPTIONAL)
            Cluster cluster, Config config) {
        if (!config.enabled()) {
            writing = null;
            return;
        }
        writing = WhenReady.start("cte-forms-demo", GUIDE_WAIT,
                () -> forms.product(TABLE).isPresent() && forms.product(CHECKLIST).isPresent(), () -> {
                    try {
                        Cluster.runAlone(cluster, "formularios-demo", () -> loadIfAbsent(forms));
                    } catch (RuntimeException e) {
                        LOG.error("Demo products of {} not written", SESSION, e);
                    }
                }, () -> LOG.info("Demo products not written: the example guide {} is not active (demo/guias/ and"
                        + " etc/mx.cte.guides.demo.cfg publish it)", SESSION));
    }

    @Deactivate
    void deactivate() {
        if (writing != null) {
            writing.cancel();
        }
    }

    /** Writes each product the school has not written; true when it wrote anything. */
    static boolean loadIfAbsent(FilledForms forms) {
        boolean wrote = false;
        if (forms.find(TABLE).isEmpty()) {
            forms.save(TABLE, new FormContent(List.of(
                    row("1°", "Cantar y jugar con rimas al iniciar el día (demostración)",
                            "Dicen de memoria tres rimas nuevas al mes", "2020-01-31"),
                    row("2°", "Narrar entre todos lo que pasó el día anterior (demostración)",
                            "Cuentan en orden lo ocurrido, con inicio y final", "2020-01-31"),
                    row("3°", "Lectura en voz alta diaria y conversación sobre el cuento (demostración)",
                            "Anticipan qué pasará y lo comprueban al leer", "2020-02-28")), null, null), 0, AUTHOR);
            wrote = true;
        }
        if (forms.find(CHECKLIST).isEmpty()) {
            forms.save(CHECKLIST, new FormContent(null, null, List.of(
                    new ItemAnswer("Sí", "En los tres grupos (demostración)"),
                    new ItemAnswer("En proceso", "Falta reacomodar el grupo de 2° (demostración)"),
                    new ItemAnswer("Sí", ""))), 0, AUTHOR);
            wrote = true;
        }
        if (wrote) {
            LOG.info("Demo products of {} written for {}", SESSION, SCHOOL);
        }
        return wrote;
    }

    private static Map<String, String> row(String grade, String strategy, String indicator, String review) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("grado", grade);
        row.put("estrategia", strategy);
        row.put("indicador", indicator);
        row.put("revision", review);
        return row;
    }
}
