package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Tasks extends JpaRepository<CampaignTask, Long> {

    @Query("select t from CampaignTask t where t.campaignId = :campaignId order by t.deadline, t.id")
    List<CampaignTask> ofCampaign(@Param("campaignId") long campaignId);

    /** Open tasks of active campaigns falling due on or before a day: the reminder's work list. */
    @Query("""
            select t from CampaignTask t, Campaign c
            where c.id = t.campaignId and c.status = vn.dvctt.campaign.CampaignStatus.ACTIVE
              and t.status in (vn.dvctt.campaign.TaskStatus.NOT_STARTED, vn.dvctt.campaign.TaskStatus.IN_PROGRESS)
              and t.deadline <= :until
            order by t.deadline, t.id""")
    List<CampaignTask> openDueBy(@Param("until") LocalDate until);

    @Modifying
    @Query("update CampaignTask t set t.responsibleUnitPath = :path where t.responsibleUnitId = :unitId")
    int repath(@Param("unitId") long unitId, @Param("path") String path);
}
