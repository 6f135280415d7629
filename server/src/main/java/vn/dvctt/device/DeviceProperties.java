package vn.dvctt.device;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dvctt.device.*}.
 *
 * @param codeValidity   how long an enrollment code may be used (default 72 h)
 * @param agentBrokerUrl the broker URL given to enrolled agents, e.g. {@code ssl://mqtt.example:8883};
 *                       empty: the embedded broker on the host the agent enrolled through, else
 *                       {@code dvctt.mqtt.url}
 * @param publicUrl      the server's URL as agents reach it, for the enrollment command; empty: the URL
 *                       the organizer's browser used
 * @param broker         who keeps device accounts on the broker: {@code auto} (the embedded broker when
 *                       on, else none), {@code embedded}, {@code mosquitto-dynsec}, {@code emqx}, {@code none}
 * @param emqx           EMQX 5 REST API, used to drop a revoked device's connection
 */
@ConfigurationProperties("dvctt.device")
public record DeviceProperties(Duration codeValidity, String agentBrokerUrl, String publicUrl, String broker,
                               Emqx emqx) {

    public record Emqx(String apiUrl, String apiKey, String apiSecret) {
    }

    public DeviceProperties {
        codeValidity = codeValidity == null ? Duration.ofHours(72) : codeValidity;
        agentBrokerUrl = agentBrokerUrl == null ? "" : agentBrokerUrl.trim();
        publicUrl = publicUrl == null ? "" : publicUrl.trim();
        broker = broker == null || broker.isBlank() ? "auto" : broker.trim();
        emqx = emqx == null ? new Emqx("", "", "") : emqx;
    }
}
