package vn.dvctt.device.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external broker whose accounts this server does not keep (e.g. a test broker open to all):
 * enrollment still issues credentials, but nothing tells the broker, so revocation cuts nobody off.
 */
final class NoBackend implements DeviceBrokerBackend {

    private static final Logger log = LoggerFactory.getLogger(NoBackend.class);

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void enrolled(String deviceId, String password) {
        log.warn("Device {} enrolled, but dvctt.device.broker=none: the broker is not told its account", deviceId);
    }

    @Override
    public boolean withdrawn(String deviceId) {
        log.warn("Device {} withdrawn, but dvctt.device.broker=none: the broker is not told to drop it", deviceId);
        return true;
    }
}
