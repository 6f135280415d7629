package vn.dvctt.guide;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.guide.internal.Guide;
import vn.dvctt.guide.internal.GuideFile;
import vn.dvctt.guide.internal.GuideFiles;
import vn.dvctt.guide.internal.GuidePublication;
import vn.dvctt.guide.internal.GuidePublications;
import vn.dvctt.guide.internal.GuideStatusChangeRow;
import vn.dvctt.guide.internal.GuideStatusChanges;
import vn.dvctt.guide.internal.Guides;
import vn.dvctt.guide.internal.VideoIntake;
import vn.dvctt.media.ContentStore;
import vn.dvctt.media.ImageService;
import vn.dvctt.media.StoredImage;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * The video guide library. A guide belongs to the unit that makes it (a province office, usually).
 * Organizers and administrators keep the guides of their subtree through the whole pipeline; leaders
 * and team members, and everyone for the libraries of the units above his own, see published guides
 * only. Devices get what {@link GuideDistribution} plans from the publication rules kept here.
 */
@Service
public class GuideService {

    public static final int MAX_HITS = 500;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_PROCEDURES = 20;
    public static final int MAX_DURATION_SECONDS = 4 * 3600;
    public static final int MAX_PRIORITY = 999;
    public static final long MIN_QUOTA_BYTES = 1024L * 1024;
    public static final long MAX_QUOTA_BYTES = 2L * 1024 * 1024 * 1024 * 1024;
    private static final String AUDIT_TYPE = "Guide";
    private static final Logger log = LoggerFactory.getLogger(GuideService.class);

    private final Guides guides;
    private final GuideFiles files;
    private final GuideStatusChanges history;
    private final GuidePublications publications;
    private final VideoIntake videos;
    private final ContentStore store;
    private final ImageService images;
    private final ProcedureService procedures;
    private final VenueService venues;
    private final CurrentUser currentUser;
    private final UnitPaths unitPaths;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final long maxVideoBytes;

    GuideService(Guides guides, GuideFiles files, GuideStatusChanges history, GuidePublications publications,
                 VideoIntake videos, ContentStore store, ImageService images, ProcedureService procedures,
                 VenueService venues, CurrentUser currentUser, UnitPaths unitPaths, AuditLog audit,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions,
                 @Value("${dvctt.guides.max-video-bytes:4294967296}") long maxVideoBytes) {
        this.guides = guides;
        this.files = files;
        this.history = history;
        this.publications = publications;
        this.videos = videos;
        this.store = store;
        this.images = images;
        this.procedures = procedures;
        this.venues = venues;
        this.currentUser = currentUser;
        this.unitPaths = unitPaths;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.maxVideoBytes = maxVideoBytes;
    }

    // ---- reading

    /** Accent-insensitive search by title among the guides the caller may see, in Vietnamese order. */
    @Transactional(readOnly = true)
    public List<GuideData> search(GuideFilter filter) {
        Scope scope = currentUser.scope();
        GuideFilter f = filter == null ? GuideFilter.all() : filter;
        String term = "%" + VietnameseText.likeLiteral(VietnameseText.fold(f.text())) + "%";
        Collection<GuideStatus> below = isEditor(scope) ? EnumSet.allOf(GuideStatus.class)
                : EnumSet.of(GuideStatus.PUBLISHED);
        List<String> above = strictAncestors(scope.unitPath());
        List<Guide> found = guides.search(term, VietnameseText.likeLiteral(scope.unitPath()) + "%", below,
                above.isEmpty() ? List.of("") : above, EnumSet.of(GuideStatus.PUBLISHED),
                f.status() == null ? EnumSet.allOf(GuideStatus.class) : EnumSet.of(f.status()),
                f.essential() == null ? List.of(true, false) : List.of(f.essential()),
                f.language() == null ? Arrays.stream(GuideLanguage.values()).map(GuideLanguage::code).toList()
                        : List.of(f.language().code()),
                Limit.of(MAX_HITS));
        return toData(found);
    }

    /** Empty when there is no such guide; refuses one the caller may not see. */
    @Transactional(readOnly = true)
    public Optional<GuideData> find(GuideId id) {
        Scope scope = currentUser.scope();
        return guides.findById(id.value()).map(g -> {
            requireVisible(scope, g);
            return toData(List.of(g)).get(0);
        });
    }

