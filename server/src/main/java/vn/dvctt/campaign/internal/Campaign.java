package vn.dvctt.campaign.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.dvctt.campaign.CampaignData;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignKind;
import vn.dvctt.campaign.CampaignStatus;
import vn.dvctt.campaign.MilestoneData;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.geo.UnitId;

@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String title;
    @Enumerated(EnumType.STRING)
    private CampaignKind kind;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Column(name = "scope_unit_id")
    private long scopeUnitId;
    @Column(name = "scope_unit_path")
    private String scopeUnitPath;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "campaign_id", nullable = false)
    @OrderBy("dueOn")
    private List<Milestone> milestones = new ArrayList<>();

    protected Campaign() {
    }

    public Campaign(NewCampaign data, String scopeUnitPath) {
        this.title = data.title().strip();
        this.kind = data.kind();
        this.legalBasis = data.legalBasis() == null || data.legalBasis().isBlank() ? null : data.legalBasis().strip();
        this.startsOn = data.startsOn();
        this.endsOn = data.endsOn();
        this.scopeUnitId = data.scopeUnit().value();
        this.scopeUnitPath = scopeUnitPath;
        this.status = CampaignStatus.DRAFT;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getScopeUnitPath() {
        return scopeUnitPath;
    }

    public void setScopeUnitPath(String scopeUnitPath) {
        this.scopeUnitPath = scopeUnitPath;
    }

    public long getScopeUnitId() {
        return scopeUnitId;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public void setStatus(CampaignStatus status) {
        this.status = status;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    public String getTitle() {
        return title;
    }

    public List<Milestone> getMilestones() {
        return List.copyOf(milestones);
    }

    public Milestone addMilestone(String name, LocalDate dueOn) {
        Milestone milestone = new Milestone(name, dueOn);
        milestones.add(milestone);
        return milestone;
    }

    public CampaignData toData(List<vn.dvctt.campaign.CampaignIndicatorData> indicators) {
        List<MilestoneData> ms = milestones.stream()
                .sorted(java.util.Comparator.comparing(Milestone::getDueOn))
                .map(m -> new MilestoneData(m.getId() == null ? 0 : m.getId(), m.getName(), m.getDueOn())).toList();
        return new CampaignData(new CampaignId(id), title, kind, legalBasis, startsOn, endsOn, new UnitId(scopeUnitId),
                status, ms, indicators);
    }
}
