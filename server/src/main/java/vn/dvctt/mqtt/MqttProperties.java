package vn.dvctt.mqtt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url      the broker the server's client connects to; empty means the embedded broker
 * @param embedded the broker started inside the server for the embedded default (off in production)
 */
@ConfigurationProperties("dvctt.mqtt")
public record MqttProperties(String url, String username, String password, String clientId, Embedded embedded) {

    public record Embedded(boolean enabled, int port, String bindAddress) {
    }

    public MqttProperties {
        embedded = embedded == null ? new Embedded(false, 1883, "0.0.0.0") : embedded;
    }
}
