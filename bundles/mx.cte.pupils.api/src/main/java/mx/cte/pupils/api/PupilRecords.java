package mx.cte.pupils.api;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pupils of each school. Callers check that the caller is staff of the school before any named read or write;
 * every named read is audited here, with who read and why ({@code purpose}).
 */
@ProviderType
public interface PupilRecords {

    /** Below this attendance (in %) a pupil counts as low attendance in the tallies. */
    int LOW_ATTENDANCE = 80;

    /** One group's pupils by name, audited as read by {@code reader}. */
    List<Pupil> ofGroup(Cct school, String cycle, int grade, String group, String reader);

    /** All the school's pupils of the year by name (an export), audited as such. */
    List<Pupil> ofSchool(Cct school, String cycle, String reader);

    /**
     * @throws mx.cte.core.api.errors.InvalidContentException naming the field at fault ({@code nombre}, {@code grado},
     *                                                        {@code grupo}, {@code asistencia}, {@code apoyo}); a
     *                                                        group the school does not have is one
     */
    Pupil add(Cct school, String cycle, PupilDraft pupil, String author);

    /** @throws mx.cte.storage.api.StaleVersionException when it changed since {@code expectedVersion} */
    Pupil update(Cct school, long id, PupilDraft pupil, long expectedVersion, String author);

    void remove(Cct school, long id, long expectedVersion, String author);

    /**
     * Adds the pupils of a group list the school already has (an XLSX workbook's first sheet, or CSV in UTF-8 or
     * Windows-1252; columns {@code grado}, {@code grupo}, {@code nombre}), all or nothing; a pupil already in the
     * group is skipped.
     *
     * @throws mx.cte.core.api.errors.InvalidContentException naming each line at fault ({@code linea 4: …})
     */
    ImportResult importList(Cct school, String cycle, InputStream list, String author);

    /** The schools' groups counted without names. */
    List<GroupTally> tallies(Collection<Cct> schools, String cycle);
}