    /** The guide page: the guide, its versions newest first, its pipeline history and rules. */
    @Transactional(readOnly = true)
    public GuideDetails details(GuideId id) {
        Scope scope = currentUser.scope();
        Guide guide = existing(id);
        requireVisible(scope, guide);
        boolean editor = mayEdit(scope, guide);
        List<GuideFileData> versions = files.findByGuideIdOrderByFileVersionDesc(id.value()).stream()
                .map(GuideFile::toData).filter(f -> editor || f.complete()).toList();
        List<StatusChange> steps = editor ? history.findByGuideIdOrderByIdDesc(id.value()).stream()
                .map(GuideStatusChangeRow::toData).toList() : List.of();
        List<PublicationData> rules = editor ? publicationData(
                publications.findByGuideIdOrderByPriorityAscIdAsc(id.value())) : List.of();
        return new GuideDetails(toData(List.of(guide)).get(0), versions, steps, rules);
    }

    /** For views deciding whether to offer creating guides; the actions check again themselves. */
    @Transactional(readOnly = true)
    public boolean canCreate() {
        return isEditor(currentUser.scope());
    }

    @Transactional(readOnly = true)
    public boolean canEdit(GuideData guide) {
        Scope scope = currentUser.scope();
        return isEditor(scope) && scope.canView(guide.ownerPath());
    }

    // ---- keeping guides

    /** A new guide, PLANNED, in the library of {@code input.owner()} (the caller's own unit when null). */
    @Transactional
    public GuideData create(GuideInput input) {
        Scope scope = currentUser.scope();
        if (!isEditor(scope)) {
            throw new OutsideScopeException("Only organizers and administrators make guides");
        }
        UnitId owner = input.owner() == null ? scope.unitId() : input.owner();
        String path = unitPaths.pathOf(owner).orElseThrow(() -> new OutsideScopeException("No such unit"));
        if (!scope.canView(path)) {
            throw new OutsideScopeException("You may not keep guides for that unit");
        }
        Guide guide = guides.save(new Guide(owner, path, clean(input)));
        history.save(new GuideStatusChangeRow(guide.getId(), null, GuideStatus.PLANNED, currentUser.actorName(), ""));
        audit.record("CREATE", AUDIT_TYPE, String.valueOf(guide.getId()), path, null, guide.getTitle());
        return toData(List.of(guide)).get(0);
    }

    @Transactional
    public GuideData update(GuideId id, GuideInput input) {
        Guide guide = editable(currentUser.scope(), id);
        GuideData before = toData(List.of(guide)).get(0);
        guide.apply(clean(input));
        GuideData after = toData(List.of(guide)).get(0);
        audit.record("UPDATE", AUDIT_TYPE, id.toString(), guide.getOwnerPath(), String.valueOf(before.toInput()),
                String.valueOf(after.toInput()));
        if (guide.getStatus() == GuideStatus.PUBLISHED && !before.title().equals(after.title())) {
            distributionChanged(guide); // the title is in every manifest entry
        }
        return after;
    }

    /**
     * Moves a guide along its pipeline (see {@link GuideStatus#next()}), recording who and when. Review
     * and publication need a complete video.
     */
    @Transactional
    public GuideData move(GuideId id, GuideStatus target, String note) {
        Guide guide = editable(currentUser.scope(), id);
        GuideStatus from = guide.getStatus();
        if (target == null || !from.canMoveTo(target)) {
            throw new InvalidInputException("guide.error.transition", "A guide " + from + " cannot become " + target,
                    from.name(), String.valueOf(target));
        }
        if (target.needsVideo() && files.findFirstByGuideIdAndStatusOrderByFileVersionDesc(id.value(),
                FileStatus.COMPLETE).isEmpty()) {
            throw new InvalidInputException("guide.error.noVideo", "The guide has no complete video yet");
        }
        String cleanNote = note == null ? "" : note.trim();
        if (cleanNote.length() > 1000) {
            throw new InvalidInputException("guide.error.note", "The note is too long", 1000);
        }
        guide.moveTo(target);
        history.save(new GuideStatusChangeRow(guide.getId(), from, target, currentUser.actorName(), cleanNote));
        audit.record("STATUS", AUDIT_TYPE, id.toString(), guide.getOwnerPath(), from.name(), target.name());
        if (from == GuideStatus.PUBLISHED || target == GuideStatus.PUBLISHED) {
            distributionChanged(guide);
        }
        return toData(List.of(guide)).get(0);
    }

    /**
     * Checks, cleans (metadata stripped) and keeps a poster through the media feature.
     *
     * @throws InvalidInputException from {@link ImageService} when the file is not a usable image
     */
    @Transactional
    public GuideData setPoster(GuideId id, InputStream content, String fileName) throws IOException {
        Guide guide = editable(currentUser.scope(), id);
        StoredImage image = images.accept(content, fileName);
        guide.poster(image);
        audit.record("POSTER", AUDIT_TYPE, id.toString(), guide.getOwnerPath(), null, image.sha256());
        return toData(List.of(guide)).get(0);
    }

