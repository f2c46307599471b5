package mx.cte.pupils.api;

/**
 * What the school records of a pupil. Assessments, attendance and risk are null until the teacher gives them.
 *
 * @param attendance the percentage of school days attended so far, 0 to 100
 * @param support    the support agreed for the pupil
 */
public record PupilDraft(String name, int grade, String group, Light reading, Light writing, Light mathematics,
        Integer attendance, Risk risk, String support) {

    public Light light(Area area) {
        return switch (area) {
            case READING -> reading;
            case WRITING -> writing;
            case MATHEMATICS -> mathematics;
        };
    }
}
