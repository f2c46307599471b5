package mx.cte.core.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public JSON document that changes rarely (a guide edition, say), kept encoded with its {@code ETag} so that
 * serving it costs a copy of bytes: no serialisation and no hashing per request. Sent with
 * {@link JsonResponses#writeRevalidated(javax.servlet.http.HttpServletRequest, javax.servlet.http.HttpServletResponse,
 * PublicDocument)}.
 */
public final class PublicDocument {

    private final byte[] bytes;
    private final String etag;

    private PublicDocument(byte[] bytes, String etag) {
        this.bytes = bytes;
        this.etag = etag;
    }

    public static PublicDocument of(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new PublicDocument(bytes, "\"" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(digest, 18)) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The strong entity tag, quoted. */
    public String etag() {
        return etag;
    }

    public int length() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Whether an {@code If-None-Match} header names this document (weakly or strongly, or {@code *}). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals(etag) || candidate.equals("W/" + etag) || candidate.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
