package mx.cte.guide.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A part of a guide: an apartado ("¿Qué avances tenemos?"), a sub-part ("En el aula"), a moment of the session, a
 * day of the intensive phase, the work before the session, front matter ("Medidas de salud") or an annex. Sections
 * nest; activities hang from any level.
 *
 * @param id             unique within the guide
 * @param kind           what kind of part it is
 * @param label          its numbering as printed ("I", "Anexo 2"), may be empty
 * @param title          its title, may be empty for an untitled block
 * @param editorialTitle the title was added by whoever encoded the guide; the guide does not print it
 * @param date           the day it is held, {@code yyyy-mm-dd}, empty when the guide gives none
 * @param minutes        its planned duration, 0 when the guide gives none
 * @param intro          blocks before its activities
 * @param purposes       purposes printed for this part (later guides print them per moment or day)
 * @param materials      materials printed for this part
 * @param products       products printed for this part
 * @param agenda         planned times, when the guide gives them
 * @param readings       ids of readings printed in this section (before its activities)
 * @param activities     its activities, in order
 * @param sections       its sub-sections, after its activities
 * @param closing        blocks after its activities and sub-sections
 * @param footnotes      ids of footnotes marked at the end of its title
 */
public record Section(String id, SectionKind kind, String label, String title, boolean editorialTitle, String date,
        int minutes, List<Block> intro, ItemList purposes, ItemList materials, ItemList products,
        List<AgendaItem> agenda, List<String> readings, List<Activity> activities, List<Section> sections,
        List<Block> closing, List<String> footnotes) {

    public Section {
        kind = kind == null ? SectionKind.PART : kind;
        label = Immutables.text(label);
        title = Immutables.text(title);
        date = Immutables.text(date);
        intro = Immutables.list(intro);
        purposes = purposes == null ? ItemList.empty() : purposes;
        materials = materials == null ? ItemList.empty() : materials;
        products = products == null ? ItemList.empty() : products;
        agenda = Immutables.list(agenda);
        readings = Immutables.list(readings);
        activities = Immutables.list(activities);
        sections = Immutables.list(sections);
        closing = Immutables.list(closing);
        footnotes = Immutables.list(footnotes);
    }

    /** Every activity of this section and its sub-sections, in reading order. */
    public List<Activity> allActivities() {
        List<Activity> all = new ArrayList<>(activities);
        for (Section section : sections) {
            all.addAll(section.allActivities());
        }
        return all;
    }
}
