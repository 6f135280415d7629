package vn.dvctt.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvctt.deploy.DeployFiles.DEPLOY;
import static vn.dvctt.deploy.DeployFiles.list;
import static vn.dvctt.deploy.DeployFiles.map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.dvctt.content.Channel;
import vn.dvctt.content.Topics;
import vn.dvctt.device.DeviceProperties;

/**
 * deploy/k8s and deploy/emqx read as kubectl and EMQX would (neither runs on the build machines): the
 * objects fit together, the probes call endpoints the server has, the settings are ones it reads, the
 * EMQX configuration parses as HOCON, and its ACL gives devices exactly their Channel rights.
 */
class DeployKubernetesTest {

    static final Path K8S = DEPLOY.resolve("k8s");
    final List<Map<String, Object>> objects = new ArrayList<>();

    DeployKubernetesTest() {
        Map<String, Object> kustomization = DeployFiles.yaml(K8S.resolve("kustomization.yaml"));
        for (Object r : list(kustomization, "resources")) {
            objects.addAll(DeployFiles.yamlDocuments(K8S.resolve(String.valueOf(r))));
        }
    }

    private Map<String, Object> object(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(map(o, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> workload) {
        return (Map<String, Object>) list(map(workload, "spec", "template", "spec"), "containers").get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> serverVariables() {
        Map<String, String> env = new HashMap<>();
        map(object("ConfigMap", "dvctt-server"), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        for (Map<String, Object> secret : DeployFiles.yamlDocuments(K8S.resolve("secret.example.yaml"))) {
            if ("dvctt-server".equals(map(secret, "metadata").get("name"))) {
                map(secret, "stringData").forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        return env;
    }

    @Test
    void everyObjectHasAKnownKindAndEveryResourceFileExists() {
        Set<String> kinds = objects.stream().map(o -> String.valueOf(o.get("kind"))).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder("Namespace", "ConfigMap", "PersistentVolumeClaim", "Deployment",
                "Service", "PodDisruptionBudget", "Ingress", "StatefulSet");
        objects.forEach(o -> assertThat(o).containsKeys("apiVersion", "kind", "metadata"));
    }

    @Test
    void theServerRunsAtLeastTwoReplicasWhoseLabelsEveryServiceAndBudgetSelects() {
        Map<String, Object> deployment = object("Deployment", "dvctt-server");
        assertThat((Integer) map(deployment, "spec").get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
        assertThat(labels).containsAllEntriesOf(map(deployment, "spec", "selector", "matchLabels"));
        for (Map<String, Object> o : objects) {
            Object selector = o.get("spec") instanceof Map<?, ?> spec ? spec.get("selector") : null;
            if ("Service".equals(o.get("kind")) && String.valueOf(map(o, "metadata").get("name")).startsWith("dvctt")) {
                assertThat(labels).containsAllEntriesOf(map(o, "spec", "selector"));
            }
            if ("PodDisruptionBudget".equals(o.get("kind"))) {
                assertThat(labels).containsAllEntriesOf(map(o, "spec", "selector", "matchLabels"));
            }
            if ("StatefulSet".equals(o.get("kind"))) {
                assertThat(map(o, "spec", "template", "metadata", "labels")).containsAllEntriesOf(map(o, "spec", "selector", "matchLabels"));
            }
            assertThat(selector == null || selector instanceof Map).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void probesCallTheServersHealthGroupsOnItsManagementPort() {
        ConfigurableEnvironment env = DeployFiles.serverEnvironment(serverVariables(), "production");
        Map<String, Object> server = container(object("Deployment", "dvctt-server"));
        Map<String, Integer> ports = new HashMap<>();
        list(server, "ports").forEach(p -> ports.put(String.valueOf(((Map<String, Object>) p).get("name")),
                (Integer) ((Map<String, Object>) p).get("containerPort")));
        assertThat(ports.get("http")).isEqualTo(Integer.valueOf(env.getProperty("server.port")));
        assertThat(ports.get("management")).isEqualTo(Integer.valueOf(env.getProperty("management.server.port")));
        assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> get = map(server, probe, "httpGet");
            assertThat(get.get("port")).as(probe).isEqualTo("management");
            assertThat(String.valueOf(get.get("path"))).as(probe)
                    .isIn("/actuator/health/liveness", "/actuator/health/readiness");
        }
        assertThat(map(server, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness");
        Map<String, Object> annotations = map(object("Deployment", "dvctt-server"), "spec", "template", "metadata", "annotations");
        assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(ports.get("management")))
                .containsEntry("prometheus.io/path", "/actuator/prometheus");
    }

    @Test
    void theUiIsStickyAndTheActuatorIsNotExposed() {
        Map<String, Object> ingress = object("Ingress", "dvctt-server");
        assertThat(map(ingress, "metadata", "annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent");
        Map<String, Object> service = object("Service", "dvctt-server");
        assertThat(map(service, "spec")).containsEntry("sessionAffinity", "ClientIP");
        assertThat(list(service, "spec", "ports").toString()).doesNotContain("management").doesNotContain("9090");
        String ingressText = ingress.toString();
        assertThat(ingressText).contains("name=dvctt-server").doesNotContain("management");
        assertThat(list(ingress, "spec", "tls")).isNotEmpty();
    }

    @Test
    void theContentStoreIsOneReadWriteManyClaimMountedWhereTheServerKeepsIt() {
        ConfigurableEnvironment env = DeployFiles.serverEnvironment(serverVariables(), "production");
        Map<String, Object> pvc = object("PersistentVolumeClaim", "dvctt-store");
        assertThat(list(pvc, "spec", "accessModes")).containsExactly("ReadWriteMany");
        Map<String, Object> pod = map(object("Deployment", "dvctt-server"), "spec", "template", "spec");
        assertThat(list(pod, "volumes").toString()).contains("claimName=dvctt-store");
        assertThat(list(container(object("Deployment", "dvctt-server")), "volumeMounts").toString())
                .contains("mountPath=" + env.getProperty("dvctt.store.dir"));
    }

    @Test
    void postgresIsExternalAndEverySettingIsOneTheServerReads() {
        Map<String, String> variables = serverVariables();
        variables.keySet().forEach(v -> DeployFiles.assertReadByServer(v, "k8s ConfigMap/Secret"));
        ConfigurableEnvironment env = DeployFiles.serverEnvironment(variables, "production");
        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://").doesNotContain("svc.cluster.local");
        assertThat(objects).noneMatch(o -> String.valueOf(o).contains("postgres:"));
        DeviceProperties devices = Binder.get(env).bind("dvctt.device", DeviceProperties.class).get();
        assertThat(devices.broker()).isEqualTo("emqx");
        assertThat(devices.emqx().apiUrl()).isEqualTo("http://emqx.dvctt.svc.cluster.local:18083");
        assertThat(devices.emqx().apiKey()).isNotBlank();
        assertThat(devices.emqx().apiSecret()).isNotBlank();
        assertThat(env.getProperty("dvctt.mqtt.url")).isEqualTo("tcp://emqx.dvctt.svc.cluster.local:1883");
        // the server's broker account is the one acl.conf gives the device tree to
        assertThat(DeployFiles.read(DEPLOY.resolve("emqx/acl.conf")))
                .contains("{allow, {username, \"" + env.getProperty("dvctt.mqtt.username") + "\"}, all,");
        Map<String, Object> envFrom = map(object("Deployment", "dvctt-server"), "spec", "template", "spec");
        assertThat(envFrom.toString()).contains("configMapRef={name=dvctt-server}", "secretRef={name=dvctt-server}");
    }

    private static Config emqx() {
        Config parsed = ConfigFactory.parseFile(DEPLOY.resolve("emqx/emqx.conf").toFile(),
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
        return parsed.resolveWith(ConfigFactory.parseMap(Map.of("EMQX_PG_PASSWORD", "from-the-secret")));
    }

    @Test
    void emqxConfigurationParsesAndClustersThroughTheHeadlessService() {
        Config conf = emqx();
        assertThat(conf.getString("cluster.discovery_strategy")).isEqualTo("dns");
        assertThat(conf.getString("cluster.dns.record_type")).isEqualTo("srv");
        Map<String, Object> headless = object("Service", "emqx-headless");
        Map<String, Object> statefulSet = object("StatefulSet", "emqx");
        String namespace = String.valueOf(DeployFiles.yaml(K8S.resolve("kustomization.yaml")).get("namespace"));
        assertThat(conf.getString("cluster.dns.name"))
                .isEqualTo(map(headless, "metadata").get("name") + "." + namespace + ".svc.cluster.local");
        assertThat(map(statefulSet, "spec")).containsEntry("serviceName", map(headless, "metadata").get("name"));
        assertThat(container(statefulSet).toString()).contains("emqx@$(POD_NAME)." + conf.getString("cluster.dns.name"));
        assertThat(conf.getBoolean("authorization.cache.enable")).isFalse();
        assertThat(conf.getString("authorization.no_match")).isEqualTo("deny");
        assertThat(conf.getBoolean("mqtt.mqueue_store_qos0")).isFalse();
        assertThat(conf.getConfigList("authentication").get(1).getString("password")).isEqualTo("from-the-secret");
        assertThat(conf.getConfigList("authentication").get(1).getString("query"))
                .contains("device_id = ${username}", "device_id = ${clientid}", "state = 'ENROLLED'");
        assertThat(conf.getConfigList("authorization.sources").get(0).getString("path")).isEqualTo("etc/acl.conf");
        assertThat(container(statefulSet).toString()).contains("mountPath=/opt/emqx/etc/acl.conf");
        // kustomize takes both files from deploy/emqx, so what is tested here is what runs
        assertThat(DeployFiles.read(K8S.resolve("kustomization.yaml")))
                .contains("emqx.conf=../emqx/emqx.conf", "acl.conf=../emqx/acl.conf");
    }

    /** acl.conf's rules as (who, action, topics). */
    private static List<String[]> aclRules() {
        String acl = DeployFiles.read(DEPLOY.resolve("emqx/acl.conf")).replaceAll("(?m)^%%.*$", "");
        Matcher rule = Pattern.compile("\\{(allow|deny),\\s*(\\{username, \"[^\"]+\"}|all)(?:,\\s*(publish|subscribe|all),\\s*\\[([^]]*)])?\\}\\.")
                .matcher(acl);
        List<String[]> rules = new ArrayList<>();
        int end = 0;
        while (rule.find()) {
            assertThat(acl.substring(end, rule.start()).trim()).as("nothing unparsed between rules").isEmpty();
            rules.add(new String[] {rule.group(1), rule.group(2), rule.group(3), rule.group(4)});
            end = rule.end();
        }
        assertThat(acl.substring(end).trim()).isEmpty();
        return rules;
    }

    private static Set<String> topics(String list) {
        return Stream.of(list.split(",")).map(String::trim).map(s -> s.replaceAll("^\"|\"$", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void emqxAclGivesEachDeviceExactlyItsChannelsAndTheServersTheTreeAndTheirShareGroup() {
        List<String[]> rules = aclRules();
        assertThat(rules).hasSize(4);
        Set<String> deviceToServer = new LinkedHashSet<>();
        Set<String> serverToDevice = new LinkedHashSet<>();
        for (Channel c : Channel.values()) {
            String topic = Topics.DEVICE_PREFIX + "${username}/" + c.wireName();
            (c.direction() == Channel.Direction.DEVICE_TO_SERVER ? deviceToServer : serverToDevice).add(topic);
        }
        assertThat(rules.get(0)[1]).isEqualTo("{username, \"dvctt-server\"}");
        assertThat(topics(rules.get(0)[3])).containsExactlyInAnyOrder(Topics.DEVICE_PREFIX + "#",
                "$share/" + Topics.SERVER_SHARE_GROUP + "/" + Topics.DEVICE_PREFIX + "#");
        assertThat(rules.get(1)).containsSequence("allow", "all", "publish");
        // exactly the device -> server channels, nothing else
        assertThat(topics(rules.get(1)[3])).containsExactlyInAnyOrderElementsOf(deviceToServer);
        assertThat(rules.get(2)).containsSequence("allow", "all", "subscribe");
        assertThat(topics(rules.get(2)[3])).containsExactlyInAnyOrderElementsOf(serverToDevice);
        assertThat(rules.get(3)).containsExactly("deny", "all", null, null);
    }
}
