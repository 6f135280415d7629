package vn.dvctt.device.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvctt.mqtt.MqttGateway;

/**
 * Mosquitto 2 with its dynamic security plugin (deploy/mosquitto): the server, as the plugin's admin,
 * creates one client per device (username = client id = device id, so no device can use another's
 * client id) with a role listing exactly its own topics ({@link TopicRights}), and deletes both on
 * revocation, which also kicks the live connection. Commands go to {@code $CONTROL/dynamic-security/v1}
 * and the plugin's answers are matched by correlation data, so several server instances can share the
 * broker. Mosquitto 2.0's ACLs have no %u substitution, hence a role per device.
 */
final class DynsecBackend implements DeviceBrokerBackend {

    static final String CONTROL = "$CONTROL/dynamic-security/v1";
    static final String SERVER_ROLE = "dvctt-server";
    private static final Logger log = LoggerFactory.getLogger(DynsecBackend.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final MqttGateway gateway;
    private final String serverUsername;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private volatile boolean serverRoleReady;

    DynsecBackend(MqttGateway gateway, String serverUsername) {
        this.gateway = gateway;
        this.serverUsername = serverUsername;
        try {
            // kept by the gateway and made again on every reconnect
            gateway.subscribe(CONTROL + "/response", 1, (topic, payload) -> answer(payload));
        } catch (MqttException e) {
            log.warn("Subscribing to the dynamic security answers failed for now: {}", e.getMessage());
        }
    }

    static String role(String deviceId) {
        return "dvctt-dev-" + deviceId;
    }

    @Override
    public String name() {
        return "mosquitto-dynsec";
    }

    /**
     * Gives the server's own account the right to publish anywhere (the plugin's initial admin may only
     * administer). Idempotent; tried until it succeeds. Adding a role to a client makes the plugin kick
     * that client, here the server itself: the role is therefore added without waiting for the answer,
     * and found in place on the next try, after the gateway reconnected.
     */
    boolean ensureServerRole() {
        if (serverRoleReady) {
            return true;
        }
        List<ObjectNode> commands = new ArrayList<>();
        commands.add(command("createRole").put("rolename", SERVER_ROLE));
        for (String type : List.of("publishClientSend", "publishClientReceive", "subscribePattern", "unsubscribePattern")) {
            commands.add(command("addRoleACL").put("rolename", SERVER_ROLE).put("acltype", type).put("topic", "#")
                    .put("allow", true));
        }
        commands.add(command("getClient").put("username", serverUsername));
        try {
            List<JsonNode> answers = send(commands);
            JsonNode client = answers.get(answers.size() - 1);
            for (JsonNode role : client.path("data").path("client").path("roles")) {
                if (SERVER_ROLE.equals(role.path("rolename").asText())) {
                    serverRoleReady = true;
                    log.info("The server's broker account holds role {}", SERVER_ROLE);
                    return true;
                }
            }
            if (!client.path("error").asText("").isEmpty()) {
                log.warn("Dynamic security does not know the server's account {}: {}", serverUsername,
                        client.path("error").asText());
                return false;
            }
            ObjectNode message = json.createObjectNode();
            message.putArray("commands").add(command("addClientRole").put("username", serverUsername)
                    .put("rolename", SERVER_ROLE));
            gateway.publish(CONTROL, json.writeValueAsBytes(message), 1, false);
            return false;
        } catch (Exception e) {
            log.debug("Server role not set up yet: {}", e.getMessage());
            return false;
        }
    }

    /** Waits up to ~20 s for the server's role (the first try kicks the server, which reconnects in ~1 s). */
    private boolean awaitServerRole() {
        for (int attempt = 0; attempt < 10; attempt++) {
            if (gateway.isConnected() && ensureServerRole()) {
                return true;
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void enrolled(String deviceId, String password) {
        if (!awaitServerRole()) {
            throw new IllegalStateException("the broker's dynamic security plugin does not answer");
        }
        String role = role(deviceId);
        List<ObjectNode> commands = new ArrayList<>();
        // a leftover of an earlier enrollment (e.g. a commit that failed after the broker took it) goes first
        commands.add(command("deleteClient").put("username", deviceId));
        commands.add(command("deleteRole").put("rolename", role));
        commands.add(command("createRole").put("rolename", role));
        for (String topic : TopicRights.publishTopics(deviceId)) {
            commands.add(command("addRoleACL").put("rolename", role).put("acltype", "publishClientSend")
                    .put("topic", topic).put("allow", true));
        }
        for (String topic : TopicRights.subscribeTopics(deviceId)) {
            commands.add(command("addRoleACL").put("rolename", role).put("acltype", "subscribeLiteral")
                    .put("topic", topic).put("allow", true));
        }
        ObjectNode create = command("createClient").put("username", deviceId).put("password", password)
                .put("clientid", deviceId);
        create.putArray("roles").addObject().put("rolename", role);
        commands.add(create);
        List<JsonNode> answers = send(commands);
        for (int i = 2; i < answers.size(); i++) {
            String error = answers.get(i).path("error").asText("");
            if (!error.isEmpty()) {
                throw new IllegalStateException("dynamic security refused " + answers.get(i).path("command").asText()
                        + ": " + error);
            }
        }
    }

    @Override
    public boolean withdrawn(String deviceId) {
        try {
            List<JsonNode> answers = send(List.of(command("deleteClient").put("username", deviceId),
                    command("deleteRole").put("rolename", role(deviceId))));
            for (JsonNode a : answers) {
                String error = a.path("error").asText("");
                if (!error.isEmpty() && !error.toLowerCase().contains("not found")) {
                    log.warn("Dynamic security refused {} for {}: {}", a.path("command").asText(), deviceId, error);
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not withdraw {} from the broker yet: {}", deviceId, e.getMessage());
            return false;
        }
    }

    private ObjectNode command(String name) {
        return json.createObjectNode().put("command", name);
    }

    /** Sends the commands as one message and waits for the plugin's answers, in order. */
    private List<JsonNode> send(List<ObjectNode> commands) {
        String correlation = UUID.randomUUID().toString();
        ObjectNode message = json.createObjectNode();
        ArrayNode list = message.putArray("commands");
        for (int i = 0; i < commands.size(); i++) {
            list.add(commands.get(i).put("correlationData", correlation + ":" + i));
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(correlation, answer);
        try {
            gateway.publish(CONTROL, json.writeValueAsBytes(message), 1, false);
            JsonNode responses = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<JsonNode> ordered = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                String wanted = correlation + ":" + i;
                JsonNode found = null;
                for (JsonNode r : responses) {
                    if (wanted.equals(r.path("correlationData").asText())) {
                        found = r;
                    }
                }
                ordered.add(found == null ? json.createObjectNode().put("error", "no answer") : found);
            }
            return ordered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from the dynamic security plugin: " + e, e);
        } finally {
            waiting.remove(correlation);
        }
    }

    /** On the MQTT client's thread: parse, hand over, return; never throw. */
    private void answer(byte[] payload) {
        try {
            JsonNode responses = json.readTree(payload).path("responses");
            if (!responses.isArray() || responses.isEmpty()) {
                return;
            }
            String correlation = responses.get(0).path("correlationData").asText("");
            int colon = correlation.lastIndexOf(':');
            CompletableFuture<JsonNode> future = colon < 0 ? null : waiting.get(correlation.substring(0, colon));
            if (future != null) {
                future.complete(responses);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable dynamic security answer: {}", e.getMessage());
        }
    }
}
