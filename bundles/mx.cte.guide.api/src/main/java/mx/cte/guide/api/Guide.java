package mx.cte.guide.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One edition of a session guide, as validated from its descriptor. Immutable: a new edition is a new object.
 *
 * @param schemaVersion version of the descriptor format it was written in
 * @param id            identity of the guide, shared by all its editions
 * @param version       this edition's version, {@code major.minor.patch}
 * @param title         title, e.g. "Tercera Sesión Ordinaria del Consejo Técnico Escolar"
 * @param subtitle      e.g. the level or the edition ("Educación Preescolar"), may be empty
 * @param publisher     who publishes it
 * @param introduction  paragraphs of the introduction or presentation
 * @param purposes      purposes of the session
 * @param materials     materials to have at hand
 * @param products      products the session leaves to the school
 * @param agenda        the session's agenda, when the guide gives one
 * @param sections      its parts, in order
 * @param readings      the texts it reproduces
 * @param footnotes     its footnotes
 * @param references    the list of references, when the guide has one
 */
public record Guide(int schemaVersion, GuideId id, String version, String title, String subtitle,
        Publisher publisher, List<String> introduction, ItemList purposes, ItemList materials, ItemList products,
        List<AgendaItem> agenda, List<Section> sections, List<Reading> readings, List<Footnote> footnotes,
        List<Citation> references) {

    public Guide {
        subtitle = Immutables.text(subtitle);
        introduction = Immutables.list(introduction);
        purposes = purposes == null ? ItemList.empty() : purposes;
        materials = materials == null ? ItemList.empty() : materials;
        products = products == null ? ItemList.empty() : products;
        agenda = Immutables.list(agenda);
        sections = Immutables.list(sections);
        readings = Immutables.list(readings);
        footnotes = Immutables.list(footnotes);
        references = Immutables.list(references);
    }

    /** Every activity of the guide in reading order. */
    public List<Activity> activities() {
        List<Activity> all = new ArrayList<>();
        for (Section section : sections) {
            all.addAll(section.allActivities());
        }
        return all;
    }

    public Optional<Activity> activity(int number) {
        return activities().stream().filter(a -> a.number() == number).findFirst();
    }

    /** Ids of the product types its activities yield; all must be present for the guide to be usable. */
    public Set<String> productTypes() {
        Set<String> types = new TreeSet<>();
        for (Activity activity : activities()) {
            if (activity.product() != null) {
                types.add(activity.product().type());
            }
        }
        return types;
    }
}
