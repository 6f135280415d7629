package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What one unit reported for itself as of a period date. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campaign_indicator_id")
    private long campaignIndicatorId;
    @Column(name = "unit_id")
    private long unitId;
    @Column(name = "unit_path")
    private String unitPath;
    @Column(name = "period_on")
    private LocalDate periodOn;
    private BigDecimal numerator;
    private BigDecimal denominator;
    private BigDecimal amount;
    private String comment;
    @Column(name = "entered_by")
    private String enteredBy;
    @Column(name = "entered_at")
    private Instant enteredAt;
    @Version
    private long version;

    protected IndicatorValue() {
    }

    public IndicatorValue(long campaignIndicatorId, long unitId, String unitPath, LocalDate periodOn) {
        this.campaignIndicatorId = campaignIndicatorId;
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.periodOn = periodOn;
    }

    public void set(BigDecimal numerator, BigDecimal denominator, BigDecimal amount, String comment, String by) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.amount = amount;
        this.comment = comment;
        this.enteredBy = by;
        this.enteredAt = Instant.now();
    }

    public boolean isNew() {
        return id == null;
    }

    /** For the audit trail: the figures only, never who typed them. */
    public String summary() {
        return numerator != null ? numerator.stripTrailingZeros().toPlainString() + "/"
                + denominator.stripTrailingZeros().toPlainString() : amount.stripTrailingZeros().toPlainString();
    }

    public long getId() {
        return id;
    }
}
