package mx.cte.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mx.cte.content.guard.testing.DisguisedJars;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Pax Exam options that boot the distribution built in this reactor (by path, so nothing must be installed in the
 * local repository first) on free ports, with the JVM options Karaf's own launcher uses on Java 17.
 *
 * <p>{@code @Configuration} runs in the Maven JVM and the tests inside Karaf: values computed here reach the tests
 * only as system properties, hence {@link #HTTP_PORT_PROPERTY}.
 */
public final class CteKaraf {

    public static final String HTTP_PORT_PROPERTY = "cte.it.httpPort";
    /** Path of the state's fourth-session guide jar built by the reactor. */
    public static final String STATE_GUIDE_PROPERTY = "cte.it.stateGuide";
    /** The folder of the guide modules, where the format-2 example guides are built. */
    public static final String EXAMPLE_GUIDES_PROPERTY = "cte.it.exampleGuides";
    /**
     * The example of a later session's work: the agreements', the pupils' and the programme's reviews, a table and a
     * checklist the guide lays out.
     */
    public static final String EXAMPLE_LATER = "mx.cte.guides.ejemplo.2019-2020.basica.ordinaria-3";
    /** The example of the 2021-2022 shape: moments, activities before the session, annexes, an image. */
    public static final String EXAMPLE_2021 = "mx.cte.guides.ejemplo.2021-2022.primaria.ordinaria-2";
    /** The example of an intensive phase: three session days with their agendas. */
    public static final String EXAMPLE_INTENSIVE = "mx.cte.guides.ejemplo.2022-2023.basica.intensiva";

    /** Path of a guide jar whose central directory hides an activator ({@code DisguisedJars}). */
    public static final String DISGUISED_GUIDE_PROPERTY = "cte.it.disguisedGuide";
    /** Path of a guide jar that carries an activator openly. */
    public static final String CODE_GUIDE_PROPERTY = "cte.it.codeGuide";

    // Chosen once per JVM: identical options let Pax Exam's PerSuite strategy boot one container for all classes.
    private static final String HTTP_PORT = String.valueOf(Ports.free());
    private static final String RMI_REGISTRY_PORT = String.valueOf(Ports.free());
    private static final String RMI_SERVER_PORT = String.valueOf(Ports.free());
    private static final String SSH_PORT = String.valueOf(Ports.free());
    /** How long the test probe waits for Pax Exam's injector and the JUnit invoker (3 minutes). */
    private static final String PROBE_WAIT_MILLIS = "180000";

    private CteKaraf() {
    }

    public static Option[] distribution(Option... extra) {
        String archive = requiredProperty("cte.distribution.archive");
        File archiveFile = new File(archive);
        if (!archiveFile.isFile()) {
            throw new IllegalStateException("Distribution archive not found: " + archive
                    + " (build it with ./mvnw verify from the repository root)");
        }
        String karafVersion = "4.4.10";
        String httpPort = HTTP_PORT;
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(archiveFile.toURI().toString())
                        .name("CTE distribution")
                        .karafVersion(karafVersion)
                        .unpackDirectory(new File(requiredProperty("cte.exam.directory")))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        RMI_REGISTRY_PORT),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        RMI_SERVER_PORT),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", SSH_PORT),
                // The tests' sessions are of past school years: their pupils are kept, not anonymised.
                editConfigurationFilePut("etc/mx.cte.pupils.cfg", "retentionYears", "50"),
                // The tests publish the example guides at runtime themselves (and remove them): not the demo.
                editConfigurationFilePut("etc/mx.cte.guides.demo.cfg", "enabled", "false"),
                editConfigurationFilePut("etc/mx.cte.forms.demo.cfg", "enabled", "false"),
                // The container fetches Pax Exam's own feature through Maven: use the build's repository, keep
                // Central as the remote so that a fresh machine works.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.localRepository", requiredProperty("cte.maven.localRepository")),
                // The test probe can start while the boot features still install; Pax Exam's extender then waits
                // only 10 s for its injector and, having given up, leaves the suite waiting forever (PAXEXAM-765).
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT")
                        .value(PROBE_WAIT_MILLIS),
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value(PROBE_WAIT_MILLIS),
                systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
                systemProperty(STATE_GUIDE_PROPERTY).value(requiredProperty(STATE_GUIDE_PROPERTY)),
                systemProperty(EXAMPLE_GUIDES_PROPERTY).value(requiredProperty(EXAMPLE_GUIDES_PROPERTY)),
                systemProperty(Signing.DEMO_KEYS_PROPERTY).value(requiredProperty(Signing.DEMO_KEYS_PROPERTY)),
                systemProperty(ChannelIT.TOOL_PROPERTY).value(requiredProperty(ChannelIT.TOOL_PROPERTY)),
                systemProperty(ARCHETYPE_PROJECT_PROPERTY).value(requiredProperty(ARCHETYPE_PROJECT_PROPERTY)),
                systemProperty(DISGUISED_GUIDE_PROPERTY).value(writeJar("guia-disfrazada.jar",
                        DisguisedJars.guideWithHiddenActivator("it.guide.disfrazada", "1.0.0",
                                GuideBundles.descriptor("disfrazada", "1.0.0", "texto-libre")))),
                systemProperty(CODE_GUIDE_PROPERTY).value(writeJar("guia-con-codigo.jar",
                        DisguisedJars.guideWithActivator("it.guide.codigo", "1.0.0",
                                GuideBundles.descriptor("codigo", "1.0.0", "texto-libre"))))));
        options.addAll(java17Options(karafVersion));
        if (Boolean.getBoolean("cte.it.keepRuntime")) {
            // -Dcte.it.keepRuntime=true keeps target/exam/<uuid> to read data/log/karaf.log after a run.
            options.add(KarafDistributionOption.keepRuntimeFolder());
        }
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /** The project the guide archetype generated and built in its integration test. */
    public static final String ARCHETYPE_PROJECT_PROPERTY = "cte.it.archetypeProject";

    /** The jar of an example guide module, as the reactor built it. */
    public static Path exampleGuide(String module) {
        return Path.of(requiredProperty(EXAMPLE_GUIDES_PROPERTY), module, "target", module + "-1.0.0.jar");
    }

    /** Writes a jar built here, in the Maven JVM, where the tests inside Karaf can read it. */
    private static String writeJar(String name, byte[] content) {
        try {
            Path file = Path.of(requiredProperty("cte.exam.directory")).resolve("jars").resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options of the Java 9+ block of Karaf's {@code bin/karaf}; without them the container logs errors. */
    private static List<Option> java17Options(String karafVersion) {
        return List.of(CoreOptions.vmOptions(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (run the tests with Maven)");
        }
        return value;
    }
}
