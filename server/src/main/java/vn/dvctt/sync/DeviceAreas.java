package vn.dvctt.sync;

import java.util.Optional;

/**
 * Where a device is installed, for scope checks: the path of its venue's unit. The device feature
 * provides it (it binds devices to venues); without any, only users of the whole country may manage
 * a device's content.
 */
public interface DeviceAreas {

    /** The unit path ("/VN/22/…/") of the venue the device is installed at, empty if unknown. */
    Optional<String> unitPathOf(String deviceId);
}
