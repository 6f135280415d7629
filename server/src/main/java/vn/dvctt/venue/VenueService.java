package vn.dvctt.venue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.venue.internal.Venue;
import vn.dvctt.venue.internal.Venues;

/**
 * Village cultural houses and commune halls. Everyone reads the venues of his subtree; team members
 * keep those of their village, organizers and administrators those of their subtree; leaders read.
 */
@Service
public class VenueService {

    public static final int MAX_HITS = 500;
    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 400;
    public static final int MAX_NOTES = 1000;
    public static final int MAX_CAPACITY = 5000;
    private static final String AUDIT_TYPE = "Venue";

    private final Venues venues;
    private final CurrentUser currentUser;
    private final UnitPaths unitPaths;
    private final AdminUnitService units;
    private final AuditLog audit;
    private final List<VenueReferences> references;
    private final ApplicationEventPublisher events;

    VenueService(Venues venues, CurrentUser currentUser, UnitPaths unitPaths, AdminUnitService units, AuditLog audit,
                 List<VenueReferences> references, ApplicationEventPublisher events) {
        this.venues = venues;
        this.currentUser = currentUser;
        this.unitPaths = unitPaths;
        this.units = units;
        this.audit = audit;
        this.references = references;
        this.events = events;
    }

    /** The venues in {@code unit} and below it, in Vietnamese order of name. */
    @Transactional(readOnly = true)
    public List<VenueData> venuesWithin(UnitId unit) {
        Scope scope = currentUser.scope();
        String path = unitPaths.pathOf(unit).orElseThrow(() -> new OutsideScopeException("No such unit"));
        if (!scope.canView(path)) {
            throw new OutsideScopeException("Unit outside your area");
        }
        return toData(venues.search(VietnameseText.likeLiteral(path) + "%", "%", Limit.of(MAX_HITS)));
    }

    /** Accent-insensitive search by name within the caller's subtree: "khe ma" finds "Nhà văn hóa bản Khe Mạ". */
    @Transactional(readOnly = true)
    public List<VenueData> search(String text) {
        Scope scope = currentUser.scope();
        String term = "%" + VietnameseText.likeLiteral(VietnameseText.fold(text)) + "%";
        return toData(venues.search(VietnameseText.likeLiteral(scope.unitPath()) + "%", term, Limit.of(MAX_HITS)));
    }

    /** Empty when there is no such venue; refuses one outside the caller's subtree. */
    @Transactional(readOnly = true)
    public Optional<VenueData> find(long venueId) {
        Scope scope = currentUser.scope();
        return venues.findById(venueId).map(v -> {
            if (!scope.canView(v.getUnitPath())) {
                throw new OutsideScopeException("Venue outside your area");
            }
            return toData(List.of(v)).get(0);
        });
    }

    /** For views deciding whether to offer editing; the actions check again themselves. */
    @Transactional(readOnly = true)
    public boolean canManage() {
        return currentUser.scope().role() != Role.LEADER;
    }

    @Transactional(readOnly = true)
    public boolean canManage(VenueData venue) {
        return mayManage(currentUser.scope(), venue.unitPath());
    }

    @Transactional
    public VenueData create(VenueInput input) {
        Scope scope = currentUser.scope();
        String path = requireUnit(scope, input);
        Venue venue = venues.save(new Venue(clean(input), path));
        audit.record("CREATE", AUDIT_TYPE, String.valueOf(venue.getId()), path, null, venue.getName());
        return toData(List.of(venue)).get(0);
    }

    @Transactional
    public VenueData update(long venueId, VenueInput input) {
        Scope scope = currentUser.scope();
        Venue venue = manageable(scope, venueId);
        String path = requireUnit(scope, input);
        VenueData before = toData(List.of(venue)).get(0);
        venue.apply(clean(input), path);
        VenueData after = toData(List.of(venue)).get(0);
        audit.record("UPDATE", AUDIT_TYPE, String.valueOf(venueId), path, String.valueOf(before.toInput()),
                String.valueOf(after.toInput()));
        if (!before.unitPath().equals(after.unitPath())) {
            events.publishEvent(new VenueMoved(venueId, after.name(), after.unit(), after.unitName(), before.unitPath(),
                    after.unitPath()));
        }
        return after;
    }

