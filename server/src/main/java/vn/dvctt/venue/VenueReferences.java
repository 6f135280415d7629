package vn.dvctt.venue;

/**
 * Implemented by features that refer to venues (training sessions), so that a venue still in use
 * is not deleted, without this feature depending on them.
 */
public interface VenueReferences {

    /** How many records of the implementing feature refer to the venue. */
    long countReferencing(long venueId);
}
