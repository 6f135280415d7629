package vn.dvctt.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE inside the server, for the embedded default: MQTT 5 with shared subscriptions, sessions
 * in memory. Only clients presenting a known account may connect (no anonymous access): the server's
 * own, which may do everything, or one accepted by {@link BrokerClients} (devices), which then may
 * publish and subscribe only where it says.
 */
public class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final MqttProperties.Embedded config;
    private final Path folder;
    /** Connection attribute naming the account a connection authenticated as; unset means refused. */
    private static final String ACCOUNT_ATTRIBUTE = "dvctt.account";
    private static final String SERVER_MARK = "\u0000server";

    private final BrokerAccounts accounts;
    private final BrokerClients clients;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(MqttProperties.Embedded config, Path folder, BrokerAccounts accounts) {
        this(config, folder, accounts, BrokerClients.NONE);
    }

    public EmbeddedBroker(MqttProperties.Embedded config, Path folder, BrokerAccounts accounts, BrokerClients clients) {
        this.config = config;
        this.folder = folder;
        this.accounts = accounts;
        this.clients = clients;
    }

    public void start() {
        checkPortFree();
        try {
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Files.createDirectories(folder.resolve("data"));
            Files.createDirectories(folder.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(config.port(), config.bindAddress()));
            hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(folder.resolve("data"))
                    .withExtensionsFolder(folder.resolve("extensions"))
                    .withEmbeddedExtension(authExtension())
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            log.info("Embedded MQTT broker listening on {}:{}", config.bindAddress(), config.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MQTT broker did not start", e);
        }
    }

    /** HiveMQ logs a bind failure and carries on; check first so the operator gets one clear line. */
    private void checkPortFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()));
        } catch (IOException e) {
            throw new BrokerPortInUseException(config.port(), e);
        }
    }

    private EmbeddedExtension authExtension() {
        return EmbeddedExtension.builder()
                .withId("dvctt-auth").withName("DVCTT accounts").withVersion("1")
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
                        Services.securityRegistry().setAuthenticatorProvider(
                                input -> new AccountAuthenticator(accounts, clients));
                        Services.securityRegistry().setAuthorizerProvider(input -> new AccountAuthorizer(clients));
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
                        // nothing held
                    }
                })
                .build();
    }

    public void stop() {
        if (hivemq != null) {
            try {
                hivemq.stop().get(30, TimeUnit.SECONDS);
                hivemq.close();
            } catch (Exception e) {
                log.warn("Embedded MQTT broker did not stop cleanly", e);
            } finally {
                hivemq = null;
            }
        }
    }

    public boolean isRunning() {
        return hivemq != null;
    }

    /**
     * Drops the live connection of a client at once (its Will is sent, as for any lost link); used when
     * an account is revoked, since the authenticator only stops the next connect.
     *
     * @return completes with whether such a client was connected
     */
    public CompletableFuture<Boolean> disconnect(String clientId) {
        if (hivemq == null) {
            return CompletableFuture.completedFuture(false);
        }
        return Services.clientService().disconnectClient(clientId, true, DisconnectReasonCode.ADMINISTRATIVE_ACTION,
                "credentials revoked");
    }

    private static Optional<String> account(ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore().getAsString(ACCOUNT_ATTRIBUTE);
    }

    private record AccountAuthenticator(BrokerAccounts accounts, BrokerClients clients) implements SimpleAuthenticator {
        @Override
        public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
            String user = input.getConnectPacket().getUserName().orElse("");
            byte[] password = input.getConnectPacket().getPassword().map(AccountAuthenticator::bytes).orElse(new byte[0]);
            ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
            try {
                if (accounts.matches(user, password)) {
                    attributes.putAsString(ACCOUNT_ATTRIBUTE, SERVER_MARK);
                    output.authenticateSuccessfully();
                } else if (!user.isEmpty() && clients.authenticate(user, password, input.getClientInformation().getClientId())) {
                    attributes.putAsString(ACCOUNT_ATTRIBUTE, user);
                    output.authenticateSuccessfully();
                } else {
                    output.failAuthentication();
                }
            } catch (RuntimeException e) {
                log.warn("MQTT authentication of {} failed: {}", user, e.toString());
                output.failAuthentication();
            }
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }
    }

    /** Checks every publish (including a connect's Will) and subscribe against the account's rights. */
    private record AccountAuthorizer(BrokerClients clients) implements PublishAuthorizer, SubscriptionAuthorizer {
        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            String topic = input.getPublishPacket().getTopic();
            Optional<String> account = account(input);
            if (account.filter(a -> a.equals(SERVER_MARK) || allowed(() -> clients.mayPublish(a, topic))).isPresent()) {
                output.authorizeSuccessfully();
            } else {
                output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not your topic");
            }
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            String filter = input.getSubscription().getTopicFilter();
            Optional<String> account = account(input);
            if (account.filter(a -> a.equals(SERVER_MARK) || allowed(() -> clients.maySubscribe(a, filter))).isPresent()) {
                output.authorizeSuccessfully();
            } else {
                output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not your topic");
            }
        }

        private static boolean allowed(java.util.function.BooleanSupplier check) {
            try {
                return check.getAsBoolean();
            } catch (RuntimeException e) {
                log.warn("MQTT authorization check failed: {}", e.toString());
                return false;
            }
        }
    }

    /** The server's own account, generated at each start. Devices come through {@link BrokerClients}. */
    public interface BrokerAccounts {
        boolean matches(String username, byte[] password);

        static BrokerAccounts single(String username, String password) {
            byte[] expected = password.getBytes(StandardCharsets.UTF_8);
            return (u, p) -> username.equals(u) && MessageDigest.isEqual(expected, p);
        }
    }
}
