package vn.dvctt.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    private String action;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private String entityId;
    @Column(name = "unit_path")
    private String unitPath;
    @Column(name = "before_summary")
    private String beforeSummary;
    @Column(name = "after_summary")
    private String afterSummary;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String action, String entityType, String entityId,
                      String unitPath, String beforeSummary, String afterSummary) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.unitPath = unitPath;
        this.beforeSummary = beforeSummary;
        this.afterSummary = afterSummary;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getBeforeSummary() {
        return beforeSummary;
    }

    public String getAfterSummary() {
        return afterSummary;
    }
}
