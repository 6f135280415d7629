package vn.dvctt.device;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.content.DeviceIds;
import vn.dvctt.content.Enrollment;
import vn.dvctt.content.Sha256;
import vn.dvctt.device.internal.Device;
import vn.dvctt.device.internal.DeviceBrokerBackend;
import vn.dvctt.device.internal.DeviceBrokerClients;
import vn.dvctt.device.internal.DeviceContent;
import vn.dvctt.device.internal.DeviceContents;
import vn.dvctt.device.internal.DevicePresence;
import vn.dvctt.device.internal.DevicePresences;
import vn.dvctt.device.internal.Devices;
import vn.dvctt.device.internal.ExpectedContent;
import vn.dvctt.device.internal.ExpectedContents;
import vn.dvctt.device.internal.Secrets;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.venue.VenueMoved;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.mqtt.MqttProperties;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * Edge devices: registration at a venue with a one-time enrollment code, the exchange of that code for
 * broker credentials, revocation, and the fleet as the devices report it. Everyone reads the devices
 * of his subtree; administrators and organizers register, revoke and re-enrol them there.
 */
@Service
public class DeviceService {

    public static final int MAX_DEVICES = 2000;
    private static final Logger log = LoggerFactory.getLogger(DeviceService.class);
    private static final String AUDIT_TYPE = "Device";
    private static final int ID_SUFFIX = 4;

    private final Devices devices;
    private final DevicePresences presences;
    private final DeviceContents contents;
    private final ExpectedContents expected;
    private final VenueService venues;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final DeviceProperties properties;
    private final MqttGateway gateway;
    private final MqttProperties mqtt;
    private final DeviceBrokerBackend broker;
    private final Clock clock = Clock.systemUTC();

    DeviceService(Devices devices, DevicePresences presences, DeviceContents contents, ExpectedContents expected,
                  VenueService venues, CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events,
                  DeviceProperties properties, MqttGateway gateway, MqttProperties mqtt, DeviceBrokerBackend broker) {
        this.devices = devices;
        this.presences = presences;
        this.contents = contents;
        this.expected = expected;
        this.venues = venues;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.gateway = gateway;
        this.mqtt = mqtt;
        this.broker = broker;
    }

    // ---------------------------------------------------------------- organizers

    /** For views deciding whether to offer registering; the actions check again. */
    @Transactional(readOnly = true)
    public boolean canManage() {
        Role role = currentUser.scope().role();
        return role == Role.ADMIN || role == Role.ORGANIZER;
    }

    /** Venues of the caller's area that have no device yet, for the registration form. */
    @Transactional(readOnly = true)
    public List<VenueData> venuesWithoutDevice() {
        Scope scope = currentUser.scope();
        return venues.search("").stream()
                .filter(v -> v.deviceId() == null || devices.findActiveAtVenue(v.id()).isEmpty())
                .filter(v -> mayManage(scope, v.unitPath()))
                .toList();
    }

    /**
     * Registers a new device at a venue of the caller's area and issues its first enrollment code.
     *
     * @param serverUrl the server's URL as the agent reaches it, for the enrollment command (the
     *                  {@code dvctt.device.public-url} setting wins when set)
     */
    @Transactional
    public IssuedCode register(long venueId, String serverUrl) {
        Scope scope = currentUser.scope();
        VenueData venue = venues.find(venueId).orElseThrow(() ->
                new InvalidInputException("device.error.venue", "No venue " + venueId));
        requireManage(scope, venue.unitPath());
        if (!devices.findActiveAtVenue(venueId).isEmpty()) {
            throw new InvalidInputException("device.error.venueHasDevice",
                    "The venue has a device already; revoke it first", venue.name());
        }
        String deviceId = newDeviceId(venue.unitPath());
        Instant now = clock.instant();
        Device device = new Device(deviceId, venueId, venue.name(), venue.unit().value(), venue.unitName(),
                venue.unitPath(), now);
        IssuedCode code = issue(device, now, serverUrl);
        try {
            devices.saveAndFlush(device);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("device.error.retry", "Please try again", deviceId);
        }
        venues.attachDevice(venueId, deviceId);
        audit.record("REGISTER", AUDIT_TYPE, deviceId, venue.unitPath(), null, venue.name());
        return code;
    }

