package vn.dvctt.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One snapshot's frozen figure for a unit and an indicator; a unit without readings then has no value. */
public record TrendPoint(long snapshotId, LocalDate asOf, SnapshotReason reason, String label, BigDecimal value, BigDecimal target,
                         TrafficLight light) {
}
