package vn.dvctt.device.internal;

/**
 * Who keeps device accounts on the broker, chosen by {@code dvctt.device.broker}: the embedded broker
 * reads them from the database itself; Mosquitto's dynamic security plugin is told each account over
 * {@code $CONTROL}; EMQX reads them from the database by SQL and is asked over its REST API to drop a
 * revoked device's connection.
 */
public interface DeviceBrokerBackend {

    String name();

    /**
     * Gives the broker a new account before the enrollment commits.
     *
     * @throws RuntimeException when the broker did not confirm; the enrollment is then rolled back
     */
    void enrolled(String deviceId, String password);

    /**
     * Removes the account and drops its live connection, after the change committed.
     *
     * @return whether the broker confirmed; if not, it is retried
     */
    boolean withdrawn(String deviceId);
}
