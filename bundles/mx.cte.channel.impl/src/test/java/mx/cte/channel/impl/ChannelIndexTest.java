package mx.cte.channel.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class ChannelIndexTest {

    static final String SHA = "a".repeat(64);

    static String index(long version, String expires, String artifacts) {
        return "{\"format\": 1, \"channel\": \"sep\", \"publisher\": \"SEP\", \"version\": " + version + ","
                + " \"published\": \"2026-12-01T10:00:00Z\", \"expires\": \"" + expires + "\", \"artifacts\": ["
                + artifacts + "]}";
    }

    static String artifact(String path) {
        return "{\"path\": \"" + path + "\", \"sha256\": \"" + SHA + "\", \"size\": 10, \"kind\": \"guia\","
                + " \"key\": \"SEP:2016-2017:preescolar:ordinaria-5\", \"edition\": \"1.0.0\", \"publisher\": \"SEP\"}";
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> ChannelIndex.parse(json.getBytes(
                StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    public void aValidIndexListsItsArtifactsWithTheirPlatformRange() {
        ChannelIndex index = ChannelIndex.parse(index(3, "2026-12-15T10:00:00Z", artifact("artefactos/g-1.0.0.jar"))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(3, index.version());
        assertEquals("SEP", index.publisher());
        assertEquals(1, index.artifacts().size());
        assertEquals("[0,999)", index.artifacts().get(0).platform());
        assertEquals(SHA, index.artifact("artefactos/g-1.0.0.jar").sha256());
    }

    @Test
    public void everyMistakeNamesItsMember() {
        assertTrue(refusal("[]").contains("objeto"));
        assertTrue(refusal("{\"format\": 2}").contains("$.format"));
        assertTrue(refusal(index(-1, "2026-12-15T10:00:00Z", "")).contains("$.version"));
        assertTrue(refusal(index(1, "mañana", "")).contains("$.expires"));
        assertTrue(refusal(index(1, "2026-11-01T10:00:00Z", "")).contains("posterior a $.published"));
        assertTrue(refusal(index(1, "2026-12-15T10:00:00Z", artifact("../etc/x.jar"))).contains(
                "$.artifacts[0].path"));
        assertTrue(refusal(index(1, "2026-12-15T10:00:00Z", artifact("a.jar") + "," + artifact("a.jar")))
                .contains("aparece dos veces"));
        assertTrue(refusal(index(1, "2026-12-15T10:00:00Z", artifact("a.jar").replace(SHA, "xyz")))
                .contains("$.artifacts[0].sha256"));
        assertTrue(refusal(index(1, "2026-12-15T10:00:00Z", artifact("a.jar").replace("\"guia\"", "\"codigo\"")))
                .contains("$.artifacts[0].kind"));
    }
}
