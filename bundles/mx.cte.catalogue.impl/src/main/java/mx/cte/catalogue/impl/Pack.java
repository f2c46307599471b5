package mx.cte.catalogue.impl;

import java.util.List;
import mx.cte.catalogue.api.ResourceDraft;

/** A pack as its descriptor states it. */
record Pack(String key, String title, String publisher, String version, List<Entry> entries) {

    Pack {
        entries = List.copyOf(entries);
    }

    /** One resource of the pack, under its key within the pack. */
    record Entry(String key, ResourceDraft content) {
    }
}
