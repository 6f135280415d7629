package vn.dvctt.team;

import vn.dvctt.geo.UnitId;

/** What other features may know of a team: who it is and where it serves (no personal data). */
public record TeamSummary(long id, String name, UnitId unit, String unitName, int activeMembers) {
}
