package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.dvctt.geo.UnitLevel;

public interface IndicatorTargets extends JpaRepository<IndicatorTarget, Long> {

    Optional<IndicatorTarget> findByCampaignIndicatorIdAndUnitLevelAndDueOn(long campaignIndicatorId, UnitLevel level,
                                                                          LocalDate dueOn);

    Optional<IndicatorTarget> findByCampaignIndicatorIdAndUnitIdAndDueOn(long campaignIndicatorId, Long unitId,
                                                                       LocalDate dueOn);

    List<IndicatorTarget> findByCampaignIndicatorId(long campaignIndicatorId);

    /** Targets that may apply to a unit: its own overrides and its level's. */
    @Query("select t from IndicatorTarget t where t.campaignIndicatorId = :ci "
            + "and (t.unitId = :unitId or t.unitLevel = :level) order by t.dueOn")
    List<IndicatorTarget> applicable(@Param("ci") long campaignIndicatorId, @Param("unitId") long unitId,
                                     @Param("level") UnitLevel level);
}
