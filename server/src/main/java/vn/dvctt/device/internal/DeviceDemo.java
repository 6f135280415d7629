package vn.dvctt.device.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * Demo devices in Xã Hoành Mô: the commune hall and Bản Khe Mạ enrolled (credentials issued through the
 * same exchange an agent uses, then forgotten), Bản Pắc Pộc waiting with a code, which is logged so a
 * developer can enroll a real agent against the demo.
 */
@Component
class DeviceDemo implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(DeviceDemo.class);
    private final DeviceService devices;
    private final VenueService venues;

    DeviceDemo(DeviceService devices, VenueService venues) {
        this.devices = devices;
        this.venues = venues;
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public void load() {
        if (!devices.fleet().isEmpty()) {
            return;
        }
        enrolled("Hội trường UBND xã Hoành Mô");
        enrolled("Nhà văn hóa bản Khe Mạ");
        venue("Nhà văn hóa bản Pắc Pộc").ifPresent(v -> {
            IssuedCode code = devices.register(v.id(), "http://localhost:8080");
            log.info("Demo device {} awaits enrollment: {}", code.deviceId(), code.command());
        });
    }

    private void enrolled(String venueName) {
        venue(venueName).ifPresent(v -> devices.enroll(devices.register(v.id(), "").code(), "localhost"));
    }

    private java.util.Optional<VenueData> venue(String name) {
        return venues.search(name).stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
