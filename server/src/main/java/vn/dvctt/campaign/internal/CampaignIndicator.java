package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import vn.dvctt.campaign.CampaignIndicatorData;

@Entity
@Table(name = "campaign_indicator")
public class CampaignIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_id")
    private long campaignId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "indicator_id")
    private Indicator indicator;
    private int position;

    protected CampaignIndicator() {
    }

    public CampaignIndicator(long campaignId, Indicator indicator, int position) {
        this.campaignId = campaignId;
        this.indicator = indicator;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public long getCampaignId() {
        return campaignId;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public CampaignIndicatorData toData() {
        return new CampaignIndicatorData(id, indicator.toData(), position);
    }
}