    /** The poster or its thumbnail, of a guide the caller may see. */
    @Transactional(readOnly = true)
    public InputStream openPoster(GuideId id, String sha256) throws IOException {
        Guide guide = existing(id);
        requireVisible(currentUser.scope(), guide);
        if (!guide.hasImage(sha256)) {
            throw new OutsideScopeException("Not a poster of this guide");
        }
        return images.open(sha256);
    }

    // ---- video versions

    /**
     * Streams a new version of the guide's video into the content store, computing its SHA-256 and chunk
     * list on the way; never holds the file in memory. The version is listed as UPLOADING at once and
     * becomes the guide's current file only when complete, so devices keep the previous one until then.
     * Runs its own short transactions around the transfer rather than one spanning it.
     *
     * @throws InvalidInputException {@code guide.error.notVideo} for anything but MP4 or WebM,
     *     {@code media.store.tooLarge} past the limit; the version is then marked FAILED with the reason
     */
    public GuideFileData uploadVideo(GuideId id, InputStream content, String fileName) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "video" : fileName.strip();
        String shortName = name.length() > 255 ? name.substring(name.length() - 255) : name;
        long fileId;
        try {
            fileId = transaction.execute(s -> {
                Guide guide = editable(currentUser.scope(), id);
                GuideFile file = files.saveAndFlush(new GuideFile(guide.getId(), files.maxVersion(guide.getId()) + 1,
                        shortName, currentUser.actorName()));
                return file.getId();
            });
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("guide.error.concurrentUpload",
                    "Another version of this guide is being uploaded");
        }
        VideoIntake.Stored stored;
        try {
            stored = videos.store(content, shortName);
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof InvalidInputException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Video {} for guide {} failed: {}", shortName, id, reason);
            transaction.executeWithoutResult(s -> files.findById(fileId).ifPresent(f -> f.fail(reason)));
            throw e;
        }
        return transaction.execute(s -> {
            GuideFile file = files.findById(fileId).orElseThrow(() -> new InvalidInputException("guide.error.notFound",
                    "The guide was deleted during the upload", id.value()));
            Guide guide = existing(id);
            file.complete(stored.mediaType(), stored.content());
            guide.touch();
            audit.record("VIDEO", AUDIT_TYPE, id.toString(), guide.getOwnerPath(), null,
                    "v" + file.getFileVersion() + " " + stored.content().contentId() + " "
                            + stored.content().sizeBytes() + " bytes");
            if (guide.getStatus() == GuideStatus.PUBLISHED) {
                distributionChanged(guide);
            }
            return file.toData();
        });
    }

    /** The largest video accepted, for the upload component's client-side check. */
    public long maxVideoBytes() {
        return maxVideoBytes;
    }

    /** The bytes of a complete version of a guide the caller may see. */
    @Transactional(readOnly = true)
    public InputStream openVideo(GuideId id, int version) throws IOException {
        Guide guide = existing(id);
        requireVisible(currentUser.scope(), guide);
        GuideFile file = files.findByGuideIdAndFileVersion(id.value(), version)
                .filter(f -> f.getStatus() == FileStatus.COMPLETE)
                .orElseThrow(() -> new InvalidInputException("guide.error.noVideo", "No such complete version"));
        return store.open(file.getContentId());
    }

    // ---- publication rules

    @Transactional
    public PublicationData addPublication(GuideId id, PublicationInput input) {
        Scope scope = currentUser.scope();
        Guide guide = editable(scope, id);
        GuidePublication rule = new GuidePublication(guide.getId(), currentUser.actorName());
        apply(scope, guide, rule, input);
        publications.save(rule);
        audit.record("PUBLISH_RULE", AUDIT_TYPE, id.toString(), guide.getOwnerPath(), null, describe(rule));
        events.publishEvent(new GuideDistributionChanged(rule.getTargetPath(), rule.getVenueId(), id));
        return publicationData(List.of(rule)).get(0);
    }

    @Transactional
    public PublicationData updatePublication(long publicationId, PublicationInput input) {
        Scope scope = currentUser.scope();
        GuidePublication rule = publication(publicationId);
        Guide guide = editable(scope, new GuideId(rule.getGuideId()));
        String before = describe(rule);
        GuideDistributionChanged old = new GuideDistributionChanged(rule.getTargetPath(), rule.getVenueId(),
                guide.guideId());
        apply(scope, guide, rule, input);
        audit.record("PUBLISH_RULE", AUDIT_TYPE, guide.guideId().toString(), guide.getOwnerPath(), before,
                describe(rule));
        GuideDistributionChanged now = new GuideDistributionChanged(rule.getTargetPath(), rule.getVenueId(),
                guide.guideId());
        events.publishEvent(old);
        if (!now.equals(old)) {
            events.publishEvent(now);
        }
        return publicationData(List.of(rule)).get(0);
    }

    @Transactional
    public void removePublication(long publicationId) {
        Scope scope = currentUser.scope();
        GuidePublication rule = publication(publicationId);
        Guide guide = editable(scope, new GuideId(rule.getGuideId()));
        publications.delete(rule);
        audit.record("PUBLISH_RULE", AUDIT_TYPE, guide.guideId().toString(), guide.getOwnerPath(), describe(rule),
                null);
        events.publishEvent(new GuideDistributionChanged(rule.getTargetPath(), rule.getVenueId(), guide.guideId()));
    }

    /** Keeps the copies of unit paths current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        Set<Long> owners = guides.findOwnerUnitIds();
        Set<Long> targets = publications.findTargetUnitIds();
        event.newPaths().forEach((unit, path) -> {
            if (owners.contains(unit.value())) {
                guides.updateOwnerPath(unit.value(), path);
            }
            if (targets.contains(unit.value())) {
                publications.updateTargetPath(unit.value(), path);
            }
        });
    }

    // ---- rules

    private void apply(Scope scope, Guide guide, GuidePublication rule, PublicationInput input) {
        if (input == null) {
            throw new InvalidInputException("guide.error.target", "A unit or a venue is required");
        }
        UnitId unit;
        String path;
        if (input.venueId() != null) {
            VenueData venue = venues.find(input.venueId()).orElseThrow(() ->
                    new InvalidInputException("guide.error.target", "No such venue"));
            unit = venue.unit();
            path = venue.unitPath();
        } else if (input.unit() != null) {
            unit = input.unit();
            path = unitPaths.pathOf(unit).orElseThrow(() ->
                    new InvalidInputException("guide.error.target", "No such unit"));
        } else {
            throw new InvalidInputException("guide.error.target", "A unit or a venue is required");
        }
        if (!scope.canView(path)) {
            throw new OutsideScopeException("You may not publish outside your area");
        }
        if (input.priority() < 0 || input.priority() > MAX_PRIORITY) {
            throw new InvalidInputException("guide.error.priority", "Priority must be 0 to " + MAX_PRIORITY,
                    MAX_PRIORITY);
        }
        if (input.window() == null) {
            throw new InvalidInputException("guide.error.window", "A download window is required");
        }
        if (input.quotaBytes() < MIN_QUOTA_BYTES || input.quotaBytes() > MAX_QUOTA_BYTES) {
            throw new InvalidInputException("guide.error.quota", "The quota must be 1 MB to 2 TB");
        }
        boolean duplicate = publications.findByGuideIdOrderByPriorityAscIdAsc(guide.getId()).stream()
                .anyMatch(p -> !Objects.equals(p.getId(), rule.getId()) && p.getTargetPath().equals(path)
                        && Objects.equals(p.getVenueId(), input.venueId()));
        if (duplicate) {
            throw new InvalidInputException("guide.error.duplicateTarget", "The guide already goes there");
        }
        rule.apply(unit, path, input.venueId(), input.priority(), input.window(), input.quotaBytes());
    }

    private GuidePublication publication(long publicationId) {
        return publications.findById(publicationId).orElseThrow(() ->
                new InvalidInputException("guide.error.notFound", "No publication " + publicationId, publicationId));
    }

    private void distributionChanged(Guide guide) {
        for (GuidePublication rule : publications.findByGuideIdOrderByPriorityAscIdAsc(guide.getId())) {
            events.publishEvent(new GuideDistributionChanged(rule.getTargetPath(), rule.getVenueId(),
                    guide.guideId()));
        }
    }

    private static String describe(GuidePublication rule) {
        DownloadWindow w = rule.window();
        return "target=" + rule.getTargetPath() + (rule.getVenueId() == null ? "" : " venue=" + rule.getVenueId())
                + " priority=" + rule.getPriority() + " window=" + w.start() + "-" + w.end()
                + " quota=" + rule.getQuotaBytes();
    }

    private Guide existing(GuideId id) {
        return guides.findById(id.value()).orElseThrow(() ->
                new InvalidInputException("guide.error.notFound", "No guide " + id, id.value()));
    }

    private Guide editable(Scope scope, GuideId id) {
        Guide guide = existing(id);
        if (!mayEdit(scope, guide)) {
            throw new OutsideScopeException("You may not change this guide");
        }
        return guide;
    }

    static boolean isEditor(Scope scope) {
        return scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER;
    }

    private static boolean mayEdit(Scope scope, Guide guide) {
        return isEditor(scope) && scope.canView(guide.getOwnerPath());
    }

    /** Editors see everything in their subtree; everyone sees what is published at or above his unit. */
    private static void requireVisible(Scope scope, Guide guide) {
        if (mayEdit(scope, guide)) {
            return;
        }
        boolean related = scope.canView(guide.getOwnerPath()) || scope.unitPath().startsWith(guide.getOwnerPath());
        if (!related || guide.getStatus() != GuideStatus.PUBLISHED) {
            throw new OutsideScopeException("Guide outside your area or not published");
        }
    }

    /** "/VN/22/198/" → "/VN/", "/VN/22/" (the units above, not the unit itself). */
    static List<String> strictAncestors(String path) {
        List<String> all = ancestorsInclusive(path);
        return all.subList(0, all.size() - 1);
    }

    /** "/VN/22/198/" → "/VN/", "/VN/22/", "/VN/22/198/". */
    static List<String> ancestorsInclusive(String path) {
        List<String> result = new ArrayList<>();
        for (int i = path.indexOf('/', 1); i >= 0; i = path.indexOf('/', i + 1)) {
            result.add(path.substring(0, i + 1));
        }
        return result;
    }

    private GuideInput clean(GuideInput in) {
        String title = text(in.title());
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InvalidInputException("guide.error.title", "A title of 1 to " + MAX_TITLE + " characters",
                    MAX_TITLE);
        }
        String description = text(in.description());
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("guide.error.description", "The description is too long",
                    MAX_DESCRIPTION);
        }
        Integer duration = in.durationSeconds();
        if (duration != null && (duration < 1 || duration > MAX_DURATION_SECONDS)) {
            throw new InvalidInputException("guide.error.duration", "Duration must be 1 s to 4 h");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : in.procedureCodes()) {
            String c = text(code);
            if (c.isEmpty()) {
                continue;
            }
            if (procedures.find(c).isEmpty()) {
                throw new InvalidInputException("guide.error.procedure", "Unknown procedure " + c, c);
            }
            codes.add(c);
        }
        if (codes.size() > MAX_PROCEDURES) {
            throw new InvalidInputException("guide.error.procedures", "At most " + MAX_PROCEDURES + " procedures",
                    MAX_PROCEDURES);
        }
        GuideLanguage language = in.language() == null ? GuideLanguage.VI : in.language();
        return new GuideInput(in.owner(), title, description, List.copyOf(codes), in.essential(), language, duration);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private List<GuideData> toData(Collection<Guide> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UnitId, UnitLabel> labels = unitPaths.labels(found.stream()
                .map(g -> new UnitId(g.getOwnerUnitId())).toList());
        Map<Long, GuideFileData> current = new HashMap<>();
        files.findCurrent(found.stream().map(Guide::getId).toList())
                .forEach(f -> current.put(f.getGuideId(), f.toData()));
        return found.stream()
                .map(g -> {
                    UnitLabel label = labels.get(new UnitId(g.getOwnerUnitId()));
                    return g.toData(label == null ? "" : label.displayName(), current.get(g.getId()));
                })
                .sorted(VietnameseText.byName(GuideData::title)).toList();
    }

    /** A rule made by someone wider may name a venue outside the reader's area: then only its number. */
    private String venueName(long venueId) {
        try {
            return venues.find(venueId).map(VenueData::name).orElse("#" + venueId);
        } catch (OutsideScopeException e) {
            return "#" + venueId;
        }
    }

    private List<PublicationData> publicationData(List<GuidePublication> rules) {
        Map<UnitId, UnitLabel> labels = unitPaths.labels(rules.stream()
                .map(p -> new UnitId(p.getTargetUnitId())).toList());
        List<PublicationData> result = new ArrayList<>();
        for (GuidePublication p : rules) {
            String name;
            if (p.getVenueId() != null) {
                name = venueName(p.getVenueId());
            } else {
                UnitLabel label = labels.get(new UnitId(p.getTargetUnitId()));
                name = label == null ? p.getTargetPath() : label.displayName();
            }
            result.add(p.toData(name));
        }
        return result;
    }
}
