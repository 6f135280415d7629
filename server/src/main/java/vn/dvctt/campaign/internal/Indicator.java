package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import vn.dvctt.campaign.Direction;
import vn.dvctt.campaign.IndicatorData;
import vn.dvctt.campaign.IndicatorKind;
import vn.dvctt.campaign.ValueSource;
import vn.dvctt.geo.UnitLevel;

/** A library indicator; the shipped ones come from the V0011 migration. */
@Entity
@Table(name = "indicator")
public class Indicator {

    @Id
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private IndicatorKind kind;
    @Enumerated(EnumType.STRING)
    private Direction direction;
    @Column(name = "unit_label")
    private String unitLabel;
    @Enumerated(EnumType.STRING)
    private ValueSource source;
    @Column(name = "entry_levels")
    private String entryLevels;

    protected Indicator() {
    }

    public IndicatorData toData() {
        EnumSet<UnitLevel> levels = EnumSet.noneOf(UnitLevel.class);
        Arrays.stream(entryLevels.split(",")).map(String::trim).map(UnitLevel::valueOf).forEach(levels::add);
        return new IndicatorData(id, code, name, kind, direction, unitLabel, source, levels);
    }
}
