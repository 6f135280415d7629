package vn.dvctt.venue;

import vn.dvctt.geo.UnitId;

/**
 * A venue was given another administrative unit (an organizer corrected or changed where it is).
 * Published inside the changing transaction: features keeping a copy of a venue's unit update it
 * there, and those acting on the move (new manifests for its devices) listen after commit.
 */
public record VenueMoved(long venueId, String venueName, UnitId unit, String unitName, String fromPath, String toPath) {
}
