package mx.cte.programme.api;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import mx.cte.schools.api.Cct;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The improvement programmes of the schools. Callers check who may read or write a school before calling; a supervisor
 * is given {@link Programme#asPublished()}.
 */
@ProviderType
public interface ImprovementProgramme {

    Optional<Programme> find(Cct school, String cycle);

    /** The school years the school has a programme of, latest first. */
    List<String> cycles(Cct school);

    /**
     * Writes the programme of a school year: the first save (version 0) creates it. New objectives, goals and actions
     * get their keys; an action keeps its key while it is kept. Audited.
     *
     * @throws mx.cte.core.api.errors.InvalidContentException naming the field at fault ({@code objetivos[1].verbo},
     *                                                        {@code acciones[0].objetivo}, {@code diagnostico.x}),
     *                                                        also for an action removed that has follow-up recorded
     * @throws mx.cte.storage.api.StaleVersionException       when it changed since {@code expectedVersion}
     */
    Programme save(Cct school, String cycle, ProgrammeKind kind, ProgrammeContent content, long expectedVersion,
            String author);

    /**
     * Starts a school year's programme from the school's latest earlier one: its diagnosis, its objectives and the
     * actions not yet done (their latest follow-up not {@code cumplida}), unpublished. Audited.
     *
     * @throws java.util.NoSuchElementException       when the school has no earlier programme
     * @throws mx.cte.storage.api.StaleVersionException when the year already has one
     */
    Programme carryOver(Cct school, String cycle, String author);

    /** Makes the programme as it is now what supervisors read, with a PDF. Audited. */
    Programme publish(Cct school, String cycle, long expectedVersion, String author);

    /** The published programmes of these schools for a school year (a zone's, for its supervisor). */
    List<Programme> published(Collection<Cct> schools, String cycle);

    /** The follow-up recorded for the programme's actions, by session in order. */
    List<FollowUp> followUps(Cct school, String cycle);

    /**
     * Records, or changes (with the version it was based on), what a session saw of an action. Audited.
     *
     * @throws mx.cte.core.api.errors.InvalidContentException naming {@code accion}, {@code sesion} (not of the
     *                                                        programme's school year), {@code comentario} or
     *                                                        {@code ajuste}
     */
    FollowUp followUp(Cct school, String cycle, String action, String session, Progress progress, String comment,
            String adjustment, long expectedVersion, String author);
}
