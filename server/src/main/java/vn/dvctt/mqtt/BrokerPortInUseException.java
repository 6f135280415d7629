package vn.dvctt.mqtt;

public class BrokerPortInUseException extends RuntimeException {

    private final int port;

    public BrokerPortInUseException(int port, Throwable cause) {
        super("MQTT port " + port + " is already in use", cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
