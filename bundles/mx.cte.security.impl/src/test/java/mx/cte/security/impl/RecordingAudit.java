package mx.cte.security.impl;

import java.util.ArrayList;
import java.util.List;
import mx.cte.audit.api.AuditEvent;
import mx.cte.audit.api.AuditLog;
import mx.cte.audit.api.AuditQuery;

/** Keeps the recorded actions in memory. */
final class RecordingAudit implements AuditLog {

    private final List<String> actions = new ArrayList<>();

    List<String> actions() {
        return List.copyOf(actions);
    }

    @Override
    public void record(String action, String target, String detail) {
        actions.add(action);
    }

    @Override
    public void recordAs(String actor, String action, String target, String detail) {
        actions.add(action);
    }

    @Override
    public List<AuditEvent> list(AuditQuery query) {
        return List.of();
    }
}
