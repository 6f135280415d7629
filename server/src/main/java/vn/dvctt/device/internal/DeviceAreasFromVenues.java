package vn.dvctt.device.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dvctt.device.DeviceService;
import vn.dvctt.sync.DeviceAreas;

/** Tells content sync where a device is installed: its venue's unit, for sync's scope checks. */
@Component
class DeviceAreasFromVenues implements DeviceAreas {

    private final DeviceService devices;

    DeviceAreasFromVenues(DeviceService devices) {
        this.devices = devices;
    }

    @Override
    public Optional<String> unitPathOf(String deviceId) {
        return devices.unitPathOf(deviceId);
    }
}
