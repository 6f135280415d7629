package vn.dvctt.training.internal;

import org.springframework.stereotype.Component;
import vn.dvctt.venue.VenueReferences;

/** Keeps a venue with sessions recorded at it from being deleted. */
@Component
class TrainingVenueReferences implements VenueReferences {

    private final TrainingSessions sessions;

    TrainingVenueReferences(TrainingSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public long countReferencing(long venueId) {
        return sessions.countByVenueId(venueId);
    }
}
