package mx.cte.core.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;
import javax.servlet.http.HttpServletRequest;

/**
 * Request bodies read within a limit counted on the bytes read, whatever the request announces (a chunked body has no
 * length to check beforehand), and a client that stops sending halfway answered as such: {@code 413} past the limit,
 * {@code 408} when the body stops arriving (the container's read times out, see {@code etc/jetty.xml}) or trickles in
 * slower than {@link #MINIMUM_BYTES_PER_SECOND}.
 *
 * <p>The rate is measured here, from the first read, and not by Jetty's {@code minRequestDataRate}: Jetty 9.4 counts
 * from the body's arrival, so a small body that a busy server reads a moment late (13 bytes after 7 ms, a 500-byte
 * edit after 250 ms queued for a thread or a connection) was refused as if the client had sent it slowly.
 */
public final class RequestBodies {

    /** Below this, a body is a slow-sending client holding a server thread (a school on 400 kbit/s sends 50 KB/s). */
    static final long MINIMUM_BYTES_PER_SECOND = 2048;
    /** How long any body may take before the rate applies; a read that waits longer is cut by the idle timeout. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private RequestBodies() {
    }

    /** The whole body, at most {@code maxBytes}; {@code tooLarge} is the 413's detail for the user. */
    public static byte[] read(HttpServletRequest request, int maxBytes, String tooLarge) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ProblemException(413, "Solicitud demasiado grande", tooLarge);
        }
        byte[] bytes;
        try (InputStream in = new MinimumRate(request.getInputStream(), System::nanoTime)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException stopped) {
            throw incomplete();
        }
        if (bytes.length > maxBytes) {
            throw new ProblemException(413, "Solicitud demasiado grande", tooLarge);
        }
        return bytes;
    }

    /**
     * The body streamed into a new temporary file, at most {@code maxBytes}, so that a large upload never sits whole
     * in memory. The caller deletes the file; on a problem it is already deleted.
     */
    public static Path toTemporaryFile(HttpServletRequest request, long maxBytes, String tooLarge) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ProblemException(413, "Solicitud demasiado grande", tooLarge);
        }
        Path file = Files.createTempFile("cte-body-", ".tmp");
        try (InputStream in = new MinimumRate(request.getInputStream(), System::nanoTime);
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = readOrStop(in, buffer); read >= 0; read = readOrStop(in, buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new ProblemException(413, "Solicitud demasiado grande", tooLarge);
                }
                out.write(buffer, 0, read);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static int readOrStop(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException stopped) {
            throw incomplete();
        }
    }

    /** A body whose bytes, counted from its first read, must keep up with the minimum rate once the grace is over. */
    static final class MinimumRate extends FilterInputStream {
        private final LongSupplier nanoTime;
        private long started = -1;
        private long bytes;

        MinimumRate(InputStream in, LongSupplier nanoTime) {
            super(in);
            this.nanoTime = nanoTime;
        }

        @Override
        public int read() throws IOException {
            start();
            int read = super.read();
            counted(read < 0 ? -1 : 1);
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            start();
            int read = super.read(buffer, offset, length);
            counted(read);
            return read;
        }

        private void start() {
            if (started < 0) {
                started = nanoTime.getAsLong();
            }
        }

        private void counted(int read) {
            if (read <= 0) {
                return;
            }
            bytes += read;
            long overGrace = nanoTime.getAsLong() - started - GRACE.toNanos();
            if (overGrace > 0 && bytes < MINIMUM_BYTES_PER_SECOND * overGrace / 1_000_000_000L) {
                throw new ProblemException(408, "Solicitud incompleta", "El cuerpo de la solicitud llegó demasiado"
                        + " lento (" + bytes + " bytes en " + Duration.ofNanos(overGrace + GRACE.toNanos()).toSeconds()
                        + " s); vuelva a enviarla.");
            }
        }
    }

    /** The client stopped sending the body before its end. */
    public static ProblemException incomplete() {
        return new ProblemException(408, "Solicitud incompleta", "El cuerpo de la solicitud dejó de llegar antes de"
                + " completarse; vuelva a enviarla.");
    }
}
