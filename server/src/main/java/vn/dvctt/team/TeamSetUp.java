package vn.dvctt.team;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/**
 * A team was set up in {@code unit} (a village or commune at {@code unitPath}). Published inside the
 * transaction that created it; a campaign counting "teams set up" under a unit matches
 * {@code unitPath.startsWith(targetPath)}. Carries no personal data.
 */
public record TeamSetUp(long teamId, UnitId unit, String unitPath, LocalDate decisionDate) {
}
