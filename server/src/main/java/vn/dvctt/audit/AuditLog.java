package vn.dvctt.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.internal.AuditEvent;
import vn.dvctt.audit.internal.AuditEvents;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Scope;

/**
 * Who changed what, for every feature. An entry joins the caller's transaction, so a change that is
 * rolled back leaves no entry behind, and one that is committed always has one.
 */
@Service
public class AuditLog {

    private static final int MAX_SUMMARY = 4000;
    private final AuditEvents events;
    private final CurrentUser currentUser;

    AuditLog(AuditEvents events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    /**
     * @param unitPath the path of the unit the entity belongs to, which decides who may read the entry
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, String unitPath, String before,
                       String after) {
        events.save(new AuditEvent(Instant.now(), currentUser.actorName(), action, entityType, entityId, unitPath,
                clip(before), clip(after)));
    }

    /** Recent entries about the caller's subtree, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        Scope scope = currentUser.scope();
        if (!scope.canReadAudit()) {
            throw new OutsideScopeException("Only administrators read the audit log");
        }
        return events.findWithin(scope.unitPath() + "%", Limit.of(limit)).stream()
                .map(e -> new AuditEntry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getEntityType(),
                        e.getEntityId(), e.getBeforeSummary(), e.getAfterSummary()))
                .toList();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
