package mx.cte.channel.impl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A channel's index ({@code channel.json}), signed by the channel's publisher ({@code channel.json.asc}):
 *
 * <pre>{"format": 1, "channel": "sep", "publisher": "SEP", "version": 17,
 *  "published": "2026-12-01T10:00:00Z", "expires": "2026-12-15T10:00:00Z",
 *  "artifacts": [{"path": "artefactos/guia-1.0.0.jar", "sha256": "…", "size": 12345, "kind": "guia",
 *                 "key": "SEP:2016-2017:preescolar:ordinaria-3", "edition": "1.0.0", "publisher": "SEP",
 *                 "level": "preescolar", "title": "…", "platform": "[0.1,1)"}]}</pre>
 *
 * The version only grows (an older index is a replay); past {@code expires} the index is stale (a freeze: someone
 * keeps serving yesterday's channel to hide today's correction). Every problem names its member.
 */
record ChannelIndex(String channel, String publisher, long version, Instant published, Instant expires,
        List<Artifact> artifacts) {

    /** A new version of one of the platform's module bundles, signed by the project's release key. */
    static final String MODULE = "modulo";
    static final Set<String> KINDS = Set.of("guia", "capa", "paquete", MODULE);

    record Artifact(String path, String sha256, long size, String kind, String key, String edition, String publisher,
            String level, String title, String platform) {
    }

    /** @throws IllegalArgumentException naming the member at fault, in Spanish */
    static ChannelIndex parse(byte[] json) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("channel.json debe ser un objeto JSON");
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("channel.json no es JSON válido: " + e.getMessage());
        }
        if (!root.has("format") || root.get("format").getAsInt() != 1) {
            throw new IllegalArgumentException("$.format: esta plataforma lee el formato 1 del índice del canal");
        }
        String channel = text(root, "channel", "$");
        String publisher = text(root, "publisher", "$");
        long version = number(root, "version", "$");
        Instant published = instant(root, "published", "$");
        Instant expires = instant(root, "expires", "$");
        if (!expires.isAfter(published)) {
            throw new IllegalArgumentException("$.expires: debe ser posterior a $.published");
        }
        JsonElement list = root.get("artifacts");
        if (list == null || !list.isJsonArray()) {
            throw new IllegalArgumentException("$.artifacts: falta la lista de artefactos");
        }
        List<Artifact> artifacts = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        JsonArray array = list.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            String at = "$.artifacts[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new IllegalArgumentException(at + ": debe ser un objeto");
            }
            JsonObject item = array.get(i).getAsJsonObject();
            String path = text(item, "path", at);
            if (path.startsWith("/") || path.contains("..") || path.contains("\\") || !path.endsWith(".jar")) {
                throw new IllegalArgumentException(at + ".path: debe ser una ruta relativa dentro del canal que"
                        + " termine en .jar, no " + path);
            }
            if (!paths.add(path)) {
                throw new IllegalArgumentException(at + ".path: " + path + " aparece dos veces");
            }
            String sha256 = text(item, "sha256", at).toLowerCase(java.util.Locale.ROOT);
            if (!sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(at + ".sha256: deben ser 64 cifras hexadecimales");
            }
            long size = number(item, "size", at);
            String kind = text(item, "kind", at);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(at + ".kind: debe ser guia, capa, paquete o modulo, no " + kind);
            }
            artifacts.add(new Artifact(path, sha256, size, kind, text(item, "key", at), text(item, "edition", at),
                    text(item, "publisher", at), optional(item, "level"), optional(item, "title"),
                    item.has("platform") ? text(item, "platform", at) : "[0,999)"));
        }
        return new ChannelIndex(channel, publisher, version, published, expires, List.copyOf(artifacts));
    }

    Artifact artifact(String path) {
        return artifacts.stream().filter(a -> a.path().equals(path)).findFirst().orElse(null);
    }

    private static String text(JsonObject object, String member, String at) {
        JsonElement value = object.get(member);
        if (value == null || !value.isJsonPrimitive() || value.getAsString().isBlank()) {
            throw new IllegalArgumentException(at + "." + member + ": falta o está vacío");
        }
        return value.getAsString().strip();
    }

    private static String optional(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString().strip();
    }

    private static long number(JsonObject object, String member, String at) {
        JsonElement value = object.get(member);
        try {
            long number = value == null ? -1 : value.getAsLong();
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalArgumentException(at + "." + member + ": debe ser un número entero no negativo");
        }
    }

    private static Instant instant(JsonObject object, String member, String at) {
        String value = text(object, member, at);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + "." + member + ": debe ser una fecha y hora como"
                    + " 2026-12-01T10:00:00Z, no " + value);
        }
    }
}
