package vn.dvctt.venue;

import vn.dvctt.geo.UnitId;

/**
 * What a person types about a venue. {@code internetMbps} is null when the speed is unknown;
 * {@code openingNotes} says when the house is open and who keeps the key.
 */
public record VenueInput(UnitId unit, String name, String address, int capacity, int computers, boolean projector,
                         boolean screen, boolean speakers, InternetKind internetKind, Integer internetMbps,
                         String openingNotes) {
}
