package vn.dvctt.training;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/** A session took place. Published inside the transaction that marked it held. */
public record SessionHeld(long sessionId, UnitId unit, String unitPath, LocalDate date) {
}
