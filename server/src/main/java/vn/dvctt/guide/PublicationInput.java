package vn.dvctt.guide;

import vn.dvctt.content.DownloadWindow;
import vn.dvctt.geo.UnitId;

/**
 * Send a guide to the devices of a unit and its subtree ({@code unit}, {@code venueId} null) or of one
 * venue ({@code venueId}; {@code unit} is then ignored). Priority 0 is fetched first; the window and
 * the per-device quota apply to the devices the rule reaches (see {@link GuideDistribution}).
 */
public record PublicationInput(UnitId unit, Long venueId, int priority, DownloadWindow window, long quotaBytes) {
}
