package mx.cte.pupils.api;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import mx.cte.schools.api.Cct;
import mx.cte.schools.api.SchoolGroup;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The pupils of each school. Callers check that the caller may read the group (its director, or a teacher the director
 * assigned to it that school year: {@link #assignments}) before any named read or write; every named read is audited
 * here, with who read.
 */
@ProviderType
public interface PupilRecords {

    /** Below this attendance (in %) a pupil counts as low attendance in the tallies. */
    int LOW_ATTENDANCE = 80;

    /** One group's pupils by name, audited as read by {@code reader}. */
    List<Pupil> ofGroup(Cct school, String cycle, int grade, String group, String reader);

    /** All the school's pupils of the year by name (an export), audited as such. */
    List<Pupil> ofSchool(Cct school, String cycle, String reader);

    /** The pupils of the year of some groups by name (a teacher's export of their groups), audited as an export. */
    List<Pupil> ofGroups(Cct school, String cycle, Collection<SchoolGroup> groups, String reader);

    /** Where a pupil's record is, without reading the name; empty when the school has no such pupil. */
    Optional<PupilPlace> placeOf(Cct school, long id);

    /** Every group the school has now, each with the teachers assigned to it for the school year. */
    List<GroupTeachers> assignments(Cct school, String cycle);

    /**
     * Sets the teachers of one group for the school year (replacing those it had), audited. The caller checks that
     * each one is a teacher of the school.
     *
     * @throws mx.cte.core.api.errors.InvalidContentException naming {@code grupo} when the school has no such group
     */
    GroupTeachers assign(Cct school, String cycle, SchoolGroup group, List<String> teachers, String author);

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

    /**
     * As {@link #importList(Cct, String, InputStream, String)}, refusing (all of it) a list with a line of a group the
     * author may not write ({@code linea 4: …}).
     */
    ImportResult importList(Cct school, String cycle, InputStream list, String author, Predicate<PupilPlace> mayWrite);

    /** The schools' groups counted without names. */
    List<GroupTally> tallies(Collection<Cct> schools, String cycle);
}
