package mx.cte.schools.api;

import java.util.List;

/**
 * The outcome of a catalogue import. An import is all or nothing: when any row is rejected, or the file cannot be
 * read, nothing is written and {@link #imported()} is false.
 *
 * @param source       the file's name, as given
 * @param rows         data rows read (the header not counted)
 * @param inserted     schools added
 * @param updated      schools already known whose catalogue data was refreshed
 * @param zonesCreated zones that did not exist before
 * @param rejected     every rejected row with its line and reasons
 * @param problem      why the whole file was refused (unreadable, missing columns), or null
 */
public record ImportReport(String source, int rows, int inserted, int updated, int zonesCreated,
        List<RejectedRow> rejected, String problem) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public boolean imported() {
        return problem == null && rejected.isEmpty();
    }

    public static ImportReport refused(String source, String problem) {
        return new ImportReport(source, 0, 0, 0, 0, List.of(), problem);
    }
}
