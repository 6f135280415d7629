package vn.dvctt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.dvctt.agent.AgentConfig;

/**
 * deploy/agent: the systemd unit verified by systemd-analyze (fails under CI=true when it is missing),
 * the WinSW service definition parsed, both pointing the agent at its config the way AgentConfig.locate
 * reads it, with the data kept apart from the program.
 */
class AgentServiceFilesTest {

    static final Path AGENT = DeployFiles.DEPLOY.resolve("agent");

    private static Map<String, String> unit() {
        return DeployFiles.read(AGENT.resolve("dvctt-agent.service")).lines()
                .filter(l -> l.contains("=") && !l.startsWith("#"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1), (a, b) -> a + "\n" + b));
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and systemd-analyze is missing (apt-get install systemd)");
        }
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze not installed");
        Path dir = Files.createTempDirectory("unit");
        Path unit = dir.resolve("dvctt-agent.service");
        Files.copy(AGENT.resolve("dvctt-agent.service"), unit);
        Process p = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("no warnings").doesNotContain("Unknown").doesNotContain("Ignoring");
    }

    @Test
    void theUnitRunsTheCurrentReleaseAsItsOwnUserWithConfigAndDataApart() {
        Map<String, String> unit = unit();
        assertThat(unit.get("Environment")).contains(AgentConfig.ENV_CONFIG_PATH + "=/etc/dvctt-agent/agent.properties");
        assertThat(unit.get("ExecStart")).endsWith("-jar /opt/dvctt-agent/current/dvctt-edge-agent.jar").contains("-Xmx16m");
        assertThat(unit).containsEntry("User", "dvctt-agent").containsEntry("Restart", "always")
                .containsEntry("RestartPreventExitStatus", "2").containsKey("MemoryMax")
                .containsEntry("WorkingDirectory", "/var/lib/dvctt-agent");
        assertThat(unit.get("ReadWritePaths")).contains("/var/lib/dvctt-agent", "/etc/dvctt-agent");
        String install = DeployFiles.read(AGENT.resolve("install.sh"));
        assertThat(install).contains("CONF_DIR=\"${DVCTT_AGENT_CONF_DIR:-/etc/dvctt-agent}\"",
                "DATA_DIR=\"${DVCTT_AGENT_DATA_DIR:-/var/lib/dvctt-agent}\"", "PREFIX=\"${DVCTT_AGENT_PREFIX:-/opt/dvctt-agent}\"",
                "data.dir=%s", "enroll '$3' '$4' '$conf'");
    }

    @Test
    void theWindowsServiceKeepsConfigAndDataUnderProgramData() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(AGENT.resolve("dvctt-agent.xml").toFile());
        Element service = xml.getDocumentElement();
        assertThat(service.getTagName()).isEqualTo("service");
        assertThat(service.getElementsByTagName("id").item(0).getTextContent()).isEqualTo("dvctt-agent");
        Element env = (Element) service.getElementsByTagName("env").item(0);
        assertThat(env.getAttribute("name")).isEqualTo(AgentConfig.ENV_CONFIG_PATH);
        assertThat(env.getAttribute("value")).isEqualTo("C:\\ProgramData\\DVCTT Agent\\agent.properties");
        assertThat(service.getElementsByTagName("arguments").item(0).getTextContent())
                .contains("-jar \"%BASE%\\dvctt-edge-agent.jar\"");
        assertThat(service.getElementsByTagName("onfailure").getLength()).isGreaterThanOrEqualTo(1);
        assertThat(service.getElementsByTagName("workingdirectory").item(0).getTextContent()).startsWith("C:\\ProgramData\\");
    }

    @Test
    void theServiceBuildsTheClassArchiveItRunsWithForTheJarItRuns() {
        Map<String, String> unit = unit();
        String jar = "-jar /opt/dvctt-agent/current/dvctt-edge-agent.jar";
        // "-": a failed build must not keep the agent from starting
        assertThat(unit.get("ExecStartPre")).startsWith("-/usr/bin/java ")
                .endsWith(jar + " cds /var/lib/dvctt-agent/agent.jsa");
        assertThat(unit.get("ExecStart")).contains("-XX:SharedArchiveFile=/var/lib/dvctt-agent/agent.jsa " + jar);
    }

    @Test
    void windowsRunsTheAgentWithTheFlagsLinuxRunsAndMeasures() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(AGENT.resolve("dvctt-agent.xml").toFile());
        String windows = xml.getDocumentElement().getElementsByTagName("arguments").item(0).getTextContent();
        String linux = unit().get("ExecStart").replace("/usr/bin/java ", "");
        assertThat(flags(windows)).isEqualTo(flags(linux));
        assertThat(windows).contains("-XX:SharedArchiveFile=\"C:\\ProgramData\\DVCTT Agent\\agent.jsa\"");
        assertThat(DeployFiles.read(AGENT.resolve("dvctt-agent.xml"))).contains("dvctt-edge-agent.jar\" cds \"C:\\ProgramData\\DVCTT Agent\\agent.jsa\"");
    }

    /** The JVM flags before -jar, without the archive's path. */
    private static java.util.List<String> flags(String arguments) {
        return java.util.Arrays.stream(arguments.substring(0, arguments.indexOf(" -jar ")).split(" (?=-)"))
                .filter(f -> !f.startsWith("-XX:SharedArchiveFile=")).toList();
    }

    @Test
    void theInstallScriptIsValidShell() throws Exception {
        Process p = new ProcessBuilder("sh", "-n", AGENT.resolve("install.sh").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