    /**
     * Records which edge device is installed at the venue (the device feature calls this when it
     * registers one), or none with {@code null}. Only those who manage the venue may.
     */
    @Transactional
    public VenueData attachDevice(long venueId, String deviceId) {
        Scope scope = currentUser.scope();
        Venue venue = manageable(scope, venueId);
        if (deviceId != null) {
            vn.dvctt.content.DeviceIds.requireValid(deviceId);
        }
        String before = venue.getDeviceId();
        venue.attachDevice(deviceId);
        audit.record("ATTACH_DEVICE", AUDIT_TYPE, String.valueOf(venueId), venue.getUnitPath(), before, deviceId);
        return toData(List.of(venue)).get(0);
    }

    /** A venue with sessions recorded at it is kept: their history refers to it. */
    @Transactional
    public void delete(long venueId) {
        Scope scope = currentUser.scope();
        Venue venue = manageable(scope, venueId);
        long uses = references.stream().mapToLong(r -> r.countReferencing(venueId)).sum();
        if (uses > 0) {
            throw new InvalidInputException("venue.error.inUse",
                    "The venue has " + uses + " sessions recorded at it", venue.getName(), uses);
        }
        venues.delete(venue);
        audit.record("DELETE", AUDIT_TYPE, String.valueOf(venueId), venue.getUnitPath(), venue.getName(), null);
    }

    /** Keeps each venue's copy of its unit's path current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        Set<Long> unitsWithVenues = venues.findUnitIds();
        event.newPaths().forEach((unit, path) -> {
            if (unitsWithVenues.contains(unit.value())) {
                venues.updateUnitPath(unit.value(), path);
            }
        });
    }

    private Venue manageable(Scope scope, long venueId) {
        Venue venue = venues.findById(venueId).orElseThrow(() ->
                new InvalidInputException("venue.error.notFound", "No venue " + venueId, venueId));
        if (!mayManage(scope, venue.getUnitPath())) {
            throw new OutsideScopeException("You may not change this venue");
        }
        return venue;
    }

    /** Venues belong to a commune (its hall) or a village (its cultural house). */
    private String requireUnit(Scope scope, VenueInput input) {
        if (input.unit() == null) {
            throw new InvalidInputException("venue.error.unit", "A commune or village is required");
        }
        UnitLabel label = unitPaths.labels(List.of(input.unit())).get(input.unit());
        if (label == null) {
            throw new InvalidInputException("venue.error.unit", "A commune or village is required");
        }
        UnitData unit = units.get(label.code());
        if (unit.level() != UnitLevel.COMMUNE && unit.level() != UnitLevel.VILLAGE) {
            throw new InvalidInputException("venue.error.unit", "A commune or village is required");
        }
        if (!mayManage(scope, unit.path())) {
            throw new OutsideScopeException("You may not keep venues there");
        }
        return unit.path();
    }

    private static boolean mayManage(Scope scope, String path) {
        return scope.role() != Role.LEADER && scope.canView(path);
    }

    private static VenueInput clean(VenueInput in) {
        String name = text(in.name());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("venue.error.name", "A name of 1 to " + MAX_NAME + " characters is required",
                    MAX_NAME);
        }
        String address = text(in.address());
        if (address.length() > MAX_ADDRESS) {
            throw new InvalidInputException("venue.error.address", "The address is too long", MAX_ADDRESS);
        }
        if (in.capacity() < 1 || in.capacity() > MAX_CAPACITY) {
            throw new InvalidInputException("venue.error.capacity", "Capacity must be 1 to " + MAX_CAPACITY,
                    MAX_CAPACITY);
        }
        if (in.computers() < 0 || in.computers() > 500) {
            throw new InvalidInputException("venue.error.computers", "Computers must be 0 to 500");
        }
        InternetKind kind = in.internetKind() == null ? InternetKind.NONE : in.internetKind();
        Integer mbps = kind == InternetKind.NONE ? null : in.internetMbps();
        if (mbps != null && (mbps < 0 || mbps > 10_000)) {
            throw new InvalidInputException("venue.error.speed", "Internet speed must be 0 to 10000 Mbit/s");
        }
        String notes = text(in.openingNotes());
        if (notes.length() > MAX_NOTES) {
            throw new InvalidInputException("venue.error.notes", "The notes are too long", MAX_NOTES);
        }
        return new VenueInput(in.unit(), name, address, in.capacity(), in.computers(), in.projector(), in.screen(),
                in.speakers(), kind, mbps, notes);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    private List<VenueData> toData(Collection<Venue> found) {
        Map<UnitId, UnitLabel> labels = unitPaths.labels(found.stream().map(v -> new UnitId(v.getUnitId())).toList());
        return found.stream()
                .map(v -> {
                    UnitLabel label = labels.get(new UnitId(v.getUnitId()));
                    return v.toData(label == null ? "" : label.displayName());
                })
                .sorted(VietnameseText.byName(VenueData::name)).toList();
    }
}
