package vn.dvctt.team;

import vn.dvctt.geo.UnitId;

/**
 * A team's membership changed (joined, left, moved in or out, role changed); the counts are the
 * team's after the change, so a listener needs no query. No names or phones.
 */
public record TeamMembershipChanged(long teamId, UnitId unit, String unitPath, int activeMembers,
                                    int trainedMembers) {
}
