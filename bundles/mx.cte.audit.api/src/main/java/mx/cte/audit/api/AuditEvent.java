package mx.cte.audit.api;

import java.time.Instant;

/**
 * One recorded event.
 *
 * @param actor  who did it: a username, a shell user, or {@code sistema}
 * @param action what, as a stable lower-case id: {@code inicio-sesion}, {@code guia-activada}, …
 * @param target on what: a username, a guide key and version, a bundle, a file
 * @param detail anything else worth knowing, in Spanish; may be empty
 */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail) {
}
