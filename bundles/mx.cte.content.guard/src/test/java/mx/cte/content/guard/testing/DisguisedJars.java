package mx.cte.content.guard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Jars that read one way front to back and another from their central directory, as an attacker builds them: the
 * local headers show a harmless guide (what {@code JarInputStream} sees), the central directory (what the OSGi
 * framework reads) a manifest with a {@code Bundle-Activator} and the activator's class, both hidden inside the data
 * of a harmless text entry.
 */
public final class DisguisedJars {

    /**
     * By name, never {@code Intruder.class}: loading it would need the OSGi framework's classes, which the benchmark
     * harness that also builds these jars does not have.
     */
    private static final String INTRUDER = "mx.cte.content.guard.testing.Intruder";

    private DisguisedJars() {
    }

    /** A guide bundle whose central directory hides {@link Intruder} as its activator. */
    public static byte[] guideWithHiddenActivator(String symbolicName, String version, String descriptorJson) {
        String common = "Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\nBundle-SymbolicName: " + symbolicName
                + "\r\nBundle-Version: " + version + "\r\nCTE-Guide: guide/guide.json\r\n";
        byte[] harmless = (common + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] intruding = (common + "Bundle-Activator: " + INTRUDER
                + "\r\nImport-Package: org.osgi.framework\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] descriptor = descriptorJson.getBytes(StandardCharsets.UTF_8);
        String manifestName = "META-INF/MANIFEST.MF";
        String className = INTRUDER.replace('.', '/') + ".class";

        ByteArrayOutputStream hidden = new ByteArrayOutputStream();
        ZipWriter inner = new ZipWriter(hidden);
        inner.local(manifestName, intruding);
        inner.local(className, classBytes());
        byte[] hiddenBytes = hidden.toByteArray();

        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        ZipWriter outer = new ZipWriter(jar);
        outer.local(manifestName, harmless);
        long descriptorAt = outer.local("guide/guide.json", descriptor);
        long notesAt = outer.local("guide/notas.txt", hiddenBytes);
        long hiddenStart = notesAt + 30 + "guide/notas.txt".length();
        List<CentralEntry> central = List.of(
                new CentralEntry(manifestName, intruding, hiddenStart + inner.offsets.get(0)),
                new CentralEntry("guide/guide.json", descriptor, descriptorAt),
                new CentralEntry(className, classBytes(), hiddenStart + inner.offsets.get(1)));
        outer.central(central);
        return jar.toByteArray();
    }

    /** A guide bundle that says openly what it is: both views agree, and its manifest names {@link Intruder}. */
    public static byte[] guideWithActivator(String symbolicName, String version, String descriptorJson) {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes main = manifest.getMainAttributes();
        main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("CTE-Guide", "guide/guide.json");
        main.putValue("Bundle-Activator", INTRUDER);
        main.putValue("Import-Package", "org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("guide/guide.json"));
            jar.write(descriptorJson.getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new java.util.jar.JarEntry(INTRUDER.replace('.', '/') + ".class"));
            jar.write(classBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] classBytes() {
        try (InputStream in = DisguisedJars.class.getResourceAsStream("Intruder.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record CentralEntry(String name, byte[] data, long offset) {
    }

    /** Stored (uncompressed) zip entries, written by hand so that the two views can be made to differ. */
    private static final class ZipWriter {
        private final ByteArrayOutputStream out;
        private final List<Long> offsets = new ArrayList<>();

        ZipWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        long local(String name, byte[] data) {
            long offset = out.size();
            offsets.add(offset);
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer header = little(30 + nameBytes.length);
            header.putInt(0x04034b50).putShort((short) 10).putShort((short) 0x0800).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc(data)).putInt(data.length)
                    .putInt(data.length).putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes);
            out.writeBytes(header.array());
            out.writeBytes(data);
            return offset;
        }

        void central(List<CentralEntry> entries) {
            long start = out.size();
            for (CentralEntry entry : entries) {
                byte[] nameBytes = entry.name().getBytes(StandardCharsets.UTF_8);
                ByteBuffer header = little(46 + nameBytes.length);
                header.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0x0800)
                        .putShort((short) 0).putShort((short) 0).putShort((short) 0x21)
                        .putInt((int) crc(entry.data())).putInt(entry.data().length).putInt(entry.data().length)
                        .putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0)
                        .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) entry.offset())
                        .put(nameBytes);
                out.writeBytes(header.array());
            }
            long size = out.size() - start;
            ByteBuffer end = little(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                    .putShort((short) entries.size()).putInt((int) size).putInt((int) start).putShort((short) 0);
            out.writeBytes(end.array());
        }

        private static ByteBuffer little(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        private static long crc(byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return crc.getValue();
        }
    }
}
