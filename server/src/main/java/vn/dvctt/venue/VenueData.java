package vn.dvctt.venue;

import vn.dvctt.geo.UnitId;

/**
 * A venue as other features see it. {@code deviceId} is the edge device installed there, if any;
 * {@code unitName} is the display name of its unit ("Bản Khe Mạ").
 */
public record VenueData(long id, UnitId unit, String unitName, String unitPath, String name, String address,
                        int capacity, int computers, boolean projector, boolean screen, boolean speakers,
                        InternetKind internetKind, Integer internetMbps, String deviceId, String openingNotes) {

    public VenueInput toInput() {
        return new VenueInput(unit, name, address, capacity, computers, projector, screen, speakers, internetKind,
                internetMbps, openingNotes);
    }
}
