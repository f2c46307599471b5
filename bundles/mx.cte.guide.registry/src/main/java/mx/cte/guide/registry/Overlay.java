package mx.cte.guide.registry;

import java.util.List;
import mx.cte.guide.api.Activity;
import mx.cte.guide.api.GuideId;
import mx.cte.guide.api.ItemList;
import mx.cte.guide.api.ProductRef;
import mx.cte.guide.api.Publisher;
import mx.cte.guide.api.Reading;
import mx.cte.guide.api.Section;

/**
 * A state's overlay of a national guide, as read from its descriptor: which guide and editions it applies to, and its
 * changes in order. {@link OverlayComposer} applies it to an installed edition of the base guide.
 *
 * @param base      the guide it applies to and the range of its editions it accepts
 * @param version   this overlay's edition
 * @param title     replaces the base guide's title, empty to keep it
 * @param subtitle  replaces the base guide's subtitle, empty to keep it
 * @param publisher the state that publishes it; the composed guide is its guide
 * @param purposes  purposes the state adds to the session's
 * @param dates     the session's dates in the state, replacing the base guide's when given
 * @param changes   what it adds, replaces or hides, in order
 */
record Overlay(Base base, String version, String title, String subtitle, Publisher publisher, ItemList purposes,
        List<String> dates, List<Change> changes) {

    Overlay {
        title = title == null ? "" : title;
        subtitle = subtitle == null ? "" : subtitle;
        purposes = purposes == null ? ItemList.empty() : purposes;
        dates = dates == null ? List.of() : List.copyOf(dates);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The key of the guide the overlay composes: the state's, for the base guide's cycle, level and session. */
    GuideId id() {
        return new GuideId(publisher.code(), base.cycle(), base.level(), base.session());
    }

    record Base(String publisher, String cycle, String level, String session, String versions) {

        GuideId id() {
            return new GuideId(publisher, cycle, level, session);
        }
    }

    /**
     * One change; which members it uses depends on its action (the schema requires them).
     *
     * @param action   {@code agregar-actividad}, {@code reemplazar-actividad}, {@code ocultar-actividad},
     *                 {@code agregar-seccion}, {@code reemplazar-seccion}, {@code ocultar-seccion},
     *                 {@code agregar-lectura}, {@code reemplazar-lectura}, {@code ocultar-lectura},
     *                 {@code agregar-producto}, {@code ocultar-producto}
     * @param in       the section an activity or a section is added in
     * @param after    the activity key or section id it is added after; at the end when absent
     * @param key      the activity a change is about
     * @param id       the section or reading hidden
     * @param type     the product type hidden
     */
    record Change(String action, String in, String after, Integer key, String id, String type, Activity activity,
            Section section, Reading reading, ProductRef product) {
    }
}
