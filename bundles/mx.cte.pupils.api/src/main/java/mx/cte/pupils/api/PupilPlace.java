package mx.cte.pupils.api;

/** Where a pupil's record is: its school year and group, without the name (for access checks). */
public record PupilPlace(String cycle, int grade, String group) {
}
