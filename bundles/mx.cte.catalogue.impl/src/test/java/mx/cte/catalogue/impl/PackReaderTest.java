package mx.cte.catalogue.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mx.cte.catalogue.api.ResourceKind;
import org.junit.Test;

public class PackReaderTest {

    private static PackReader.Outcome read(String json) {
        return PackReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void readsAPackWithItsEntries() {
        PackReader.Outcome outcome = read("{\"key\": \"sep-preescolar\", \"title\": \"Materiales SEP\","
                + " \"publisher\": \"SEP\", \"version\": \"1.0.0\", \"resources\": [{\"key\": \"album\","
                + " \"title\": \"Mi álbum. Preescolar\", \"kind\": \"libro\", \"author\": \"SEP\","
                + " \"grades\": [1, 2, 3], \"areas\": [\"Lenguaje oral\"]}]}");
        assertEquals(List.of(), outcome.problems());
        assertEquals("sep-preescolar", outcome.pack().key());
        assertEquals(ResourceKind.LIBRO, outcome.pack().entries().get(0).content().kind());
        assertEquals(List.of(1, 2, 3), outcome.pack().entries().get(0).content().grades());
    }

    @Test
    public void namesEveryProblemAtItsPathAndRefusesTheWholePack() {
        PackReader.Outcome outcome = read("{\"key\": \"SEP Preescolar\", \"title\": \"\", \"publisher\": \"SEP\","
                + " \"version\": \"1\", \"resources\": [{\"key\": \"a\", \"title\": \"Uno\", \"kind\": \"libro\"},"
                + " {\"key\": \"a\", \"title\": \"Dos\", \"kind\": \"revista\", \"grades\": [7]}, 3]}");
        assertNull(outcome.pack());
        assertEquals(List.of(
                "$.key: 'SEP Preescolar' debe ser minúsculas, dígitos y guiones, p. ej. sep-preescolar-2016",
                "$.title: está vacío",
                "$.version: '1' debe tener la forma 1.0.0",
                "$.resources[1].kind: 'revista' no es un tipo de recurso; use libro, lectura, material-didactico,"
                        + " sitio, video, audio u otro".replace(" u otro", " o otro"),
                "$.resources[1].grades: 7 no es un grado de 1 a 6",
                "$.resources[2]: cada recurso es un objeto"), outcome.problems());
        assertEquals(List.of("$: no es JSON válido: Expected value at line 1 column 9 path $.key"),
                read("{\"key\": }").problems());
    }
}
