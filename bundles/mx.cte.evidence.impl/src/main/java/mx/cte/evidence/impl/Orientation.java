package mx.cte.evidence.impl;

import java.awt.geom.AffineTransform;

/**
 * A phone stores a photo as its sensor saw it and says in the EXIF tag 0x0112 how to turn it (1 to 8). The stored
 * copy drops the metadata, so it is turned upright first; otherwise a photo of a poster would show on its side.
 */
final class Orientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private Orientation() {
    }

    /** The EXIF orientation of a JPEG, 1 (as stored) when it has none or it cannot be read. */
    static int ofJpeg(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xDA || marker == 0xD9 || length < 2) {
                return 1; // the image data begins: no EXIF before it
            }
            int segment = at + 4;
            if (marker == 0xE1 && segment + 6 <= jpeg.length && jpeg[segment] == 'E' && jpeg[segment + 1] == 'x'
                    && jpeg[segment + 2] == 'i' && jpeg[segment + 3] == 'f') {
                return fromTiff(jpeg, segment + 6, Math.min(jpeg.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] bytes, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = bytes[tiff] == 'I' && bytes[tiff + 1] == 'I';
        long ifd = unsigned(bytes, tiff + 4, 4, little);
        int entries = tiff + (int) Math.min(ifd, Integer.MAX_VALUE - tiff);
        if (ifd < 8 || entries + 2 > end) {
            return 1;
        }
        int count = (int) unsigned(bytes, entries, 2, little);
        for (int i = 0; i < count; i++) {
            int entry = entries + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (unsigned(bytes, entry, 2, little) == ORIENTATION_TAG) {
                int value = (int) unsigned(bytes, entry + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long unsigned(byte[] bytes, int at, int size, boolean little) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int b = bytes[at + (little ? size - 1 - i : i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }

    /**
     * Maps a stored image of {@code width} × {@code height} onto the upright one (whose sides are swapped for 5 to 8).
     * Columns of the {@link AffineTransform} constructor: m00, m10, m01, m11, m02, m12.
     */
    static AffineTransform transform(int orientation, int width, int height) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width);
            default -> new AffineTransform();
        };
    }
}
