package vn.dvctt.device.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvctt.device.DeviceProperties;

/**
 * EMQX 5 authenticates devices and authorizes their topics from this server's database and its own
 * ACL file (deploy/emqx), so an enrollment needs no call. A revoked device is refused on its next
 * connect by the SQL query; its live connection is kicked through the REST API
 * ({@code DELETE /api/v5/clients/{clientid}}, 204, or 404 when it was not connected).
 */
final class EmqxBackend implements DeviceBrokerBackend {

    private static final Logger log = LoggerFactory.getLogger(EmqxBackend.class);
    private final DeviceProperties.Emqx config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    EmqxBackend(DeviceProperties.Emqx config) {
        if (config.apiUrl() == null || config.apiUrl().isBlank()) {
            throw new IllegalStateException("dvctt.device.broker=emqx needs dvctt.device.emqx.api-url, api-key and api-secret");
        }
        this.config = config;
    }

    @Override
    public String name() {
        return "emqx";
    }

    @Override
    public void enrolled(String deviceId, String password) {
        // EMQX reads the new bcrypt hash from the device table on the device's first connect
    }

    @Override
    public boolean withdrawn(String deviceId) {
        String auth = Base64.getEncoder().encodeToString((config.apiKey() + ":" + config.apiSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.apiUrl().replaceAll("/+$", "")
                        + "/api/v5/clients/" + URLEncoder.encode(deviceId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + auth).DELETE().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 204 || status == 404) {
                return true;
            }
            log.warn("EMQX answered {} when asked to drop {}", status, deviceId);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("EMQX not reachable to drop {}: {}", deviceId, e.toString());
            return false;
        }
    }
}
