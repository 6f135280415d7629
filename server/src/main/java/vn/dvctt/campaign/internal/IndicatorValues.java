package vn.dvctt.campaign.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface IndicatorValues extends JpaRepository<IndicatorValue, Long> {

    Optional<IndicatorValue> findByCampaignIndicatorIdAndUnitIdAndPeriodOn(long campaignIndicatorId, long unitId,
                                                                          LocalDate periodOn);

    @Modifying
    @Query("update IndicatorValue v set v.unitPath = :path where v.unitId = :unitId")
    int repath(@Param("unitId") long unitId, @Param("path") String path);
}
