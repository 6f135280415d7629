package vn.dvctt.guide;

import vn.dvctt.content.DownloadWindow;
import vn.dvctt.geo.UnitId;

/**
 * A publication rule of a guide. {@code targetName} is the unit's display name or the venue's name;
 * {@code targetPath} the unit's path (the venue's unit for a venue rule).
 */
public record PublicationData(long id, GuideId guide, UnitId unit, Long venueId, String targetName,
                              String targetPath, int priority, DownloadWindow window, long quotaBytes) {

    public PublicationInput toInput() {
        return new PublicationInput(unit, venueId, priority, window, quotaBytes);
    }
}
