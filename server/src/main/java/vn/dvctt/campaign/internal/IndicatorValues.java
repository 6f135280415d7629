package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IndicatorValues extends JpaRepository<IndicatorValue, Long> {

    Optional<IndicatorValue> findByCampaignIndicatorIdAndUnitIdAndPeriodOn(long campaignIndicatorId, long unitId,
                                                                          LocalDate periodOn);

    /**
     * Sums over a subtree of each unit's latest reading on or before {@code asOf}: numerators,
     * denominators, amounts, and how many units reported. Sums, never averages of percentages.
     */
    @Query("select sum(v.numerator), sum(v.denominator), sum(v.amount), count(v) from IndicatorValue v "
            + "where v.campaignIndicatorId = :ci and v.unitPath like concat(:path, '%') "
            + "and v.periodOn = (select max(w.periodOn) from IndicatorValue w where w.campaignIndicatorId = :ci "
            + "and w.unitId = v.unitId and w.periodOn <= :asOf)")
    List<Object[]> sumLatest(@Param("ci") long campaignIndicatorId, @Param("path") String path,
                       @Param("asOf") LocalDate asOf);

    @Modifying
    @Query("update IndicatorValue v set v.unitPath = :path where v.unitId = :unitId")
    int repath(@Param("unitId") long unitId, @Param("path") String path);
}
