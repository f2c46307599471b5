package mx.cte.evidence.impl;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Random;
import javax.imageio.ImageIO;
import mx.cte.cluster.api.Cluster;
import mx.cte.core.api.tasks.WhenReady;
import mx.cte.evidence.api.EvidenceOwner;
import mx.cte.evidence.api.EvidenceStore;
import mx.cte.programme.api.ImprovementProgramme;
import mx.cte.schools.api.Cct;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A piece of evidence on the demo preschool's Ruta de Mejora 2016-2017 (written by the programme's demo): a picture of
 * the reading corner its first action set up, drawn for the demonstration and described as such. Only when configured
 * ({@code etc/mx.cte.evidence.demo.cfg}), only when that action has no evidence yet.
 */
@Component(configurationPid = "mx.cte.evidence.demo", configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = EvidenceDemo.Config.class)
public final class EvidenceDemo {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceDemo.class);
    static final Cct SCHOOL = Cct.parse("15EJN0101A");
    static final String CYCLE = "2016-2017";
    static final EvidenceOwner OWNER = EvidenceOwner.programmeAction(CYCLE, "a1");
    static final String DESCRIPTION = "Rincón de lectura del grupo 3° A (imagen de demostración)";
    private static final String AUTHOR = "demostracion";
    /** The programme's demo is written by another component, in no set order with this one. */
    private static final Duration PROGRAMME_WAIT = Duration.ofMinutes(2);

    @ObjectClassDefinition(name = "CTE demo evidence")
    public @interface Config {
        @AttributeDefinition(description = "Attach a picture to the demo school's programme when it has none")
        boolean enabled() default false;
    }

    private final WhenReady writing;

    /** Optional: the evidence module is installed without the programme's as well, and then this does nothing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ImprovementProgramme programmes;

    @Activate
    public EvidenceDemo(@Reference EvidenceStore evidence,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) Cluster cluster, Config config) {
        if (!config.enabled()) {
            writing = null;
            return;
        }
        writing = WhenReady.start("cte-evidence-demo", PROGRAMME_WAIT,
                () -> {
                    ImprovementProgramme programme = programmes;
                    return programme != null && programme.find(SCHOOL, CYCLE).isPresent();
                }, () -> {
                    try {
                        Cluster.runAlone(cluster, "evidencias-demo", () -> attachIfAbsent(evidence));
                    } catch (RuntimeException e) {
                        LOG.error("Demo evidence not attached", e);
                    }
                }, () -> LOG.warn("Demo evidence not attached: the demo school {} has no programme {}", SCHOOL,
                        CYCLE));
    }

    @Deactivate
    void deactivate() {
        if (writing != null) {
            writing.cancel();
        }
    }

    /** True when it attached the picture. */
    static boolean attachIfAbsent(EvidenceStore evidence) {
        if (!evidence.of(SCHOOL, OWNER).isEmpty()) {
            return false;
        }
        evidence.attach(SCHOOL, OWNER, "rincon-de-lectura.png", DESCRIPTION, new ByteArrayInputStream(picture()),
                AUTHOR);
        LOG.info("Demo evidence attached to {} of {}", OWNER.id(), SCHOOL);
        return true;
    }

    /** A reading corner: shelves of books under a banner and a rug. Shapes only: a server may have no fonts. */
    static byte[] picture() {
        BufferedImage image = new BufferedImage(960, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xF6, 0xF1, 0xE4));
            g.fillRect(0, 0, 960, 640);
            g.setColor(new Color(0x2E, 0x7D, 0x5B));
            g.fillRect(80, 40, 800, 70);
            Random books = new Random(2016);
            Color[] covers = {new Color(0xC0392B), new Color(0x2980B9), new Color(0xF1C40F), new Color(0x8E44AD),
                new Color(0x16A085), new Color(0xE67E22)};
            for (int shelf = 0; shelf < 3; shelf++) {
                int base = 250 + shelf * 110;
                g.setColor(new Color(0x8B, 0x5A, 0x2B));
                g.fillRect(120, base, 720, 14);
                for (int x = 130; x < 820;) {
                    int width = 18 + books.nextInt(22);
                    int height = 60 + books.nextInt(30);
                    g.setColor(covers[books.nextInt(covers.length)]);
                    g.fillRect(x, base - height, width, height);
                    x += width + 4;
                }
            }
            g.setColor(new Color(0xD9, 0x8C, 0x8C));
            g.fillOval(260, 560, 440, 70);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
