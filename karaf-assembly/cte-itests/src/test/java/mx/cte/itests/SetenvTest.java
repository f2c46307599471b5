package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The distribution's {@code bin/setenv} chooses the JVM's memory options. A JVM refuses to start with an option it
 * does not know, so the native-heap trimming must be added only on JDKs that have it, and sourcing the script must not
 * disturb the arguments of the script that sources it ({@code bin/client}'s, {@code bin/karaf}'s).
 */
public class SetenvTest {

    private static final Path SETENV = Paths.get("../cte-distribution/src/main/resources/bin/setenv");
    private static final String TRIM = "-XX:TrimNativeHeapInterval=5000";

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void trimsTheNativeHeapOnlyWhereTheJdkHasTheOption() throws Exception {
        assertTrue(optionsFor("17.0.15").contains(TRIM));
        assertTrue(optionsFor("17.0.9").contains(TRIM));
        assertFalse(optionsFor("17.0.8").contains(TRIM));
        assertFalse(optionsFor("17").contains(TRIM));
        assertFalse(optionsFor("21.0.5").contains(TRIM));
        assertTrue(optionsFor("22").contains(TRIM));
        assertTrue(optionsFor("25.0.3").contains(TRIM));
        assertFalse("without a release file", optionsFor(null).contains(TRIM));
        assertTrue(optionsFor("17.0.15").startsWith("-Xms64m -Xmx160m -XX:+UseSerialGC"));
        // Without them the mixed load's short-lived objects filled the old generation: docs/performance.md.
        assertTrue(optionsFor("17.0.15").contains("-XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=90"));
        // H2's page reads keep their cached buffer, its commits do not (28 MB with 300 threads at 64 KB).
        assertTrue(optionsFor("17.0.15").contains("-Djdk.nio.maxCachedBufferSize=16384"));
    }

    @Test
    public void theOptionsItChoosesStartThisJdk() throws Exception {
        Path javaHome = Paths.get(System.getProperty("java.home"));
        String options = run(javaHome, null).get(0);
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(List.of(options.trim().split("\\s+")));
        command.add("-version");
        output(new ProcessBuilder(command), options + " refused by " + javaHome);
    }

    @Test
    public void keepsTheArgumentsOfTheScriptThatSourcesIt() throws Exception {
        List<String> lines = run(fakeJavaHome("17.0.15"), null, "first", "second one");
        assertEquals("2|first|second one", lines.get(1));
    }

    @Test
    public void anOperatorsOwnOptionsReplaceTheDefaults() throws Exception {
        assertEquals("-Xmx1g -XX:+UseG1GC", run(fakeJavaHome("17.0.15"), "-Xmx1g -XX:+UseG1GC").get(0));
    }

    private String optionsFor(String version) throws Exception {
        return run(fakeJavaHome(version), null).get(0);
    }

    private Path fakeJavaHome(String version) throws IOException {
        Path home = folder.newFolder().toPath();
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version
                    + "\"\nJAVA_VERSION_DATE=\"2025-04-15\"\n");
        }
        return home;
    }

    /**
     * Sources setenv as bin/karaf does, with the given arguments and the operator's {@code EXTRA_JAVA_OPTS} (null:
     * none); prints the options, then the arguments.
     */
    private List<String> run(Path javaHome, String operatorOptions, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", probe().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        if (operatorOptions == null) {
            builder.environment().remove("EXTRA_JAVA_OPTS");
        } else {
            builder.environment().put("EXTRA_JAVA_OPTS", operatorOptions);
        }
        return output(builder, "the probe");
    }

    /** A distribution's bin/ with setenv beside a script that sources it (no etc/: no administrator is made). */
    private Path probe() throws IOException {
        Path bin = folder.newFolder().toPath().resolve("bin");
        Files.createDirectories(bin);
        Files.copy(SETENV, bin.resolve("setenv"));
        Path script = bin.resolve("probe");
        Files.writeString(script, ". \"$(dirname \"$0\")/setenv\"\n"
                + "printf '%s\\n' \"$EXTRA_JAVA_OPTS\"\n"
                + "printf '%s|%s|%s\\n' \"$#\" \"${1:-}\" \"${2:-}\"\n");
        return script;
    }

    /** Runs the process to its end and expects exit 0; {@code what} names it in a failure. */
    private static List<String> output(ProcessBuilder builder, String what) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(what + " did not end", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(what + ": " + output, 0, process.exitValue());
        return List.of(output.split("\n"));
    }
}
