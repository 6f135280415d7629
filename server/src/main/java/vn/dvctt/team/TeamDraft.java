package vn.dvctt.team;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/** What setting up or amending a team takes: where, its name, and the decision that set it up. */
public record TeamDraft(UnitId unit, String name, String decisionNumber, LocalDate decisionDate,
                        String decisionSigner) {
}
