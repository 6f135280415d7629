package vn.dvctt.device.internal;

import java.util.concurrent.TimeUnit;
import vn.dvctt.mqtt.EmbeddedBroker;

/** The embedded broker authenticates against the database ({@link DeviceBrokerClients}); it only needs telling to drop. */
final class EmbeddedBackend implements DeviceBrokerBackend {

    private final EmbeddedBroker broker;

    EmbeddedBackend(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public void enrolled(String deviceId, String password) {
        // nothing to tell: the next connect reads the database
    }

    @Override
    public boolean withdrawn(String deviceId) {
        try {
            broker.disconnect(deviceId).get(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !broker.isRunning();
        }
    }
}
