package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import vn.dvctt.campaign.TaskStatus;

@Entity
@Table(name = "campaign_task")
public class CampaignTask {

    /** Agencies are stored as one text column; a name never contains a line break. */
    private static final String SEPARATOR = "\n";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_id")
    private long campaignId;
    @Column(name = "group_id")
    private Long groupId;
    private String title;
    @Column(name = "lead_agency")
    private String leadAgency;
    @Column(name = "coordinating_agencies")
    private String coordinatingAgencies;
    @Column(name = "responsible_unit_id")
    private long responsibleUnitId;
    @Column(name = "responsible_unit_path")
    private String responsibleUnitPath;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    @Column(name = "done_on")
    private LocalDate doneOn;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected CampaignTask() {
    }

    public CampaignTask(long campaignId, Long groupId, String title, String leadAgency, List<String> coordinating,
                        long responsibleUnitId, String responsibleUnitPath, LocalDate deadline) {
        this.campaignId = campaignId;
        this.groupId = groupId;
        this.title = title;
        this.leadAgency = leadAgency;
        this.coordinatingAgencies = coordinating.isEmpty() ? null : String.join(SEPARATOR, coordinating);
        this.responsibleUnitId = responsibleUnitId;
        this.responsibleUnitPath = responsibleUnitPath;
        this.deadline = deadline;
        this.status = TaskStatus.NOT_STARTED;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public String getTitle() {
        return title;
    }

    public String getLeadAgency() {
        return leadAgency;
    }

    public List<String> getCoordinatingAgencies() {
        return coordinatingAgencies == null ? List.of() : Arrays.asList(coordinatingAgencies.split(SEPARATOR));
    }

    public long getResponsibleUnitId() {
        return responsibleUnitId;
    }

    public String getResponsibleUnitPath() {
        return responsibleUnitPath;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    public void setStatus(TaskStatus status, LocalDate today) {
        this.status = status;
        this.doneOn = status == TaskStatus.DONE ? today : null;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public void repath(String path) {
        this.responsibleUnitPath = path;
    }

    public String summary() {
        return status + " " + deadline;
    }
}
