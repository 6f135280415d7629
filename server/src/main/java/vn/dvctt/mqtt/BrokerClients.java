package vn.dvctt.mqtt;

/**
 * The accounts other than the server's own that the embedded broker accepts, and what each may do.
 * Implemented by the feature that owns them (devices); the server's account is checked by the broker
 * itself and may do everything. Called on broker threads for every connect, publish and subscribe:
 * answer quickly and never throw.
 */
public interface BrokerClients {

    /** Refuses everyone: only the server's own account gets in. */
    BrokerClients NONE = new BrokerClients() {
        @Override
        public boolean authenticate(String username, byte[] password, String clientId) {
            return false;
        }

        @Override
        public boolean mayPublish(String username, String topic) {
            return false;
        }

        @Override
        public boolean maySubscribe(String username, String topicFilter) {
            return false;
        }
    };

    /** Whether this account may connect now, with this client id. */
    boolean authenticate(String username, byte[] password, String clientId);

    /** Whether the account authenticated as {@code username} may publish to {@code topic}. */
    boolean mayPublish(String username, String topic);

    /** Whether the account authenticated as {@code username} may subscribe to {@code topicFilter}. */
    boolean maySubscribe(String username, String topicFilter);
}
