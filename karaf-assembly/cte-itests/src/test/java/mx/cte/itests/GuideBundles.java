package mx.cte.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds guide bundles in memory, the way a state's build would: a manifest with CTE-Guide and a descriptor. */
final class GuideBundles {

    private GuideBundles() {
    }

    /** The test descriptor with its placeholders filled in. */
    static String descriptor(String session, String version, String productType) {
        try (InputStream in = GuideBundles.class.getResourceAsStream("/guides/test-guide.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@SESSION@", session).replace("@VERSION@", version).replace("@TYPE@", productType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The guide bundle of a descriptor kept among the tests' resources ({@code /guides/…}), as bytes to publish. */
    static byte[] jarOf(String descriptorResource, String symbolicName, String version) {
        try (InputStream in = GuideBundles.class.getResourceAsStream(descriptorResource)) {
            String descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return bundle(symbolicName, version, descriptor).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream bundle(String symbolicName, String version, String descriptorJson) {
        return contentBundle(symbolicName, version, "CTE-Guide", "guide/guide.json", descriptorJson);
    }

    /** A content-only bundle whose manifest {@code header} names its one descriptor at {@code path}. */
    static InputStream contentBundle(String symbolicName, String version, String header, String path,
            String descriptorJson) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue(header, path);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry(path));
            jar.write(descriptorJson.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
