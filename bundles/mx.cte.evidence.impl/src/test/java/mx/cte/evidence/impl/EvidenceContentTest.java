package mx.cte.evidence.impl;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.evidence.api.EvidenceStore;
import org.junit.Test;

/** What a school may send as evidence, found in the bytes, and what is kept of a photo. */
public class EvidenceContentTest {

    /** A photo as a camera makes it: {@code width} × {@code height}, its left half red and its right half blue. */
    static byte[] photo(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, format.equals("png") ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment saying how to turn it, as a phone writes it (little-endian TIFF). */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = exif.length + 2;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, 0, 4);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static EvidenceContent.Stored read(byte[] bytes) {
        return EvidenceContent.read(new ByteArrayInputStream(bytes));
    }

    private static String refusal(byte[] bytes) {
        InvalidContentException refused = assertThrows(InvalidContentException.class, () -> read(bytes));
        assertEquals("archivo", refused.problems().get(0).field());
        return refused.problems().get(0).message();
    }

    private static BufferedImage image(EvidenceContent.Stored stored) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(stored.content()));
    }

    @Test
    public void aLargePhotoIsReducedToItsLongerSideAsJpeg() throws IOException {
        byte[] camera = photo("jpg", 4000, 3000);

        EvidenceContent.Stored stored = read(camera);

        assertEquals("image/jpeg", stored.mediaType());
        assertEquals(EvidenceStore.MAX_SIDE, stored.width());
        assertEquals(1200, stored.height());
        assertEquals(camera.length, stored.original());
        BufferedImage kept = image(stored);
        assertEquals(1600, kept.getWidth());
        assertTrue("left still red", new Color(kept.getRGB(100, 600)).getRed() > 200);
        assertTrue("right still blue", new Color(kept.getRGB(1500, 600)).getBlue() > 200);
    }

    @Test
    public void aPhoneSaysHowToTurnItsPhotoAndTheStoredCopyIsUprightWithoutTheMetadata() throws IOException {
        // Taken with the phone turned: stored 400 × 300 with orientation 6 (turn 90° clockwise to view).
        EvidenceContent.Stored stored = read(withOrientation(photo("jpg", 400, 300), 6));

        assertEquals(300, stored.width());
        assertEquals(400, stored.height());
        BufferedImage kept = image(stored);
        // The sensor's left half (red) is the top of the upright photo.
        assertTrue(new Color(kept.getRGB(150, 50)).getRed() > 200);
        assertTrue(new Color(kept.getRGB(150, 350)).getBlue() > 200);
        assertEquals("no EXIF kept", -1, new String(stored.content(), StandardCharsets.ISO_8859_1).indexOf("Exif"));
        assertEquals(6, Orientation.ofJpeg(withOrientation(photo("jpg", 40, 30), 6)));
        assertEquals(1, Orientation.ofJpeg(photo("jpg", 40, 30)));
    }

    @Test
    public void aPngWithTransparencyIsKeptOnWhiteAsJpeg() throws IOException {
        EvidenceContent.Stored stored = read(photo("png", 200, 100));
        assertEquals("image/jpeg", stored.mediaType());
        assertEquals(200, stored.width());
    }

    @Test
    public void aPdfIsKeptAsSentUnlessItCarriesCodeOrIsCut() {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        EvidenceContent.Stored stored = read(pdf);
        assertEquals("application/pdf", stored.mediaType());
        assertArrayEquals(pdf, stored.content());

        assertTrue(refusal("%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1)).contains("contiene código o archivos incrustados"));
        assertTrue(refusal("%PDF-1.4\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.ISO_8859_1))
                .contains("el PDF está incompleto"));
        assertEquals("application/pdf", read("%PDF-1.4\n<< /JSONish 1 >>\n%%EOF".getBytes(
                StandardCharsets.ISO_8859_1)).mediaType());
    }

    @Test
    public void whatIsNotAPhotoOrAPdfIsRefusedSayingWhatToSendInstead() throws IOException {
        byte[] heic = new byte[64];
        System.arraycopy("ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 4, 8);
        assertTrue(refusal(heic).contains("HEIC"));
        assertTrue(refusal("PK\3\4 word".getBytes(StandardCharsets.ISO_8859_1)).contains("guárdelo como PDF"));
        assertTrue(refusal("<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1))
                .contains("no es una foto JPG o PNG ni un PDF"));
        assertEquals("el archivo está vacío", refusal(new byte[0]));
        assertTrue(refusal(new byte[(int) EvidenceStore.MAX_BYTES + 1]).contains("pesa más de 10 MB"));
        byte[] cut = photo("jpg", 400, 300);
        byte[] damaged = java.util.Arrays.copyOf(cut, 40);
        assertTrue(refusal(damaged).contains("la foto está dañada"));
        // A photo named .pdf is still a photo: the name decides nothing (it is not even read here).
        assertEquals("image/jpeg", read(cut).mediaType());
    }
}
