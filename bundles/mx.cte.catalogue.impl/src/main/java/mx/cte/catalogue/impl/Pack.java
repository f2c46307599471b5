package mx.cte.catalogue.impl;

import java.util.List;
import mx.cte.catalogue.api.ResourceDraft;

/** A pack as its descriptor states it. */
record Pack(String key, String title, String publisher, String version, List<Entry> entries) {

    Pack {
        entries = List.copyOf(entries);
    }

    /**
     * What was installed, as one hash: the pack's content (the records' own text names every field) and the bundle it
     * came from. A start that finds the same fingerprint stored has nothing to write.
     */
    String fingerprint(String bundle) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((bundle + "\n" + this).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** One resource of the pack, under its key within the pack. */
    record Entry(String key, ResourceDraft content) {
    }
}
