package mx.cte.core.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class JsonRequestsTest {

    /** An endless chunked body of spaces: counts what was read of it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            java.util.Arrays.fill(buffer, offset, offset + count, (byte) ' ');
            read += count;
            return count;
        }
    }

    @Test
    public void aChunkedBodyIsReadOnlyUpToTheLimit() {
        Endless body = new Endless();
        ProblemException problem = assertThrows(ProblemException.class, () -> JsonRequests.object(
                FakeHttp.request("POST", "/api/v1/x", "application/json", body, -1)));
        assertEquals(413, problem.status());
        assertTrue(body.read + " bytes read", body.read <= JsonRequests.MAX_BODY_BYTES + 8192);
    }

    @Test
    public void bytesThatAreNotUtf8AreRefusedNamingTheFirst() {
        byte[] latin1 = "{\"texto\": \"Educaci\u00f3n\"}".getBytes(StandardCharsets.ISO_8859_1);
        ProblemException problem = assertThrows(ProblemException.class, () -> JsonRequests.object(FakeHttp.request(
                "POST", "/api/v1/x", "application/json", new ByteArrayInputStream(latin1), latin1.length)));
        assertEquals(400, problem.status());
        assertEquals("El cuerpo no es texto UTF-8 válido: el byte 19 (0xF3) no forma un carácter UTF-8",
                problem.detail());
    }

    @Test
    public void aUtf8BodyIsReadWhole() throws Exception {
        byte[] utf8 = "{\"texto\": \"Educaci\u00f3n ni\u00f1as\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("Educación niñas", JsonRequests.object(FakeHttp.request("POST", "/api/v1/x",
                "application/json", new ByteArrayInputStream(utf8), -1)).get("texto").getAsString());
    }
}
