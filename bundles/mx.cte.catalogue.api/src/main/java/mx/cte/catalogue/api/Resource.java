package mx.cte.catalogue.api;

import java.util.List;
import mx.cte.schools.api.Cct;

/**
 * A resource as a school sees it.
 *
 * @param school          the school whose own resource it is, or null for a pack's entry
 * @param pack            the pack it comes from, or null for a school's own
 * @param proposedBy      who entered it
 * @param classifications the criteria the school placed it under
 * @param version         0 for a pack's entries, which are read-only
 */
public record Resource(long id, Cct school, PackRef pack, ResourceDraft content, String proposedBy,
        List<Classification> classifications, long version) {

    public Resource {
        classifications = List.copyOf(classifications);
    }

    public boolean readOnly() {
        return pack != null;
    }

    /** The pack an entry belongs to. */
    public record PackRef(String key, String title, String publisher) {
    }
}
