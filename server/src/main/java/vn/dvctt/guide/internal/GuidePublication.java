package vn.dvctt.guide.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.geo.UnitId;
import vn.dvctt.guide.GuideId;
import vn.dvctt.guide.PublicationData;

@Entity
@Table(name = "guide_publication")
public class GuidePublication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "guide_id")
    private long guideId;
    @Column(name = "target_unit_id")
    private long targetUnitId;
    @Column(name = "target_path")
    private String targetPath;
    @Column(name = "venue_id")
    private Long venueId;
    private int priority;
    @Column(name = "window_start")
    private String windowStart;
    @Column(name = "window_end")
    private String windowEnd;
    @Column(name = "quota_bytes")
    private long quotaBytes;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected GuidePublication() {
    }

    public GuidePublication(long guideId, String createdBy) {
        this.guideId = guideId;
        this.createdBy = createdBy;
    }

    public void apply(UnitId unit, String path, Long venueId, int priority, DownloadWindow window, long quotaBytes) {
        this.targetUnitId = unit.value();
        this.targetPath = path;
        this.venueId = venueId;
        this.priority = priority;
        this.windowStart = hhmm(window.start());
        this.windowEnd = hhmm(window.end());
        this.quotaBytes = quotaBytes;
        this.updatedAt = Instant.now();
    }

    private static String hhmm(java.time.LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    /** Null until saved. */
    public Long getId() {
        return id;
    }

    public long getGuideId() {
        return guideId;
    }

    public long getTargetUnitId() {
        return targetUnitId;
    }

    public String getTargetPath() {
        return targetPath;
    }

    public Long getVenueId() {
        return venueId;
    }

    public int getPriority() {
        return priority;
    }

    public long getQuotaBytes() {
        return quotaBytes;
    }

    public DownloadWindow window() {
        return DownloadWindow.of(windowStart, windowEnd);
    }

    public void targetPath(String path) {
        this.targetPath = path;
    }

    public PublicationData toData(String targetName) {
        return new PublicationData(id, new GuideId(guideId), new UnitId(targetUnitId), venueId, targetName, targetPath,
                priority, window(), quotaBytes);
    }
}
