package vn.dvctt.guide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.content.ManifestEntry;
import vn.dvctt.guide.DevicePlan.DroppedGuide;
import vn.dvctt.guide.DevicePlan.Reason;
import vn.dvctt.guide.internal.Guide;
import vn.dvctt.guide.internal.GuideFile;
import vn.dvctt.guide.internal.GuideFiles;
import vn.dvctt.guide.internal.GuidePublication;
import vn.dvctt.guide.internal.GuidePublications;
import vn.dvctt.guide.internal.Guides;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * What the device at a venue should hold, for the feature that issues manifests. Rules reaching a venue
 * are those naming it and those of its unit or any unit above. From them:
 * <ul>
 *   <li>guides: every PUBLISHED guide with a complete video that some rule names, at the smallest
 *       priority any of its rules gives it, ordered by priority then title;</li>
 *   <li>window and quota: those of the most specific rule (the venue's own, else the deepest unit's;
 *       among equals the smallest quota), since the device has one disk and one link;</li>
 *   <li>quota: entries are taken in order while they fit; one that does not fit is dropped (and
 *       reported) and smaller ones after it may still be taken. The same video twice is listed once.</li>
 * </ul>
 * Retired guides drop out simply by no longer being PUBLISHED. See docs/decisions/0002-guide-distribution.md.
 */
@Service
public class GuideDistribution {

    private final VenueService venues;
    private final Guides guides;
    private final GuideFiles files;
    private final GuidePublications publications;
    private final CurrentUser currentUser;

    GuideDistribution(VenueService venues, Guides guides, GuideFiles files, GuidePublications publications,
                      CurrentUser currentUser) {
        this.venues = venues;
        this.guides = guides;
        this.files = files;
        this.publications = publications;
        this.currentUser = currentUser;
    }

    /**
     * The plan for the device at a venue the caller may see (scheduled and MQTT work runs it inside
     * {@link CurrentUser#runAsSystem}).
     *
     * @throws vn.dvctt.shared.InvalidInputException {@code guide.error.target} for an unknown venue
     */
    @Transactional(readOnly = true)
    public DevicePlan planFor(long venueId) {
        VenueData venue = venues.find(venueId).orElseThrow(() ->
                new vn.dvctt.shared.InvalidInputException("guide.error.target", "No venue " + venueId));
        return plan(venue.unitPath(), venueId);
    }

    /**
     * The plan for a device in the unit at {@code unitPath} that is not (yet) tied to a venue: only unit
     * rules reach it.
     */
    @Transactional(readOnly = true)
    public DevicePlan planForUnit(String unitPath) {
        if (!currentUser.scope().canView(unitPath)) {
            throw new OutsideScopeException("Unit outside your area");
        }
        return plan(unitPath, null);
    }

    private DevicePlan plan(String unitPath, Long venueId) {
        List<String> units = GuideService.ancestorsInclusive(unitPath);
        List<GuidePublication> rules = venueId == null ? publications.reachingUnit(units)
                : publications.reaching(venueId, units);
        if (rules.isEmpty()) {
            return new DevicePlan(0, DownloadWindow.ALL_DAY, List.of(), List.of());
        }
        GuidePublication policy = rules.stream().min(Comparator
                .comparing((GuidePublication p) -> p.getVenueId() == null)
                .thenComparing(p -> -p.getTargetPath().length())
                .thenComparingLong(GuidePublication::getQuotaBytes)
                .thenComparing(GuidePublication::getId)).orElseThrow();
        Map<Long, Integer> priority = new HashMap<>();
        rules.forEach(r -> priority.merge(r.getGuideId(), r.getPriority(), Math::min));
        List<Guide> published = guides.findAllById(priority.keySet()).stream()
                .filter(g -> g.getStatus() == GuideStatus.PUBLISHED).toList();
        Map<Long, GuideFileData> current = new HashMap<>();
        files.findCurrent(published.stream().map(Guide::getId).toList())
                .forEach(f -> current.put(f.getGuideId(), f.toData()));
        Comparator<Guide> order = Comparator.comparing((Guide g) -> priority.get(g.getId()))
                .thenComparing(Guide::getTitle, VietnameseText.naturalOrder())
                .thenComparing(Guide::getId);
        List<ManifestEntry> entries = new ArrayList<>();
        List<DroppedGuide> dropped = new ArrayList<>();
        Set<String> contents = new HashSet<>();
        long left = policy.getQuotaBytes();
        for (Guide guide : published.stream().filter(g -> current.containsKey(g.getId())).sorted(order).toList()) {
            GuideFileData file = current.get(guide.getId());
            int p = priority.get(guide.getId());
            if (contents.contains(file.contentId())) {
                dropped.add(new DroppedGuide(guide.guideId(), guide.getTitle(), file.sizeBytes(), p,
                        Reason.SAME_CONTENT));
            } else if (file.sizeBytes() > left) {
                dropped.add(new DroppedGuide(guide.guideId(), guide.getTitle(), file.sizeBytes(), p,
                        Reason.OVER_QUOTA));
            } else {
                entries.add(file.toEntry(guide.getTitle(), p));
                contents.add(file.contentId());
                left -= file.sizeBytes();
            }
        }
        return new DevicePlan(policy.getQuotaBytes(), policy.window(), entries, dropped);
    }
}
