package vn.dvctt.training;

/** Sessions at a venue were scheduled, moved or cancelled: the venue's runner needs a new brief. */
public record VenueScheduleChanged(long venueId, String unitPath) {
}
