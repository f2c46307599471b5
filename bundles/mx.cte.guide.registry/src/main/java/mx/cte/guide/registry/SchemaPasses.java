package mx.cte.guide.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Descriptors this installation already found valid against their format's schema, each by the SHA-256 of the schema
 * and the descriptor together. A restart reads its guides again without the JSON-schema validator, which loads some
 * 600 classes (its own and Jackson's) and is slow on a JVM that has just started; a changed descriptor, or a platform
 * with a changed schema, is checked in full. The checks the schema cannot
 * express ({@link GuideConsistency}) run every time. Kept in the registry's data folder, one digest per line.
 */
final class SchemaPasses {

    /** Far more than the editions an installation keeps; past it the list starts again, which only costs checks. */
    static final int MAX_DIGESTS = 10_000;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = LoggerFactory.getLogger(SchemaPasses.class);

    private final Path file;
    private final Set<String> digests = ConcurrentHashMap.newKeySet();

    private SchemaPasses(Path file) {
        this.file = file;
    }

    /** Remembered while this object lives: a tool checking descriptors once. */
    static SchemaPasses inMemory() {
        return new SchemaPasses(null);
    }

    /** Remembered in {@code file} across restarts; a line that is not a digest is ignored. */
    static SchemaPasses keptIn(Path file) {
        SchemaPasses passes = new SchemaPasses(file);
        if (Files.isRegularFile(file)) {
            try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
                lines.map(String::trim).filter(line -> DIGEST.matcher(line).matches()).forEach(passes.digests::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                LOG.warn("Could not read {}: every guide descriptor is checked against its schema again", file, e);
                passes.digests.clear();
            }
        }
        return passes;
    }

    static String digest(String schema, String descriptor) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(schema.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0); // no schema's end can be read as a descriptor's start
            return HexFormat.of().formatHex(sha256.digest(descriptor.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    boolean contains(String digest) {
        return digests.contains(digest);
    }

    synchronized void add(String digest) {
        boolean full = digests.size() >= MAX_DIGESTS;
        if (full) {
            digests.clear();
        }
        if (!digests.add(digest) || file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            if (full) {
                Files.writeString(file, digest + "\n", StandardCharsets.US_ASCII);
            } else {
                Files.writeString(file, digest + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            LOG.warn("Could not note in {} that a guide descriptor passed its schema: it is checked again at the"
                    + " next start", file, e);
        }
    }
}
