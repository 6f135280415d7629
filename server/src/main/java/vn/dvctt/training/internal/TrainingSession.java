package vn.dvctt.training.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.dvctt.training.SessionPlan;
import vn.dvctt.training.SessionStatus;

@Entity
@Table(name = "training_session")
public class TrainingSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "venue_id")
    private long venueId;
    @Column(name = "unit_id")
    private long unitId;
    @Column(name = "unit_path")
    private String unitPath;
    @Column(name = "starts_at")
    private LocalDateTime startsAt;
    @Column(name = "ends_at")
    private LocalDateTime endsAt;
    private String topic;
    private String audience;
    @Column(name = "team_id")
    private Long teamId;
    /** One name a line: facilitators are people, not accounts, and are only ever shown. */
    private String facilitators;
    @ElementCollection
    @CollectionTable(name = "training_planned_guide", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "seq")
    @Column(name = "guide")
    private List<String> plannedGuides = new ArrayList<>();
    @Column(name = "expected_attendance")
    private int expectedAttendance;
    @Enumerated(EnumType.STRING)
    private SessionStatus status;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** PLANNED by an organizer, or AGENT: started on a venue's session runner without a schedule. */
    private String origin = ORIGIN_PLANNED;

    public static final String ORIGIN_PLANNED = "PLANNED";
    public static final String ORIGIN_AGENT = "AGENT";

    protected TrainingSession() {
    }

    public TrainingSession(SessionPlan plan, long unitId, String unitPath) {
        status = SessionStatus.PLANNED;
        apply(plan, unitId, unitPath);
    }

    public void apply(SessionPlan plan, long unit, String path) {
        venueId = plan.venueId();
        unitId = unit;
        unitPath = path;
        startsAt = plan.startsAt();
        endsAt = plan.endsAt();
        topic = plan.topic();
        audience = plan.audience();
        teamId = plan.teamId();
        facilitators = String.join("\n", plan.facilitators());
        plannedGuides.clear();
        plannedGuides.addAll(plan.plannedGuides());
        expectedAttendance = plan.expectedAttendance();
        updatedAt = Instant.now();
    }

    /** Marks a session the runner started without a schedule; its times then follow the runner. */
    public void startedOnRunner() {
        origin = ORIGIN_AGENT;
    }

    public boolean isFromRunner() {
        return ORIGIN_AGENT.equals(origin);
    }

    /** The runner's start and end of an unscheduled session. */
    public void retime(LocalDateTime start, LocalDateTime end) {
        startsAt = start;
        endsAt = end;
        updatedAt = Instant.now();
    }

    public void moveTo(SessionStatus next, String reason) {
        status = next;
        cancelReason = reason;
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getVenueId() {
        return venueId;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public String getTopic() {
        return topic;
    }

    public String getAudience() {
        return audience;
    }

    public Long getTeamId() {
        return teamId;
    }

    public List<String> getFacilitators() {
        return facilitators.isEmpty() ? List.of() : Arrays.asList(facilitators.split("\n"));
    }

    public List<String> getPlannedGuides() {
        return List.copyOf(plannedGuides);
    }

    public int getExpectedAttendance() {
        return expectedAttendance;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
