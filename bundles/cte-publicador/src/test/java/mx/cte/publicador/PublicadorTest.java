package mx.cte.publicador;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PublicadorTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new Publicador(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), environment, Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"),
                        ZoneOffset.UTC)).run(args);
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void theSepCertifiesAStateKeyThatSignsTheStatesGuideOnlyAndARevocationEndsIt() throws Exception {
        Path keys = Files.createDirectories(folder.getRoot().toPath().resolve("claves"));
        String root = folder.getRoot() + "/raiz";
        String state = keys + "/edomex";
        Map<String, String> rootPhrase = Map.of("CTE_FRASE", "raíz secreta", "CTE_FRASE_RAIZ", "raíz secreta");
        assertEquals(said(), 0, run(rootPhrase, "clave", "--identidad", "SEP raíz", "--salida", root));
        assertEquals(said(), 0, run(Map.of(), "clave", "--identidad", "SE Edomex", "--salida", state));
        assertEquals("a key is never overwritten", 2, run(Map.of(), "clave", "--identidad", "x", "--salida", state));
        Files.move(Path.of(state + ".clave.asc"), folder.getRoot().toPath().resolve("edomex.clave.asc"));
        assertEquals(said(), 0, run(rootPhrase, "certificar", "--raiz", root + ".clave.asc", "--clave", state + ".asc",
                "--publicador", "15", "--desde", "2026-08-01", "--hasta", "2027-08-31"));
        assertTrue(said(), said().contains("para 15 del 2026-08-01 al 2027-08-31"));

        Path guide = folder.newFile("guia.jar").toPath();
        Files.write(guide, "contenido de la guía".getBytes(StandardCharsets.UTF_8));
        assertEquals(said(), 0, run(Map.of(), "firmar", "--clave", folder.getRoot() + "/edomex.clave.asc",
                guide.toString()));
        assertTrue(Files.readString(Path.of(guide + ".asc")).startsWith("-----BEGIN PGP SIGNATURE-----"));

        assertEquals(said(), 0, run(Map.of(), "verificar", "--raiz", root + ".asc", "--claves", keys.toString(),
                "--publicador", "15", guide.toString()));
        assertEquals(said(), 1, run(Map.of(), "verificar", "--raiz", root + ".asc", "--claves", keys.toString(),
                "--publicador", "SEP", guide.toString()));
        assertTrue(said(), said().contains("solo contenido de la entidad 15"));

        Files.write(guide, "contenido de la guia".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, run(Map.of(), "verificar", "--raiz", root + ".asc", "--claves", keys.toString(),
                "--publicador", "15", guide.toString()));
        assertTrue(said(), said().contains("modificado después de firmarse"));

        assertEquals(said(), 0, run(rootPhrase, "revocar", "--raiz", root + ".clave.asc", "--clave", state + ".asc",
                "--motivo", "equipo robado"));
        assertEquals(said(), 0, run(Map.of(), "firmar", "--clave", folder.getRoot() + "/edomex.clave.asc",
                guide.toString()));
        assertEquals(1, run(Map.of(), "verificar", "--raiz", root + ".asc", "--claves", keys.toString(),
                "--publicador", "15", guide.toString()));
        assertTrue(said(), said().contains("revocada por la SEP"));
    }

    @Test
    public void aWrongPassphraseOrABadOptionIsSaidPlainly() throws Exception {
        String root = folder.getRoot() + "/raiz";
        assertEquals(0, run(Map.of("CTE_FRASE", "buena"), "clave", "--identidad", "SEP raíz", "--salida", root));
        Path file = folder.newFile("a.jar").toPath();
        assertEquals(2, run(Map.of("CTE_FRASE", "mala"), "firmar", "--clave", root + ".clave.asc", file.toString()));
        assertTrue(said(), said().contains("frase de paso incorrecta"));
        assertEquals(2, run(Map.of(), "certificar", "--raiz", root + ".clave.asc", "--clave", root + ".asc",
                "--publicador", "33", "--desde", "2026-08-01", "--hasta", "2027-08-31"));
        assertTrue(said(), said().contains("01 a 32"));
        assertEquals(2, run(Map.of(), "firmar", "--clave"));
        assertEquals(2, run(Map.of(), "volar"));
        assertTrue(said(), said().contains("orden desconocida"));
    }

    static byte[] guideJar(String publisher, String version, String participation) throws Exception {
        String descriptor = "{\"schemaVersion\": 1, \"id\": {\"publisher\": \"" + publisher + "\", \"cycle\":"
                + " \"2026-2027\", \"level\": \"primaria\", \"session\": \"ordinaria-5\"}, \"version\": \""
                + version + "\", \"title\": \"Quinta sesión\", \"publisher\": {\"code\": \"" + publisher
                + "\", \"name\": \"Pruebas\"}, \"sections\": [{\"id\": \"unica\", \"title\": \"Única\","
                + " \"activities\": [{\"number\": 1, \"participation\": \"" + participation + "\","
                + " \"instructions\": [\"Comenten.\"], \"product\": {\"type\": \"texto-libre\"}}]}]}";
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "guia.quinta");
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        manifest.getMainAttributes().putValue("CTE-Guide", "guide/guide.json");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(bytes, manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("guide/guide.json"));
            out.write(descriptor.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    public void publishingValidatesSignsAndAddsToTheChannelRaisingTheIndexVersion() throws Exception {
        String key = folder.getRoot() + "/sep";
        assertEquals(0, run(Map.of(), "clave", "--identidad", "SEP", "--salida", key));
        Path channel = folder.getRoot().toPath().resolve("canal");
        Path first = folder.getRoot().toPath().resolve("quinta-1.0.0.jar");
        Files.write(first, guideJar("SEP", "1.0.0", "colectivo"));
        assertEquals(said(), 0, run(Map.of(), "publicar", "--canal", channel.toString(), "--clave", key
                + ".clave.asc", "--publicador", "SEP", "--vigencia-dias", "7", first.toString()));
        assertTrue(said(), said().contains("guia SEP:2026-2027:primaria:ordinaria-5 edición 1.0.0"));
        com.google.gson.JsonObject index = com.google.gson.JsonParser.parseString(Files.readString(channel
                .resolve("channel.json"))).getAsJsonObject();
        assertEquals(1, index.get("version").getAsLong());
        assertEquals("2026-12-07T10:00:00Z", index.get("expires").getAsString());
        com.google.gson.JsonObject entry = index.getAsJsonArray("artifacts").get(0).getAsJsonObject();
        assertEquals("artefactos/quinta-1.0.0.jar", entry.get("path").getAsString());
        assertEquals(ChannelFolder.sha256(Files.readAllBytes(first)), entry.get("sha256").getAsString());
        assertTrue(Files.isRegularFile(channel.resolve("artefactos/quinta-1.0.0.jar.asc")));
        assertTrue(Files.isRegularFile(channel.resolve("channel.json.asc")));

        Path broken = folder.getRoot().toPath().resolve("quinta-1.0.1.jar");
        Files.write(broken, guideJar("SEP", "1.0.1", "todos"));
        assertEquals(2, run(Map.of(), "publicar", "--canal", channel.toString(), "--clave", key + ".clave.asc",
                "--publicador", "SEP", broken.toString()));
        assertTrue(said(), said().contains("la plataforma rechazaría su descriptor"));
        Path state = folder.getRoot().toPath().resolve("quinta-estatal.jar");
        Files.write(state, guideJar("15", "1.0.0", "colectivo"));
        assertEquals(2, run(Map.of(), "publicar", "--canal", channel.toString(), "--clave", key + ".clave.asc",
                "--publicador", "SEP", state.toString()));
        assertTrue(said(), said().contains("este canal publica solo contenido de SEP"));

        assertEquals(said(), 0, run(Map.of(), "renovar", "--canal", channel.toString(), "--clave", key
                + ".clave.asc", "--publicador", "SEP"));
        index = com.google.gson.JsonParser.parseString(Files.readString(channel.resolve("channel.json")))
                .getAsJsonObject();
        assertEquals("renewed: a higher version, the same artifacts", 2, index.get("version").getAsLong());
        assertEquals(1, index.getAsJsonArray("artifacts").size());
    }
}
