package mx.cte.evidence.api;

import java.time.Instant;
import mx.cte.schools.api.Cct;

/**
 * A piece of evidence as stored.
 *
 * @param mediaType what its content is ({@code image/jpeg}, {@code image/png}, {@code application/pdf}), found in the
 *                  content itself
 * @param bytes     its size as stored, after a photo was reduced
 * @param width     a photo's width in pixels as stored; 0 for a PDF
 * @param height    a photo's height in pixels as stored; 0 for a PDF
 * @param original  the size the school sent, before any reduction
 */
public record Evidence(long id, Cct school, EvidenceOwner owner, String fileName, String description,
        String mediaType, long bytes, int width, int height, long original, String uploadedBy, Instant uploadedAt) {
}
