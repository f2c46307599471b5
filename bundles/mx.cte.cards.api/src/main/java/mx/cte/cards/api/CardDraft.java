package mx.cte.cards.api;

import java.util.List;

/**
 * What a team writes on a card (activity 10).
 *
 * @param period           the period whose challenges it attends ({@code 2016-11}, {@code 2016-2017-b2})
 * @param session          the guide session it was designed in, e.g. {@code SEP:2016-2017:preescolar:ordinaria-3}
 * @param classroomActions what is done in the classroom
 * @param schoolActions    what is done in the school
 * @param adequations      the adequations that attend diversity in learning
 * @param instruments      the instruments to evaluate results in the pupils
 * @param groups           the groups it applies to, empty for all the groups of its grades
 * @param durationWeeks    how many weeks it runs
 * @param responsibles     usernames of the school's staff who carry it out
 */
public record CardDraft(String period, String session, List<Challenge> challenges, String title, String description,
        String classroomActions, String schoolActions, List<Material> materials, String adequations,
        String instruments, List<Integer> grades, List<String> groups, int durationWeeks, List<String> responsibles) {

    public CardDraft {
        period = strip(period);
        session = strip(session);
        challenges = challenges == null ? List.of() : List.copyOf(challenges);
        title = strip(title);
        description = strip(description);
        classroomActions = strip(classroomActions);
        schoolActions = strip(schoolActions);
        materials = materials == null ? List.of() : List.copyOf(materials);
        adequations = strip(adequations);
        instruments = strip(instruments);
        grades = grades == null ? List.of() : grades.stream().distinct().sorted().toList();
        groups = groups == null ? List.of() : groups.stream().map(String::strip).distinct().toList();
        responsibles = responsibles == null ? List.of() : responsibles.stream().map(String::strip).distinct().toList();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
