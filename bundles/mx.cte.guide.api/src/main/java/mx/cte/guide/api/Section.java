package mx.cte.guide.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A part of a guide: an apartado ("¿Qué avances tenemos?"), a sub-part ("En el aula"), a moment of the session, a
 * day of the intensive phase or an annex. Sections nest; activities hang from any level.
 *
 * @param id         unique within the guide
 * @param kind       what kind of part it is
 * @param label      its numbering as printed ("I", "Anexo 2"), may be empty
 * @param title      its title, may be empty for an untitled block
 * @param intro      paragraphs before its activities
 * @param agenda     planned times, when the guide gives them
 * @param readings   ids of readings printed in this section (before its activities)
 * @param activities its activities, in order
 * @param sections   its sub-sections, after its activities
 * @param closing    paragraphs after its activities and sub-sections
 * @param footnotes  ids of footnotes marked on its own text
 */
public record Section(String id, SectionKind kind, String label, String title, List<String> intro,
        List<AgendaItem> agenda, List<String> readings, List<Activity> activities, List<Section> sections,
        List<String> closing, List<String> footnotes) {

    public Section {
        kind = kind == null ? SectionKind.PART : kind;
        label = Immutables.text(label);
        title = Immutables.text(title);
        intro = Immutables.list(intro);
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
