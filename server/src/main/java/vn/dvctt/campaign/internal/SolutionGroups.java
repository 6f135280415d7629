package vn.dvctt.campaign.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SolutionGroups extends JpaRepository<SolutionGroup, Long> {

    List<SolutionGroup> findByCampaignIdOrderByPosition(long campaignId);

    @Query("select coalesce(max(g.position), 0) from SolutionGroup g where g.campaignId = :campaignId")
    int lastPosition(@Param("campaignId") long campaignId);
}
