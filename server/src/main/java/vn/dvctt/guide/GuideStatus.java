package vn.dvctt.guide;

import java.util.Set;

/**
 * The production pipeline of a guide. Forward: planned → in production → in review → published →
 * retired; back-steps send a guide back to work (review → production, production → planned) and a
 * retired guide may be reworked. Only published guides reach devices.
 */
public enum GuideStatus {
    PLANNED, IN_PRODUCTION, IN_REVIEW, PUBLISHED, RETIRED;

    /** The statuses this one may move to. */
    public Set<GuideStatus> next() {
        return switch (this) {
            case PLANNED -> Set.of(IN_PRODUCTION, RETIRED);
            case IN_PRODUCTION -> Set.of(IN_REVIEW, PLANNED);
            case IN_REVIEW -> Set.of(PUBLISHED, IN_PRODUCTION);
            case PUBLISHED -> Set.of(RETIRED, IN_PRODUCTION);
            case RETIRED -> Set.of(IN_PRODUCTION);
        };
    }

    public boolean canMoveTo(GuideStatus target) {
        return next().contains(target);
    }

    /** Review and publication look at the video, so a guide needs a complete file to get there. */
    public boolean needsVideo() {
        return this == IN_REVIEW || this == PUBLISHED;
    }
}
