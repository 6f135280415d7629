package vn.dvctt.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.venue.InternetKind;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueInput;
import vn.dvctt.venue.VenueService;

/**
 * Simulated agents' devices: one venue and one enrolled device each, in a demo village, through the
 * application's own services (no broker accounts: the benchmarks run with broker backend none). Used in
 * process by {@link IngestBenchmark}, and by the server processes of {@link ServerCluster} as a demo
 * contributor when {@code dvctt.bench.extra-devices} is set (this class is on their test classpath), so
 * the first instance adds them with the demo in one transaction and the others add nothing.
 */
@Component
@ConditionalOnProperty("dvctt.bench.extra-devices")
class BenchDevices implements DemoContributor {

    static final String VILLAGE = "06757-07";

    private final CurrentUser currentUser;
    private final VenueService venues;
    private final DeviceService devices;
    private final UnitPaths units;
    private final int count;

    BenchDevices(CurrentUser currentUser, VenueService venues, DeviceService devices, UnitPaths units, Environment env) {
        this.currentUser = currentUser;
        this.venues = venues;
        this.devices = devices;
        this.units = units;
        this.count = env.getRequiredProperty("dvctt.bench.extra-devices", Integer.class);
    }

    @Override
    public int order() {
        return 460;
    }

    @Override
    public void load() {
        enroll(currentUser, venues, devices, units, count);
    }

    /** Enrolls {@code n} new devices at new venues of the demo village and returns their ids. */
    static List<String> enroll(CurrentUser currentUser, VenueService venues, DeviceService devices, UnitPaths units,
                               int n) {
        return currentUser.runAsSystem(() -> {
            var village = units.idOfCode(VILLAGE).orElseThrow();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                VenueData venue = venues.create(new VenueInput(village, "Điểm benchmark " + i, "Bản Khe Mạ", 50, 1, true,
                        true, true, InternetKind.MOBILE, 10, ""));
                IssuedCode code = devices.register(venue.id(), "http://127.0.0.1");
                ids.add(devices.enroll(code.code(), "127.0.0.1").deviceId());
            }
            return ids;
        });
    }
}
