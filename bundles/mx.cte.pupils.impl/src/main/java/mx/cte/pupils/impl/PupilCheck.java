package mx.cte.pupils.impl;

import java.util.ArrayList;
import java.util.List;
import mx.cte.core.api.errors.InvalidContentException;
import mx.cte.core.api.errors.InvalidContentException.FieldProblem;
import mx.cte.core.api.errors.TextFields;
import mx.cte.pupils.api.PupilDraft;
import mx.cte.schools.api.School;

/** A pupil's record checked field by field against the school it is of: every problem at once. */
final class PupilCheck {

    private PupilCheck() {
    }

    static PupilDraft checked(School school, PupilDraft pupil) {
        List<FieldProblem> problems = new ArrayList<>();
        TextFields.problem(pupil.name(), 120, true).ifPresent(p -> problems.add(new FieldProblem("nombre", p)));
        String group = pupil.group() == null ? "" : pupil.group().strip();
        boolean known = school.groups().stream().anyMatch(g -> g.name().equalsIgnoreCase(group)
                && g.grades().contains(pupil.grade()));
        if (!known) {
            problems.add(new FieldProblem("grupo", "la escuela " + school.cct() + " no tiene el grupo " + pupil.grade()
                    + "° " + group + "; sus grupos: " + String.join(", ", school.groups().stream().flatMap(g -> g
                            .grades().stream().map(n -> n + "° " + g.name())).toList())));
        }
        if (pupil.attendance() != null && (pupil.attendance() < 0 || pupil.attendance() > 100)) {
            problems.add(new FieldProblem("asistencia", "es un porcentaje de 0 a 100, no " + pupil.attendance()));
        }
        TextFields.problem(pupil.support(), 2000, false).ifPresent(p -> problems.add(new FieldProblem("apoyo", p)));
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems);
        }
        String canonicalGroup = school.groups().stream().filter(g -> g.name().equalsIgnoreCase(group)).findFirst()
                .orElseThrow().name();
        return new PupilDraft(pupil.name().strip().replaceAll("\\s+", " "), pupil.grade(), canonicalGroup,
                pupil.reading(), pupil.writing(), pupil.mathematics(), pupil.attendance(), pupil.risk(),
                pupil.support() == null ? "" : pupil.support().strip());
    }
}