    /**
     * Issues a new code for a device; whatever credentials it had stop working at once (its connection
     * is dropped after commit), and the old code too.
     */
    @Transactional
    public IssuedCode reenrol(String deviceId, String serverUrl) {
        Scope scope = currentUser.scope();
        Device device = manageable(scope, deviceId);
        List<Device> others = devices.findActiveAtVenue(device.getVenueId()).stream()
                .filter(d -> !d.getDeviceId().equals(deviceId)).toList();
        if (!others.isEmpty()) {
            throw new InvalidInputException("device.error.venueHasDevice",
                    "The venue has another device now", device.getVenueName());
        }
        boolean hadCredentials = device.getState() == DeviceState.ENROLLED;
        IssuedCode code = issue(device, clock.instant(), serverUrl);
        if (hadCredentials) {
            withdraw(device);
        }
        venues.find(device.getVenueId()).filter(v -> !deviceId.equals(v.deviceId()))
                .ifPresent(v -> venues.attachDevice(v.id(), deviceId));
        audit.record("REENROL", AUDIT_TYPE, deviceId, device.getUnitPath(), null, "code until " + code.expiresAt());
        return code;
    }

    /** Cuts the device off: refused on its next connect, its live connection dropped after commit. */
    @Transactional
    public void revoke(String deviceId) {
        Scope scope = currentUser.scope();
        Device device = manageable(scope, deviceId);
        if (device.getState() == DeviceState.REVOKED) {
            return;
        }
        DeviceState before = device.getState();
        device.revoke(clock.instant());
        withdraw(device);
        audit.record("REVOKE", AUDIT_TYPE, deviceId, device.getUnitPath(), before.name(), DeviceState.REVOKED.name());
    }

    private void withdraw(Device device) {
        device.markBrokerPending(true);
        presences.findById(device.getDeviceId()).ifPresent(p -> p.offline(clock.instant()));
        events.publishEvent(new DeviceCredentialsWithdrawn(device.getDeviceId()));
    }

    private IssuedCode issue(Device device, Instant now, String serverUrl) {
        String code = Secrets.enrollmentCode();
        Instant expiresAt = now.plus(properties.codeValidity());
        device.issueCode(Secrets.sha256(Enrollment.normalizeCode(code)), expiresAt);
        String base = properties.publicUrl().isEmpty() ? (serverUrl == null ? "" : serverUrl) : properties.publicUrl();
        String command = "java -jar dvctt-edge-agent.jar enroll " + base.replaceAll("/+$", "") + " " + code;
        return new IssuedCode(device.getDeviceId(), code, expiresAt, command);
    }

    /** {@code dv-<unit code>-<random>}: readable on a label, unique, and a valid topic level. */
    private String newDeviceId(String unitPath) {
        String[] parts = unitPath.split("/");
        String code = parts.length == 0 ? "" : parts[parts.length - 1].replaceAll("[^A-Za-z0-9-]", "").toLowerCase();
        code = code.length() > 40 ? code.substring(0, 40) : code;
        for (int attempt = 0; attempt < 10; attempt++) {
            String id = "dv-" + (code.isEmpty() ? "" : code + "-") + Secrets.idSuffix(ID_SUFFIX + attempt / 3);
            if (DeviceIds.isValid(id) && !devices.existsByDeviceId(id)) {
                return id;
            }
        }
        throw new IllegalStateException("No free device id for " + unitPath);
    }

    // ---------------------------------------------------------------- agents

