package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.dvctt.campaign.SolutionGroupData;

@Entity
@Table(name = "campaign_solution_group")
public class SolutionGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_id")
    private long campaignId;
    private int position;
    private String name;

    protected SolutionGroup() {
    }

    public SolutionGroup(long campaignId, int position, String name) {
        this.campaignId = campaignId;
        this.position = position;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public SolutionGroupData toData() {
        return new SolutionGroupData(id, position, name);
    }
}
