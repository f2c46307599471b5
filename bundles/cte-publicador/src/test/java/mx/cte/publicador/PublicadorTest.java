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
}