    /**
     * Exchanges a one-time code for the device's own credentials. The code is consumed by one
     * conditional UPDATE, so of two concurrent requests (on any server instances) exactly one wins.
     * An external broker is given the account before the commit: if it does not confirm, nothing is
     * consumed and the agent may try again.
     *
     * @param requestHost the host the agent reached the server through, for the embedded broker's URL
     * @throws EnrollmentRefusedException saying why in words the person at the device can act on
     */
    @Transactional(noRollbackFor = EnrollmentRefusedException.class)
    public Enrollment.Response enroll(String code, String requestHost) {
        String hash;
        try {
            hash = Secrets.sha256(Enrollment.normalizeCode(code));
        } catch (IllegalArgumentException e) {
            throw new EnrollmentRefusedException(Enrollment.Reason.MALFORMED, e.getMessage());
        }
        String password = Secrets.devicePassword();
        Instant now = clock.instant();
        if (devices.consumeCode(hash, DeviceBrokerClients.encode(password), now) != 1) {
            throw refusal(hash, now);
        }
        Device device = devices.findByCodeHash(hash).orElseThrow();
        try {
            broker.enrolled(device.getDeviceId(), password);
        } catch (RuntimeException e) {
            log.warn("Broker did not take the account of {}: {}", device.getDeviceId(), e.getMessage());
            // rolls the consumption back: the code stays usable
            throw new IllegalStateException("The MQTT broker did not confirm the device's account", e);
        }
        audit.record("ENROLL", AUDIT_TYPE, device.getDeviceId(), device.getUnitPath(), DeviceState.PENDING.name(),
                DeviceState.ENROLLED.name());
        events.publishEvent(new DeviceEnrolled(device.getDeviceId(), device.getVenueId()));
        log.info("Device {} enrolled", device.getDeviceId());
        return Enrollment.Response.of(device.getDeviceId(), device.getDeviceId(), password, agentBrokerUrl(requestHost));
    }

    private EnrollmentRefusedException refusal(String hash, Instant now) {
        Optional<Device> found = devices.findByCodeHash(hash);
        if (found.isEmpty()) {
            return new EnrollmentRefusedException(Enrollment.Reason.UNKNOWN_CODE,
                    "No device has this enrollment code; check it, or ask the organizer for a new one");
        }
        Device d = found.get();
        if (d.getState() == DeviceState.REVOKED) {
            return new EnrollmentRefusedException(Enrollment.Reason.REVOKED,
                    "Device " + d.getDeviceId() + " was revoked; ask the organizer to re-enrol it");
        }
        if (d.getCodeUsedAt() != null) {
            return new EnrollmentRefusedException(Enrollment.Reason.USED, "This enrollment code was already used at "
                    + d.getCodeUsedAt() + "; ask the organizer to re-enrol device " + d.getDeviceId());
        }
        return new EnrollmentRefusedException(Enrollment.Reason.EXPIRED, "This enrollment code expired at "
                + d.getCodeExpiresAt() + "; ask the organizer for a new one for device " + d.getDeviceId());
    }

    private String agentBrokerUrl(String requestHost) {
        if (!properties.agentBrokerUrl().isEmpty()) {
            return properties.agentBrokerUrl();
        }
        if (gateway.embeddedBroker().isPresent()) {
            String host = requestHost == null || requestHost.isBlank() ? "127.0.0.1" : requestHost;
            return "tcp://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":"
                    + mqtt.embedded().port();
        }
        return gateway.url();
    }

    // ---------------------------------------------------------------- sync feature

    /**
     * The unit path of the device's venue, for other features' scope checks; no user scope needed,
     * since it tells only where a device is installed. Empty for an unknown device.
     */
    @Transactional(readOnly = true)
    public Optional<String> unitPathOf(String deviceId) {
        return devices.findByDeviceId(deviceId).map(Device::getUnitPath);
    }

    /** An enrolled device and its venue. */
    public record Installed(String deviceId, long venueId) {
    }

    /**
     * Enrolled devices in a unit's subtree, or at one venue when {@code venueId} is set: who needs a
     * new manifest when what its area should hold changes. System work, no user scope.
     */
    @Transactional(readOnly = true)
    public List<Installed> enrolled(String unitPath, Long venueId) {
        return devices.enrolledWithin(VietnameseText.likeLiteral(unitPath == null ? "/" : unitPath) + "%").stream()
                .map(r -> new Installed((String) r[0], (Long) r[1]))
                .filter(d -> venueId == null || d.venueId() == venueId).toList();
    }

