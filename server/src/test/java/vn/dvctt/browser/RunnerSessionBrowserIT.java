package vn.dvctt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.agent.TcpProxy;
import vn.dvctt.content.Enrollment;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.mqtt.MqttGateway;
import vn.dvctt.support.EmbeddedTestPorts;
import vn.dvctt.team.MemberData;
import vn.dvctt.team.MemberDraft;
import vn.dvctt.team.MemberRole;
import vn.dvctt.team.TeamData;
import vn.dvctt.team.TeamDraft;
import vn.dvctt.team.TeamService;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionPlan;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.training.TrainingService;

/**
 * The village journey end to end, with the real agent jar in its own process and a real Chromium: the
 * runner gets its brief while online, the link goes down, a team member signs in with her PIN, runs the
 * session offline (23 attendees, 5 assisted submissions), the link comes back, and the commune officer
 * sees those figures in the server's session view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=dvctt-runner-browser")
@ActiveProfiles("test")
class RunnerSessionBrowserIT {

    static final Path AGENT_JAR = Path.of("../edge-agent/target/dvctt-edge-agent.jar");

    @LocalServerPort
    int port;
    @Autowired
    TrainingFixture data;
    @Autowired
    DeviceService devices;
    @Autowired
    TrainingService training;
    @Autowired
    TeamService teams;
    @Autowired
    MqttGateway gateway;

    ChromeDriver driver;
    Process agent;
    TcpProxy link;
    Path dir;

    @AfterEach
    void tearDown() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (agent != null) {
            agent.destroyForcibly();
        }
        if (link != null) {
            link.close();
        }
    }

    @Test
    void aSessionRunOfflineOnTheVillageComputerReachesTheCommunesSessionView() throws Exception {
        driver = Browser.start();
        assertThat(AGENT_JAR).as("the agent jar (built by the edge-agent module before the server's tests)").exists();
        data.load();
        TeamData team = data.fixture.as("hoanhmo.organizer", () -> teams.create(new TeamDraft(data.unit("06757-02"),
                "Tổ CNS cộng đồng bản Khe Mạ", "12/QĐ-UBND", LocalDate.of(2024, 3, 1), "Chủ tịch UBND xã")));
        MemberData mai = data.fixture.as("hoanhmo.organizer", () -> teams.addMember(team.id(), new MemberDraft(
                "Hoàng Thị Mai", MemberRole.LEADER, null, null, null, true, false, null), LocalDate.of(2024, 3, 1)));
        data.fixture.as("hoanhmo.organizer", () -> teams.setRunnerPin(mai.membershipId(), "2468"));
        LocalDateTime start = LocalDateTime.now(TrainingService.ZONE).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        SessionData session = data.fixture.as("hoanhmo.organizer", () -> training.schedule(new SessionPlan(
                data.kheMa.id(), start, start.plusHours(2), "Hướng dẫn đăng ký khai sinh trực tuyến", "Bà con bản",
                null, List.of(), List.of(), 30)));
        IssuedCode code = data.fixture.as("hoanhmo.organizer", () -> devices.register(data.kheMa.id(),
                "http://127.0.0.1:" + port));
        Enrollment.Response credentials = devices.enroll(code.code(), "127.0.0.1");

        // the agent reaches the broker through a link the test can take down
        int brokerPort = URI.create(gateway.url()).getPort();
        int linkPort = EmbeddedTestPorts.freePort();
        link = new TcpProxy("127.0.0.1", brokerPort, linkPort);
        int runnerPort = EmbeddedTestPorts.freePort();
        agent = startAgent(credentials, linkPort, runnerPort);
        RunnerPages.RunnerPage runner = new RunnerPages.RunnerPage(driver, "http://127.0.0.1:" + runnerPort);
        // the brief (schedule, catalogue, PINs) arrives while online
        Awaitility.await().atMost(90, TimeUnit.SECONDS).ignoreExceptions().until(() -> {
            runner.open();
            // the page asks the agent for its state after loading: give it a moment before reloading
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5)).until(d ->
                    !d.findElements(By.xpath("//*[@data-test='member'][contains(., 'Hoàng Thị Mai')]")).isEmpty());
        });

        link.close();
        link = null;
        runner.signIn("Hoàng Thị Mai", "2468").startScheduled(session.id()).countAttendees(23);
        runner.recordSubmission("khai sinh", "1.001193", "H22.101-240601-0007", 1);
        for (int i = 2; i <= 5; i++) {
            runner.recordSubmission("dang ky khai sinh", "1.001193", null, i);
        }
        runner.end("Bà con hỏi nhiều về khai sinh cho trẻ");
        assertThat(runner.pending()).as("everything waits on the computer while offline").isGreaterThanOrEqualTo(23 + 5);
        Thread.sleep(2000);
        assertThat(data.fixture.as("hoanhmo.organizer", () -> training.effectiveResults(session.id())))
                .as("nothing reached the server while the link was down").isEmpty();

        link = new TcpProxy("127.0.0.1", brokerPort, linkPort);
        runner.waitUntilNothingPending(Duration.ofSeconds(90));
        SessionResults results = Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> data.fixture.as(
                "hoanhmo.organizer", () -> training.effectiveResults(session.id())).orElse(null),
                r -> r != null && r.participants() == 23 && r.assistedSubmissions() == 5);
        assertThat(results.submissions()).singleElement().satisfies(s ->
                assertThat(s.dossierCodes()).containsExactly("H22.101-240601-0007"));

        String base = "http://localhost:" + port;
        new Pages.LoginPage(driver, base).open().signIn("hoanhmo.organizer", data.fixture.password("hoanhmo.organizer"));
        Pages.waitFor(driver).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        new TrainingPages.CalendarPage(driver, base).open();
        var chip = Pages.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-session='" + session.id() + "']")));
        // the calendar may put the chip under the fold or under a notification: click it where it is
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", chip);
        String shown = Pages.waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("session-results")))
                .getText();
        assertThat(shown).contains("Người tham dự: 23").contains("Hồ sơ thủ tục 1.001193: 5");
    }

    Process startAgent(Enrollment.Response credentials, int linkPort, int runnerPort) throws IOException {
        dir = Files.createTempDirectory("dvctt-runner-agent");
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, String.join("\n",
                "broker.url=tcp://127.0.0.1:" + linkPort,
                "device.id=" + credentials.deviceId(),
                "broker.username=" + credentials.username(),
                "broker.password=" + credentials.password(),
                "data.dir=" + dir.resolve("data"),
                "runner.port=" + runnerPort, ""), StandardCharsets.UTF_8);
        return new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-jar",
                AGENT_JAR.toString(), config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile()).start();
    }
}
