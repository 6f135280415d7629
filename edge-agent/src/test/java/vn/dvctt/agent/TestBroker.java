package vn.dvctt.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Picks the MQTT broker for integration tests: {@code TEST_MQTT_URL}, else a broker answering on
 * 127.0.0.1:1883, else skip — except under {@code CI=true}, where a missing broker fails the build,
 * so CI can never go green by skipping.
 */
final class TestBroker {

    static final String LOCAL_URL = "tcp://127.0.0.1:1883";

    private TestBroker() {
    }

    static String url() {
        return resolve(System.getenv(), TestBroker::answers);
    }

    static String resolve(Map<String, String> env, BiPredicate<String, Integer> answers) {
        String configured = env.get("TEST_MQTT_URL");
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        if (answers.test("127.0.0.1", 1883)) {
            return LOCAL_URL;
        }
        String reason = "no MQTT broker for integration tests: TEST_MQTT_URL is not set and nothing answers on 127.0.0.1:1883";
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            return Assertions.fail(reason + " (CI=true: failing instead of skipping)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable: abort throws");
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
