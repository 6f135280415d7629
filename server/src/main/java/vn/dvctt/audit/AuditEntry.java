package vn.dvctt.audit;

import java.time.Instant;

public record AuditEntry(Instant at, String actor, String action, String entityType, String entityId,
                         String before, String after) {
}
