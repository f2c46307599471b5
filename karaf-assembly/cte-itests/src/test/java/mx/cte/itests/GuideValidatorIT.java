package mx.cte.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The descriptor validator as a state team runs it, without the platform: {@code java -jar
 * mx.cte.guide.registry-…-validador.jar guide.json}, with nothing but a JDK (issue 22, authoring tools).
 */
public class GuideValidatorIT {

    private static final Path JAR = Path.of(System.getProperty("cte.it.guideValidator",
            "../../bundles/mx.cte.guide.registry/target/validador.jar"));
    private static final Path THIRD_SESSION = Path.of("../../bundles/guides/"
            + "mx.cte.guides.sep.2016-2017.preescolar.ordinaria-3/src/main/resources/guide/guide.json");

    private record Run(int exit, String out, String err) {
    }

    private static Run validate(Path... descriptors) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-jar", JAR.toString()));
        for (Path descriptor : descriptors) {
            command.add(descriptor.toString());
        }
        Path out = Files.createTempFile("validador", ".out");
        Path err = Files.createTempFile("validador", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertTrue("the validator answered within 60 s", process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    public void aStateTeamValidatesDescriptorsWithTheJarAloneAndReadsEachProblemByLine() throws Exception {
        assertTrue("built by the registry module: " + JAR.toAbsolutePath(), Files.isRegularFile(JAR));
        Path broken = Files.createTempFile("guia-estatal", ".json");
        Files.writeString(broken, Files.readString(THIRD_SESSION, StandardCharsets.UTF_8)
                .replaceFirst("\"equipo-por-grado\"", "\"todos\""),
                StandardCharsets.UTF_8);
        int line = 0;
        List<String> lines = Files.readAllLines(broken, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size() && line == 0; i++) {
            if (lines.get(i).contains("\"todos\"")) {
                line = i + 1;
            }
        }
        Path notJson = Files.createTempFile("guia-rota", ".json");
        Files.writeString(notJson, "{\n  \"schemaVersion\": 1,\n  \"title\": \"Guía\"\n  \"version\": \"1.0.0\"\n}\n",
                StandardCharsets.UTF_8);

        Run run = validate(THIRD_SESSION, broken, notJson);

        assertEquals(run.err(), 1, run.exit());
        assertTrue(run.out(), run.out().contains("guía SEP:2016-2017:preescolar:ordinaria-3 edición 1.0.0 válida, 21"
                + " actividades"));
        assertTrue(run.err(), run.err().contains(broken + ":" + line + ": $.sections["));
        assertTrue(run.err(), run.err().contains(".participations[0]: no tiene un valor en la enumeración"));
        assertTrue(run.err(), run.err().contains(notJson + ":4: $: el descriptor no es JSON válido en la línea 4,"
                + " columna 3: falta una coma entre dos elementos"));
        assertFalse("nothing but the problems: no log lines, no stack trace", run.err().contains("Exception")
                || run.err().contains("SLF4J"));

        Run valid = validate(THIRD_SESSION);
        assertEquals(valid.err(), 0, valid.exit());
    }

    @Test
    public void aProjectFromTheArchetypeHoldsAValidDescriptorAndAGuideBundleManifest() throws Exception {
        Path project = Path.of(System.getProperty(CteKaraf.ARCHETYPE_PROJECT_PROPERTY));
        Run run = validate(project.resolve("src/main/resources/guide/guide.json"));
        assertEquals(run.err(), 0, run.exit());
        assertTrue(run.out(), run.out().contains("guía 15:2024-2025:primaria:ordinaria-1 edición 1.0.0 válida"));
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(project.resolve(
                "target/guia-2024-2025-primaria-ordinaria-1-1.0.0.jar").toFile())) {
            java.util.jar.Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("guide/guide.json", manifest.getValue("CTE-Guide"));
            assertEquals("1.0.0", manifest.getValue("Bundle-Version"));
            assertEquals("mx.gob.edomex.cte.guia-2024-2025-primaria-ordinaria-1",
                    manifest.getValue("Bundle-SymbolicName"));
            assertEquals("no code, no wiring", null, manifest.getValue("Import-Package"));
            assertTrue("nothing but content", jar.stream().noneMatch(e -> e.getName().endsWith(".class")));
        }
    }
}