    /**
     * Where an enrolled device is installed, for features that must check what a device says about its
     * venue (the session runner's events); empty for an unknown, pending or revoked device. No user scope.
     */
    @Transactional(readOnly = true)
    public Optional<Installed> installedAt(String deviceId) {
        return devices.findByDeviceId(deviceId).filter(d -> d.getState() == DeviceState.ENROLLED)
                .map(d -> new Installed(d.getDeviceId(), d.getVenueId()));
    }

    /**
     * One page of every enrolled device, in device id order, after {@code afterDeviceId} ("" for the
     * first page): a walk over the fleet that never holds it all in memory. System work, no user scope.
     */
    @Transactional(readOnly = true)
    public List<Installed> enrolledAfter(String afterDeviceId, int pageSize) {
        return devices.enrolledAfter(afterDeviceId, Limit.of(pageSize)).stream()
                .map(r -> new Installed((String) r[0], (Long) r[1])).toList();
    }

    /** The device's state and venue, for scheduled and event-driven work; empty for an unknown device. */
    @Transactional(readOnly = true)
    public Optional<DeviceState> stateOf(String deviceId) {
        return devices.findByDeviceId(deviceId).map(Device::getState);
    }

    /**
     * Records which content the device's current manifest lists, so that the fleet measures completeness
     * against it. Called by the sync feature when it publishes a manifest; system work, no user scope.
     */
    @Transactional
    public void expect(String deviceId, Set<String> contentIds) {
        Device device = devices.findByDeviceId(deviceId).orElseThrow(() ->
                new IllegalArgumentException("No device " + deviceId));
        contentIds.forEach(id -> Sha256.requireHex(id, "contentId"));
        expected.deleteByDevice(deviceId);
        expected.saveAll(contentIds.stream().map(id -> new ExpectedContent(deviceId, id)).toList());
        device.expectedNow(clock.instant());
    }

    // ---------------------------------------------------------------- fleet

    /** The devices of the caller's area (at most {@link #MAX_DEVICES}), with what they last reported. */
    @Transactional(readOnly = true)
    public List<DeviceData> fleet() {
        Scope scope = currentUser.scope();
        return toData(devices.findWithin(VietnameseText.likeLiteral(scope.unitPath()) + "%", Limit.of(MAX_DEVICES)));
    }

    /** Empty when there is no such device; refuses one outside the caller's area. */
    @Transactional(readOnly = true)
    public Optional<DeviceData> find(String deviceId) {
        Scope scope = currentUser.scope();
        return devices.findByDeviceId(deviceId).map(d -> {
            if (!scope.canView(d.getUnitPath())) {
                throw new OutsideScopeException("Device outside your area");
            }
            return toData(List.of(d)).get(0);
        });
    }

    /** What the device holds and what its manifest lists, by content id. */
    @Transactional(readOnly = true)
    public List<DeviceContentData> contentOf(String deviceId) {
        Scope scope = currentUser.scope();
        Device device = devices.findByDeviceId(deviceId).orElseThrow(() ->
                new InvalidInputException("device.error.notFound", "No device " + deviceId, deviceId));
        if (!scope.canView(device.getUnitPath())) {
            throw new OutsideScopeException("Device outside your area");
        }
        Set<String> wanted = Set.copyOf(expected.contentIdsOf(deviceId));
        Map<String, DeviceContentData> byId = new java.util.TreeMap<>();
        for (DeviceContent c : contents.findByDeviceIdOrderByContentId(deviceId)) {
            byId.put(c.getContentId(), new DeviceContentData(c.getContentId(), c.getBytesHeld(), c.isComplete(),
                    wanted.contains(c.getContentId())));
        }
        wanted.forEach(id -> byId.putIfAbsent(id, new DeviceContentData(id, 0, false, true)));
        return List.copyOf(byId.values());
    }

