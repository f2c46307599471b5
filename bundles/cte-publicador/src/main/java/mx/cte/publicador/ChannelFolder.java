package mx.cte.publicador;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import mx.cte.guide.registry.GuideDescriptorCheck;
import mx.cte.trust.api.PublisherTrust;
import mx.cte.trust.openpgp.OpenPgp;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * A channel as a plain folder any web server can serve: {@code channel.json} (format 1) and its signature
 * {@code channel.json.asc}, the artifacts under {@code artefactos/} each with its {@code .asc}. Publishing validates
 * each jar (the registry's own checks for a guide or overlay), signs it, adds or replaces its entry, raises the
 * index's version and signs the index again with a new expiry.
 */
final class ChannelFolder {

    static final String INDEX = "channel.json";
    static final String ARTIFACTS = "artefactos/";

    private ChannelFolder() {
    }

    /** What the index says of one jar. */
    record Described(String kind, String key, String edition, String publisher, String level, String title) {
    }

    /**
     * Validates, signs and adds the jars, then signs the index again.
     *
     * @return one line per artifact published, and the index's new version
     */
    static List<String> publish(Path channel, String name, String publisher, PGPSecretKeyRing key, char[] passphrase,
            List<Path> jars, String platform, Duration validity, Instant now) throws IOException,
            Publicador.UsageException {
        JsonObject index = readIndex(channel, name, publisher);
        Map<String, JsonObject> entries = new java.util.LinkedHashMap<>();
        index.getAsJsonArray("artifacts").forEach(item -> entries.put(item.getAsJsonObject().get("path")
                .getAsString(), item.getAsJsonObject()));
        List<String> said = new ArrayList<>();
        for (Path jar : jars) {
            byte[] content = Files.readAllBytes(jar);
            Described described = PublisherTrust.PLATFORM.equals(publisher) ? describeModule(jar, content) : describe(jar, content);
            if (!described.publisher().equals(publisher)) {
                throw new Publicador.UsageException(jar + " es de " + described.publisher() + ": este canal publica"
                        + " solo contenido de " + publisher + ", firmado con su clave");
            }
            String path = ARTIFACTS + jar.getFileName();
            Path target = channel.resolve(path);
            if (Files.isRegularFile(target) && !java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                throw new Publicador.UsageException(path + " ya está publicado con otro contenido: publique una"
                        + " edición nueva (otra versión), nunca otro contenido con el mismo nombre");
            }
            write(target, content);
            write(channel.resolve(path + ".asc"), OpenPgp.sign(key, passphrase, content, now));
            JsonObject entry = new JsonObject();
            entry.addProperty("path", path);
            entry.addProperty("sha256", sha256(content));
            entry.addProperty("size", content.length);
            entry.addProperty("kind", described.kind());
            entry.addProperty("key", described.key());
            entry.addProperty("edition", described.edition());
            entry.addProperty("publisher", described.publisher());
            entry.addProperty("level", described.level());
            entry.addProperty("title", described.title());
            entry.addProperty("platform", platform);
            entries.put(path, entry);
            said.add("publicado " + path + ": " + described.kind() + " " + described.key() + " edición "
                    + described.edition());
        }
        JsonArray artifacts = new JsonArray();
        entries.values().forEach(artifacts::add);
        index.add("artifacts", artifacts);
        said.add(sign(channel, index, key, passphrase, validity, now));
        return said;
    }

    /** Signs the index again with a new version and expiry, the same artifacts: a channel must be renewed in time. */
    static String renew(Path channel, String name, String publisher, PGPSecretKeyRing key, char[] passphrase,
            Duration validity, Instant now) throws IOException, Publicador.UsageException {
        if (!Files.isRegularFile(channel.resolve(INDEX))) {
            throw new Publicador.UsageException("no hay " + INDEX + " en " + channel + ": publique algo primero");
        }
        return sign(channel, readIndex(channel, name, publisher), key, passphrase, validity, now);
    }

    private static String sign(Path channel, JsonObject index, PGPSecretKeyRing key, char[] passphrase,
            Duration validity, Instant now) throws IOException {
        long version = index.has("version") ? index.get("version").getAsLong() + 1 : 1;
        Instant published = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Written in this order, so a person reading channel.json sees what it is before what it lists.
        JsonObject signed = new JsonObject();
        signed.add("format", index.get("format"));
        signed.add("channel", index.get("channel"));
        signed.add("publisher", index.get("publisher"));
        signed.addProperty("version", version);
        signed.addProperty("published", published.toString());
        signed.addProperty("expires", published.plus(validity).toString());
        signed.add("artifacts", index.get("artifacts"));
        index = signed;
        byte[] json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(index)
                .getBytes(StandardCharsets.UTF_8);
        write(channel.resolve(INDEX), json);
        write(channel.resolve(INDEX + ".asc"), OpenPgp.sign(key, passphrase, json, now));
        return "índice versión " + version + ", vence " + published.plus(validity) + ", firmado con "
                + OpenPgp.fingerprint(key.getPublicKey());
    }

    private static JsonObject readIndex(Path channel, String name, String publisher) throws IOException,
            Publicador.UsageException {
        Path file = channel.resolve(INDEX);
        JsonObject index;
        if (Files.isRegularFile(file)) {
            index = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!publisher.equals(index.get("publisher").getAsString())) {
                throw new Publicador.UsageException(file + " es el canal de " + index.get("publisher").getAsString()
                        + ", no de " + publisher);
            }
        } else {
            index = new JsonObject();
            index.addProperty("format", 1);
            index.addProperty("channel", name);
            index.addProperty("publisher", publisher);
            index.add("artifacts", new JsonArray());
        }
        return index;
    }

    /** A new version of one of the platform's module bundles: its symbolic name and version. */
    static Described describeModule(Path jar, byte[] content) throws IOException, Publicador.UsageException {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(content))) {
            manifest = in.getManifest();
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
        if (name == null || version == null || !name.strip().startsWith("mx.cte.")) {
            throw new Publicador.UsageException(jar + " no es un bundle de la plataforma (Bundle-SymbolicName mx.cte.…"
                    + " y Bundle-Version)");
        }
        if (manifest.getMainAttributes().getValue("CTE-Guide") != null
                || manifest.getMainAttributes().getValue("CTE-Resource-Pack") != null) {
            throw new Publicador.UsageException(jar + " es contenido: lo publica y firma su publicador, no"
                    + " PLATAFORMA");
        }
        String symbolicName = name.split(";")[0].strip();
        return new Described("modulo", symbolicName, version.strip(), PublisherTrust.PLATFORM, "", symbolicName);
    }

    /** Kind, key, edition, publisher, level and title of a guide, overlay or pack jar, validated. */
    static Described describe(Path jar, byte[] content) throws IOException, Publicador.UsageException {
        Map<String, byte[]> entries = new HashMap<>();
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(content))) {
            manifest = in.getManifest();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        if (manifest == null) {
            throw new Publicador.UsageException(jar + " no es un jar con manifiesto");
        }
        String guide = manifest.getMainAttributes().getValue("CTE-Guide");
        String pack = manifest.getMainAttributes().getValue("CTE-Resource-Pack");
        String descriptorPath = guide != null ? guide.strip() : pack != null ? pack.strip() : null;
        if (descriptorPath == null || !entries.containsKey(descriptorPath)) {
            throw new Publicador.UsageException(jar + " no es una guía ni un paquete: su manifiesto no nombra"
                    + " CTE-Guide ni CTE-Resource-Pack, o no contiene el descriptor que nombra");
        }
        String text = new String(entries.get(descriptorPath), StandardCharsets.UTF_8);
        if (guide != null) {
            String folder = descriptorPath.contains("/") ? descriptorPath.substring(0, descriptorPath
                    .lastIndexOf('/') + 1) : "";
            List<String> problems = GuideDescriptorCheck.problems(text, src -> entries.containsKey(folder + src));
            if (!problems.isEmpty()) {
                throw new Publicador.UsageException(jar + ": la plataforma rechazaría su descriptor:\n  "
                        + String.join("\n  ", problems));
            }
        }
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        if (pack != null) {
            return new Described("paquete", string(json, "key"), string(json, "version"), string(json, "publisher"),
                    "", string(json, "title"));
        }
        if (json.has("base")) {
            JsonObject base = json.getAsJsonObject("base");
            String publisher = json.getAsJsonObject("publisher").get("code").getAsString();
            return new Described("capa", publisher + ":" + string(base, "cycle") + ":" + string(base, "level") + ":"
                    + string(base, "session"), string(json, "version"), publisher, string(base, "level"),
                    string(json, "title"));
        }
        JsonObject id = json.getAsJsonObject("id");
        return new Described("guia", string(id, "publisher") + ":" + string(id, "cycle") + ":" + string(id, "level")
                + ":" + string(id, "session"), string(json, "version"), string(id, "publisher"), string(id, "level"),
                string(json, "title"));
    }

    private static String string(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static void write(Path file, byte[] content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
