package vn.dvctt.guide;

import java.util.List;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.ManifestEntry;

/**
 * What a device at a venue should hold: the entries in fetch order (priority, then title), never more
 * than {@code quotaBytes} in total, with the window to download them in. {@code dropped} lists the
 * published guides that did not make it and why. With no rule reaching the venue the plan is empty,
 * with quota 0 and an all-day window.
 */
public record DevicePlan(long quotaBytes, DownloadWindow downloadWindow, List<ManifestEntry> entries,
                         List<DroppedGuide> dropped) {

    public DevicePlan {
        entries = List.copyOf(entries);
        dropped = List.copyOf(dropped);
    }

    public long totalBytes() {
        return entries.stream().mapToLong(ManifestEntry::sizeBytes).sum();
    }

    /** A guide published to the venue that is not in the plan. */
    public record DroppedGuide(GuideId guide, String title, long sizeBytes, int priority, Reason reason) {
    }

    public enum Reason {
        /** Did not fit in what the quota had left after the guides before it. */
        OVER_QUOTA,
        /** Its video is byte for byte the video of a guide before it, which the device holds already. */
        SAME_CONTENT
    }
}
