package mx.cte.core.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;

/** Reads JSON request bodies, turning every client mistake into a 400 problem that says what was wrong and where. */
public final class JsonRequests {

    /** Bodies larger than this are refused: no API request needs more. */
    public static final int MAX_BODY_BYTES = 1_048_576;

    private JsonRequests() {
    }

    /** The body as a JSON object. */
    public static JsonObject object(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ProblemException(415, "Tipo de contenido no admitido",
                    "El cuerpo debe ser JSON, con Content-Type: application/json");
        }
        String text = utf8Body(request, MAX_BODY_BYTES);
        try (JsonReader json = new JsonReader(new StringReader(text))) {
            json.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(json);
            if (!element.isJsonObject()) {
                throw ProblemException.badRequest("El cuerpo debe ser un objeto JSON ({…})");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw ProblemException.badRequest("El cuerpo no es JSON válido: " + cause(e));
        }
    }

    /**
     * The body as UTF-8 text. At most {@code maxBytes} are read whatever the request announces (a chunked body has no
     * length to check beforehand): more is a 413; bytes that are not UTF-8 are a 400 naming the first one, never
     * stored as U+FFFD.
     */
    public static String utf8Body(HttpServletRequest request, int maxBytes) {
        return strictUtf8(RequestBodies.read(request, maxBytes, "El cuerpo tiene más de " + maxBytes + " bytes"));
    }

    /** The bytes as UTF-8; a 400 that names the first byte that is not. */
    static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw ProblemException.badRequest("El cuerpo no es texto UTF-8 válido: el byte " + (at + 1) + " (0x"
                    + String.format("%02X", bytes[Math.min(at, bytes.length - 1)] & 0xFF) + ") no forma un carácter"
                    + " UTF-8");
        }
        return out.flip().toString();
    }

    private static String cause(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A required string member, non-blank. */
    public static String string(JsonObject body, String member) {
        JsonElement value = body.get(member);
        if (value == null || value.isJsonNull()) {
            throw ProblemException.badField(member, "Falta el campo '" + member + "'");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw ProblemException.badField(member, "El campo '" + member + "' debe ser texto");
        }
        String text = value.getAsString();
        if (text.isBlank()) {
            throw ProblemException.badField(member, "El campo '" + member + "' está vacío");
        }
        return text;
    }

    /** A required whole-number member. */
    public static long number(JsonObject body, String member) {
        JsonElement value = body.get(member);
        if (value == null || value.isJsonNull()) {
            throw ProblemException.badField(member, "Falta el campo '" + member + "'");
        }
        try {
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                return value.getAsBigDecimal().longValueExact();
            }
        } catch (ArithmeticException notWhole) {
            // falls through to the problem below
        }
        throw ProblemException.badField(member, "El campo '" + member + "' debe ser un número entero");
    }

    /** An optional text member: empty when absent or null, 400 when it is not text. */
    public static String optionalString(JsonObject body, String member) {
        JsonElement value = body.get(member);
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw ProblemException.badField(member, "El campo '" + member + "' debe ser texto");
        }
        return value.getAsString();
    }

    /** An optional true/false member, {@code absent} when missing or null; 400 when it is something else. */
    public static boolean bool(JsonObject body, String member, boolean absent) {
        JsonElement value = body.get(member);
        if (value == null || value.isJsonNull()) {
            return absent;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw ProblemException.badField(member, "El campo '" + member + "' debe ser true o false");
        }
        return value.getAsBoolean();
    }

    /** An optional whole-number member, {@code absent} when missing or null. */
    public static long optionalNumber(JsonObject body, String member, long absent) {
        JsonElement value = body.get(member);
        return value == null || value.isJsonNull() ? absent : number(body, member);
    }
}
