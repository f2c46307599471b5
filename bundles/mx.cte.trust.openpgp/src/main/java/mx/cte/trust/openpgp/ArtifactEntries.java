package mx.cte.trust.openpgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Bundle;

/**
 * One fingerprint of what a content bundle holds: every file entry's name and SHA-256, in name order. Computed on a
 * signed jar's bytes and on the entries the OSGi framework serves for the installed bundle, it tells whether the
 * bundle that runs is the jar that was signed, whatever route it was installed by and wherever the framework keeps
 * its copy.
 */
public final class ArtifactEntries {

    /** More entries than any guide or pack has; bounds the work on a hostile archive. */
    private static final int MAX_ENTRIES = 5_000;
    private static final long MAX_BYTES = 100L * 1024 * 1024;

    private ArtifactEntries() {
    }

    /** The fingerprint of a jar's file entries, read front to back. */
    public static String of(byte[] jar) throws IOException {
        Map<String, byte[]> hashes = new TreeMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (hashes.size() >= MAX_ENTRIES) {
                    throw new IOException("el jar tiene más de " + MAX_ENTRIES + " entradas");
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += content.length;
                if (total > MAX_BYTES) {
                    throw new IOException("el jar descomprimido pasa de " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                hashes.put(entry.getName(), sha256(content));
            }
        }
        if (hashes.isEmpty()) {
            throw new IOException("no es un jar o no tiene archivos");
        }
        return fingerprint(hashes);
    }

    /** The fingerprint of the file entries the framework serves for an installed bundle (never resolves it). */
    public static String of(Bundle bundle) throws IOException {
        Map<String, byte[]> hashes = new TreeMap<>();
        collect(bundle, "/", hashes);
        return fingerprint(hashes);
    }

    private static void collect(Bundle bundle, String folder, Map<String, byte[]> hashes) throws IOException {
        Enumeration<String> paths = bundle.getEntryPaths(folder);
        while (paths != null && paths.hasMoreElements()) {
            String path = paths.nextElement();
            if (path.endsWith("/")) {
                collect(bundle, path, hashes);
            } else {
                if (hashes.size() >= MAX_ENTRIES) {
                    throw new IOException("el bundle tiene más de " + MAX_ENTRIES + " entradas");
                }
                java.net.URL entry = bundle.getEntry(path);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = entry.openStream()) {
                    hashes.put(path.startsWith("/") ? path.substring(1) : path, sha256(in.readAllBytes()));
                }
            }
        }
    }

    private static String fingerprint(Map<String, byte[]> hashes) {
        MessageDigest digest = sha256();
        hashes.forEach((name, hash) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(hash);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] sha256(byte[] content) {
        return sha256().digest(content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
