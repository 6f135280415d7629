package vn.dvctt.campaign.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignIndicators extends JpaRepository<CampaignIndicator, Long> {

    List<CampaignIndicator> findByCampaignIdOrderByPosition(long campaignId);
}
