package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.dvctt.geo.UnitLevel;

/** A target for every unit of a level, or for one unit (an override), due on a date. */
@Entity
@Table(name = "indicator_target")
public class IndicatorTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_indicator_id")
    private long campaignIndicatorId;
    @Enumerated(EnumType.STRING)
    @Column(name = "unit_level")
    private UnitLevel unitLevel;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "due_on")
    private LocalDate dueOn;
    private BigDecimal target;

    protected IndicatorTarget() {
    }

    public static IndicatorTarget forLevel(long campaignIndicatorId, UnitLevel level, LocalDate dueOn, BigDecimal target) {
        IndicatorTarget t = new IndicatorTarget();
        t.campaignIndicatorId = campaignIndicatorId;
        t.unitLevel = level;
        t.dueOn = dueOn;
        t.target = target;
        return t;
    }

    public static IndicatorTarget forUnit(long campaignIndicatorId, long unitId, LocalDate dueOn, BigDecimal target) {
        IndicatorTarget t = new IndicatorTarget();
        t.campaignIndicatorId = campaignIndicatorId;
        t.unitId = unitId;
        t.dueOn = dueOn;
        t.target = target;
        return t;
    }

    /**
     * The target that applies to a unit on a date: its own override before its level's; among
     * those, the next one due (or the last one once all are past).
     */
    public static Optional<BigDecimal> applicable(List<IndicatorTarget> all, long unitId, UnitLevel level,
                                                  LocalDate asOf) {
        List<IndicatorTarget> own = all.stream().filter(t -> t.unitId != null && t.unitId == unitId).toList();
        List<IndicatorTarget> chosen = !own.isEmpty() ? own
                : all.stream().filter(t -> t.unitLevel == level).toList();
        return chosen.stream().filter(t -> !t.dueOn.isBefore(asOf)).min(Comparator.comparing(t -> t.dueOn))
                .or(() -> chosen.stream().max(Comparator.comparing(t -> t.dueOn)))
                .map(t -> t.target);
    }

    public UnitLevel getUnitLevel() {
        return unitLevel;
    }

    public Long getUnitId() {
        return unitId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }
}
