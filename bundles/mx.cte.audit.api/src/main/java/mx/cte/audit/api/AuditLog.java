package mx.cte.audit.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Records and lists audit events. Recording never fails the operation it records: a failure is logged instead. */
@ProviderType
public interface AuditLog {

    /** The actor recorded when no user is behind an event (boot, the framework). */
    String SYSTEM = "sistema";

    /** Records an event done by the current subject's user, or by {@link #SYSTEM}. */
    void record(String action, String target, String detail);

    /** Records an event done by the given actor (a sign-in, before any subject exists). */
    void recordAs(String actor, String action, String target, String detail);

    List<AuditEvent> list(AuditQuery query);
}
