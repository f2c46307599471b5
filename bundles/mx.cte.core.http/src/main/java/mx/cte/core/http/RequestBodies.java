package mx.cte.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.servlet.http.HttpServletRequest;

/**
 * Request bodies read within a limit counted on the bytes read, whatever the request announces (a chunked body has no
 * length to check beforehand), and a client that stops sending halfway answered as such: {@code 413} past the limit,
 * {@code 408} when the body stops arriving (the container's read times out, see {@code etc/jetty.xml}).
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The whole body, at most {@code maxBytes}; {@code tooLarge} is the 413's detail for the user. */
    public static byte[] read(HttpServletRequest request, int maxBytes, String tooLarge) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ProblemException(413, "Solicitud demasiado grande", tooLarge);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
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
        try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
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

    /** The client stopped sending the body before its end. */
    public static ProblemException incomplete() {
        return new ProblemException(408, "Solicitud incompleta", "El cuerpo de la solicitud dejó de llegar antes de"
                + " completarse; vuelva a enviarla.");
    }
}
