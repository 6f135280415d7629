package vn.dvctt.device.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.dvctt.content.DeviceIds;
import vn.dvctt.device.DeviceState;
import vn.dvctt.mqtt.BrokerClients;

/**
 * The device accounts of the embedded broker, read from the database on every connect, so that a
 * revoked device is refused on its next attempt whatever any cache holds. Only the bcrypt check is
 * cached (a few minutes, keyed by the stored hash, which changes with every new code): a village link
 * that drops every 30 s must not cost 60 ms of CPU per reconnect.
 *
 * <p>The client id must be the username (the device id): otherwise device A could connect with B's
 * client id and take B's session over, knocking B off.
 */
@Component
public class DeviceBrokerClients implements BrokerClients {

    static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(10);
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final int CACHE_MAX = 20_000;

    private final Devices devices;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(String passwordHash, String passwordDigest, long until) {
    }

    DeviceBrokerClients(Devices devices) {
        this.devices = devices;
    }

    /** The stored form of a device password (bcrypt, which EMQX's SQL authentication also reads). */
    public static String encode(String password) {
        return ENCODER.encode(password);
    }

    @Override
    public boolean authenticate(String username, byte[] password, String clientId) {
        if (!DeviceIds.isValid(username) || !username.equals(clientId) || password.length == 0 || password.length > 256) {
            return false;
        }
        Devices.Credentials credentials = devices.findCredentials(username).orElse(null);
        if (credentials == null || credentials.getState() != DeviceState.ENROLLED || credentials.getPasswordHash() == null) {
            return false;
        }
        String given = new String(password, StandardCharsets.UTF_8);
        String digest = Secrets.sha256(given);
        long now = System.currentTimeMillis();
        Verified cached = verified.get(username);
        if (cached != null && cached.until() > now && cached.passwordHash().equals(credentials.getPasswordHash())
                && java.security.MessageDigest.isEqual(cached.passwordDigest().getBytes(StandardCharsets.US_ASCII),
                        digest.getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        if (!ENCODER.matches(given, credentials.getPasswordHash())) {
            return false;
        }
        if (verified.size() > CACHE_MAX) {
            verified.clear();
        }
        verified.put(username, new Verified(credentials.getPasswordHash(), digest, now + CACHE_TTL.toMillis()));
        return true;
    }

    @Override
    public boolean mayPublish(String username, String topic) {
        return TopicRights.mayPublish(username, topic);
    }

    @Override
    public boolean maySubscribe(String username, String topicFilter) {
        return TopicRights.maySubscribe(username, topicFilter);
    }
}
