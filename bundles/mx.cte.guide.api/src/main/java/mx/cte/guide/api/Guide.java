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
 * @param id            identity of the guide, shared by all its editions; its level {@code basica} is for every level
 * @param modalities    the school modalities it is written for ({@code indigena}, {@code multigrado},
 *                      {@code telesecundaria}, {@code comunitaria}, {@code especial}, {@code general}); empty for all
 * @param version       this edition's version, {@code major.minor.patch}
 * @param title         title, e.g. "Tercera Sesión Ordinaria del Consejo Técnico Escolar"
 * @param subtitle      e.g. the level or the edition ("Educación Preescolar"), may be empty
 * @param publisher     who publishes it
 * @param dates         the days the session is held, {@code yyyy-mm-dd}, when the guide gives them
 * @param introduction  blocks of the introduction or presentation
 * @param purposes      purposes of the session
 * @param materials     materials to have at hand
 * @param products      products the session leaves to the school
 * @param agenda        the session's agenda, when the guide gives one
 * @param sections      its parts, in order
 * @param readings      the texts it reproduces
 * @param footnotes     its footnotes
 * @param references    the list of references, when the guide has one
 * @param requires      the platform versions and module capabilities it needs
 * @param provenance    for a guide composed from a state's overlay, what comes from the state; null otherwise
 */
public record Guide(int schemaVersion, GuideId id, List<String> modalities, String version, String title,
        String subtitle, Publisher publisher, List<String> dates, List<Block> introduction, ItemList purposes,
        ItemList materials, ItemList products, List<AgendaItem> agenda, List<Section> sections, List<Reading> readings, List<Footnote> footnotes,
        List<Citation> references, Requirements requires, Provenance provenance) {

    /** The level of a guide written for every level of basic education. */
    public static final String EVERY_LEVEL = "basica";

    public Guide {
        modalities = Immutables.list(modalities);
        dates = Immutables.list(dates);
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
        requires = requires == null ? Requirements.none() : requires;
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

    /**
     * Ids of the product types its activities yield and its requirements name; all must be present (in the version
     * range it requires, if any) for the guide to be usable.
     */
    public Set<String> productTypes() {
        Set<String> types = new TreeSet<>();
        for (Activity activity : activities()) {
            activity.products().forEach(product -> types.add(product.type()));
        }
        requires.capabilities().forEach(capability -> types.add(capability.productType()));
        return types;
    }

    /** The paths of the images its text shows, as written ({@link Block.Image#src()}). */
    public Set<String> images() {
        Set<String> images = new TreeSet<>();
        java.util.function.Consumer<List<Block>> collect = blocks -> blocks.stream()
                .filter(Block.Image.class::isInstance).forEach(b -> images.add(((Block.Image) b).src()));
        collect.accept(introduction);
        readings.forEach(reading -> collect.accept(reading.paragraphs()));
        List<Section> pending = new ArrayList<>(sections);
        while (!pending.isEmpty()) {
            Section section = pending.remove(pending.size() - 1);
            collect.accept(section.intro());
            collect.accept(section.closing());
            section.activities().forEach(activity -> collect.accept(activity.instructions()));
            pending.addAll(section.sections());
        }
        return images;
    }

    /**
     * Whether a school is offered this guide: one of its level or of every level, written for every modality or for
     * one of the school's; a CAM ({@code especial}) is also offered the guides written for special education at any
     * level.
     *
     * @param level            the school's level, null for any
     * @param schoolModalities the school's modalities ({@code indigena}, {@code multigrado}…), empty for any
     */
    public boolean isFor(String level, java.util.Collection<String> schoolModalities) {
        boolean special = schoolModalities.contains("especial") && modalities.contains("especial");
        boolean levelMatches = level == null || EVERY_LEVEL.equals(id.level()) || id.level().equals(level) || special;
        return levelMatches && (schoolModalities.isEmpty() || modalities.isEmpty()
                || modalities.stream().anyMatch(schoolModalities::contains));
    }
}
