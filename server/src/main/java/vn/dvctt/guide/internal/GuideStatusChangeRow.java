package vn.dvctt.guide.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.guide.StatusChange;

@Entity
@Table(name = "guide_status_change")
public class GuideStatusChangeRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "guide_id")
    private long guideId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private GuideStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private GuideStatus toStatus;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;
    private String note;

    protected GuideStatusChangeRow() {
    }

    public GuideStatusChangeRow(long guideId, GuideStatus from, GuideStatus to, String changedBy, String note) {
        this.guideId = guideId;
        this.fromStatus = from;
        this.toStatus = to;
        this.changedBy = changedBy;
        this.changedAt = Instant.now();
        this.note = note == null ? "" : note;
    }

    public StatusChange toData() {
        return new StatusChange(fromStatus, toStatus, changedBy, changedAt, note);
    }
}
