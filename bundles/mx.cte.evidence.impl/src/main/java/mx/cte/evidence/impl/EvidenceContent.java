package mx.cte.evidence.impl;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.evidence.api.EvidenceStore;

/**
 * What a file sent as evidence is, found in its bytes (never in its name), and what is stored of it: a photo (JPEG or
 * PNG) turned upright, reduced to {@link EvidenceStore#MAX_SIDE} pixels on its longer side and written as JPEG without
 * its metadata (a phone's photo carries the place it was taken); a PDF as sent, unless it carries script or embedded
 * files. Everything else is refused with what to do instead, in Spanish, naming {@code archivo}.
 */
final class EvidenceContent {

    static final String JPEG = "image/jpeg";
    static final String PDF = "application/pdf";
    /** A photo larger than this is refused before it is decoded: its pixels alone would take ~200 MB of memory. */
    static final long MAX_PIXELS = 50_000_000L;
    private static final float JPEG_QUALITY = 0.82f;
    /** Names in a PDF that make a viewer run something or carry another file. */
    private static final List<String> ACTIVE_PDF = List.of("/JavaScript", "/JS", "/Launch", "/EmbeddedFile",
            "/RichMedia");

    /** What is stored. {@code width} and {@code height} are 0 for a PDF. */
    record Stored(String mediaType, byte[] content, int width, int height, long original) {
    }

    private EvidenceContent() {
    }

    static Stored read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) EvidenceStore.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence could not be read", e);
        }
        if (bytes.length == 0) {
            throw refused("el archivo está vacío");
        }
        if (bytes.length > EvidenceStore.MAX_BYTES) {
            throw refused("el archivo pesa más de " + EvidenceStore.MAX_BYTES / (1024 * 1024) + " MB; reduzca la"
                    + " foto o divida el PDF");
        }
        if (startsWith(bytes, 0, "%PDF-")) {
            return pdf(bytes);
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return photo(bytes, Orientation.ofJpeg(bytes));
        }
        if (startsWith(bytes, 1, "PNG") && (bytes[0] & 0xFF) == 0x89) {
            return photo(bytes, 1);
        }
        throw refused(whatElse(bytes));
    }

    /** Says what the file seems to be, and what to send instead. */
    private static String whatElse(byte[] bytes) {
        if (startsWith(bytes, 4, "ftypheic") || startsWith(bytes, 4, "ftypheix") || startsWith(bytes, 4, "ftypmif1")) {
            return "es una foto HEIC (iPhone), que la plataforma no abre: compártala como JPG o elija en la cámara"
                    + " el formato «Más compatible»";
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
            return "es una imagen WebP: guárdela como JPG o PNG";
        }
        if (startsWith(bytes, 0, "GIF8")) {
            return "es una imagen GIF: guárdela como JPG o PNG";
        }
        if (startsWith(bytes, 0, "PK")) {
            return "es un documento de Word, Excel u otro archivo comprimido: guárdelo como PDF";
        }
        return "no es una foto JPG o PNG ni un PDF";
    }

    private static Stored pdf(byte[] bytes) {
        String tail = new String(bytes, Math.max(0, bytes.length - 1024), Math.min(1024, bytes.length),
                StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw refused("el PDF está incompleto (se cortó al copiarlo o al enviarlo); envíelo de nuevo");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String name : ACTIVE_PDF) {
            int at = text.indexOf(name);
            // "/JS" also starts other names (/JSON…): a name ends where a delimiter or a space begins.
            while (at >= 0 && at + name.length() < text.length()
                    && Character.isLetterOrDigit(text.charAt(at + name.length()))) {
                at = text.indexOf(name, at + 1);
            }
            if (at >= 0) {
                throw refused("el PDF contiene código o archivos incrustados (" + name.substring(1) + "); guárdelo de"
                        + " nuevo como PDF simple, por ejemplo imprimiéndolo a PDF");
            }
        }
        return new Stored(PDF, bytes, 0, 0, bytes.length);
    }

    private static Stored photo(byte[] bytes, int orientation) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw refused("la foto está dañada o incompleta; tómela o envíela de nuevo");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw refused("la foto mide " + width + " × " + height + " píxeles; el máximo es "
                            + MAX_PIXELS / 1_000_000 + " megapíxeles");
                }
                // Decoding every second or fourth pixel of a large photo keeps memory low; the reduction follows.
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * EvidenceStore.MAX_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                BufferedImage upright = reduced(decoded, orientation);
                return new Stored(JPEG, jpeg(upright), upright.getWidth(), upright.getHeight(), bytes.length);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidContentException refusal) {
                throw refusal;
            }
            throw refused("la foto está dañada o incompleta; tómela o envíela de nuevo");
        }
    }

    /** The photo upright, on white where it was transparent, at most MAX_SIDE pixels on its longer side. */
    static BufferedImage reduced(BufferedImage image, int orientation) {
        boolean turned = orientation >= 5 && orientation <= 8;
        int width = turned ? image.getHeight() : image.getWidth();
        int height = turned ? image.getWidth() : image.getHeight();
        double scale = Math.min(1.0, (double) EvidenceStore.MAX_SIDE / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage target = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, targetWidth, targetHeight);
            AffineTransform transform = new AffineTransform();
            transform.scale(scale, scale);
            transform.concatenate(Orientation.transform(orientation, image.getWidth(), image.getHeight()));
            graphics.drawImage(image, transform, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        if (bytes.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static InvalidContentException refused(String message) {
        return InvalidContentException.of("archivo", message);
    }
}
