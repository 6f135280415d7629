package vn.dvctt.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HiveMQ CE inside the server, for the embedded default: MQTT 5 with shared subscriptions, sessions
 * in memory. Only clients presenting a known account may connect (no anonymous access).
 */
public class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final MqttProperties.Embedded config;
    private final Path folder;
    private final BrokerAccounts accounts;
    private EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(MqttProperties.Embedded config, Path folder, BrokerAccounts accounts) {
        this.config = config;
        this.folder = folder;
        this.accounts = accounts;
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
                        Services.securityRegistry().setAuthenticatorProvider(input -> new AccountAuthenticator(accounts));
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

    private record AccountAuthenticator(BrokerAccounts accounts) implements SimpleAuthenticator {
        @Override
        public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
            String user = input.getConnectPacket().getUserName().orElse("");
            byte[] password = input.getConnectPacket().getPassword().map(AccountAuthenticator::bytes).orElse(new byte[0]);
            if (accounts.matches(user, password)) {
                output.authenticateSuccessfully();
            } else {
                output.failAuthentication();
            }
        }

        private static byte[] bytes(ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.duplicate().get(b);
            return b;
        }
    }

    /** Accounts the embedded broker accepts. Device accounts join later; now only the server's own. */
    public interface BrokerAccounts {
        boolean matches(String username, byte[] password);

        static BrokerAccounts single(String username, String password) {
            byte[] expected = password.getBytes(StandardCharsets.UTF_8);
            return (u, p) -> username.equals(u) && MessageDigest.isEqual(expected, p);
        }
    }
}