    /** Per content id in the caller's area: devices holding it complete, holding any of it, expected to. */
    @Transactional(readOnly = true)
    public List<ContentCoverage> contentCoverage() {
        Scope scope = currentUser.scope();
        String prefix = VietnameseText.likeLiteral(scope.unitPath()) + "%";
        Map<String, long[]> byContent = new java.util.TreeMap<>();
        for (Object[] row : contents.coverageWithin(prefix)) {
            long[] c = byContent.computeIfAbsent((String) row[0], k -> new long[3]);
            c[0] = ((Number) row[1]).longValue();
            c[1] = ((Number) row[2]).longValue();
        }
        for (Object[] row : contents.expectedWithin(prefix)) {
            byContent.computeIfAbsent((String) row[0], k -> new long[3])[2] = ((Number) row[1]).longValue();
        }
        return byContent.entrySet().stream()
                .map(e -> new ContentCoverage(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    /** Keeps each device's copy of its unit's path current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        Set<Long> withDevices = Set.copyOf(devices.findUnitIds());
        event.newPaths().forEach((unit, path) -> {
            if (withDevices.contains(unit.value())) {
                devices.updateUnitPath(unit.value(), path);
            }
        });
    }

    /** Keeps the copy of the venue's unit on its devices current when the venue is given another unit. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(VenueMoved event) {
        for (Device device : devices.findByVenueId(event.venueId())) {
            device.moveVenue(event.venueId(), event.venueName(), event.unit().value(), event.unitName(), event.toPath());
        }
    }

    private List<DeviceData> toData(Collection<Device> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.stream().map(Device::getDeviceId).toList();
        Map<String, DevicePresence> presence = presences.findAllById(ids).stream()
                .collect(Collectors.toMap(DevicePresence::getDeviceId, Function.identity()));
        Map<String, long[]> held = counts(contents.countByDevice(ids));
        Map<String, long[]> wanted = counts(contents.countExpectedByDevice(ids));
        for (Object[] row : contents.countExpectedCompleteByDevice(ids)) {
            long[] c = wanted.get((String) row[0]);
            if (c != null) {
                c[1] = ((Number) row[1]).longValue();
            }
        }
        List<DeviceData> out = new ArrayList<>(found.size());
        for (Device d : found) {
            DevicePresence p = presence.get(d.getDeviceId());
            boolean againstManifest = d.getExpectedAt() != null;
            long[] c = againstManifest ? wanted.getOrDefault(d.getDeviceId(), new long[2])
                    : held.getOrDefault(d.getDeviceId(), new long[2]);
            // c = [counted, complete]; a manifest listing nothing is fully satisfied
            Integer percent = c[0] == 0 ? (againstManifest ? Integer.valueOf(100) : null)
                    : Integer.valueOf((int) Math.floor(100.0 * c[1] / c[0]));
            out.add(new DeviceData(d.getDeviceId(), d.getVenueId(), d.getVenueName(), d.getUnitName(), d.getUnitPath(),
                    d.getState(), d.getCreatedAt(), d.getEnrolledAt(), d.getRevokedAt(),
                    d.getState() == DeviceState.PENDING ? d.getCodeExpiresAt() : null,
                    p != null && p.isOnline() && d.getState() == DeviceState.ENROLLED,
                    p == null ? null : p.getLastSeenAt(), p == null ? null : p.getAgentVersion(),
                    p == null ? null : p.getFreeDiskBytes(), p == null ? null : p.getLastSyncAt(), percent,
                    againstManifest, (int) c[1], (int) c[0]));
        }
        return out;
    }

    private static Map<String, long[]> counts(List<Object[]> rows) {
        Map<String, long[]> out = new HashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], new long[] {((Number) row[1]).longValue(),
                    row.length < 3 || row[2] == null ? 0 : ((Number) row[2]).longValue()});
        }
        return out;
    }

    private Device manageable(Scope scope, String deviceId) {
        Device device = devices.findByDeviceId(deviceId).orElseThrow(() ->
                new InvalidInputException("device.error.notFound", "No device " + deviceId, deviceId));
        requireManage(scope, device.getUnitPath());
        return device;
    }

    private static void requireManage(Scope scope, String path) {
        if (!mayManage(scope, path)) {
            throw new OutsideScopeException("You may not manage devices there");
        }
    }

    private static boolean mayManage(Scope scope, String path) {
        return (scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER) && scope.canView(path);
    }
}
