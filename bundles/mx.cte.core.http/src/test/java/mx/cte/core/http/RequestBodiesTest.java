package mx.cte.core.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

public class RequestBodiesTest {

    private final AtomicLong now = new AtomicLong();

    /** A body whose every read takes {@code millisPerRead} and hands out at most {@code bytesPerRead}. */
    private InputStream arriving(byte[] body, long millisPerRead, int bytesPerRead) {
        InputStream in = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                now.addAndGet(millisPerRead * 1_000_000L);
                return super.read(buffer, offset, Math.min(length, bytesPerRead));
            }
        };
        return new RequestBodies.MinimumRate(in, now::get);
    }

    @Test
    public void aSmallBodyReadLongAfterItArrivedIsRead() throws IOException {
        byte[] edit = "{\"texto\": \"Acuerdo del consejo\"}".getBytes(StandardCharsets.UTF_8);
        now.set(0);
        // What the server did before reading (a queue for a thread, a connection) is not the client's slowness.
        now.addAndGet(5_000_000_000L);
        try (InputStream in = arriving(edit, 0, edit.length)) {
            assertArrayEquals(edit, in.readAllBytes());
        }
    }

    @Test
    public void aBodyOnASlowLinkIsReadWhateverItsSize() throws IOException {
        byte[] photo = new byte[600 * 1024];
        // 50 KB/s, a school on 400 kbit/s: 12 s for the photo.
        try (InputStream in = arriving(photo, 160, 8 * 1024)) {
            assertEquals(photo.length, in.readAllBytes().length);
        }
    }

    @Test
    public void aBodyTrickledSlowerThanTheMinimumIsCutOnceTheGraceIsOver() throws IOException {
        byte[] body = new byte[100_000];
        try (InputStream in = arriving(body, 500, 10)) {
            in.readAllBytes();
            fail("a body at 20 bytes a second was read to its end");
        } catch (ProblemException cut) {
            assertEquals(408, cut.status());
            assertTrue(cut.detail(), cut.detail().contains("demasiado lento"));
            assertTrue("cut soon after the grace: " + now.get(), now.get() <= 4_000_000_000L);
        }
    }
}
