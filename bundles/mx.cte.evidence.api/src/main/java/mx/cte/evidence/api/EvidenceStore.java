package mx.cte.evidence.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/** The evidence of each school. Callers check the school scope before calling. */
@ProviderType
public interface EvidenceStore {

    /** The largest file accepted, before a photo is reduced. */
    long MAX_BYTES = 10L * 1024 * 1024;

    /** The longer side, in pixels, a photo is reduced to. */
    int MAX_SIDE = 1600;

    /**
     * Stores a file as evidence of {@code owner}: a JPEG or PNG photo (reduced to {@value #MAX_SIDE} pixels on its
     * longer side, as JPEG, its metadata such as the place it was taken dropped) or a PDF (kept as sent). Audited.
     *
     * @param fileName the name the school's file had, kept to show and to download; its extension decides nothing
     * @throws mx.cte.core.api.errors.InvalidContentException naming {@code archivo} (empty, too large, a kind of file
     *                                                        that is not a photo or a PDF, a damaged photo, more
     *                                                        than the school's space left: {@link #usage}),
     *                                                        {@code dueno} (an owner that does not exist, or of a
     *                                                        module not installed) or {@code descripcion}
     */
    Evidence attach(Cct school, EvidenceOwner owner, String fileName, String description, InputStream content,
            String author);

    /** How much of its evidence space the school uses, and its quota. */
    EvidenceUsage usage(Cct school);

    /** The owner's evidence, oldest first. */
    List<Evidence> of(Cct school, EvidenceOwner owner);

    Optional<EvidenceFile> file(Cct school, long id);

    /** The owner's evidence with its content, oldest first, in one read: what a printed product carries. */
    List<EvidenceFile> filesOf(Cct school, EvidenceOwner owner);

    /**
     * Removes one piece of evidence; audited.
     *
     * @throws java.util.NoSuchElementException when the school has no such evidence
     */
    void remove(Cct school, long id, String author);
}
