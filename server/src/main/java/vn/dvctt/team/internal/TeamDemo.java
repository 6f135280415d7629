package vn.dvctt.team.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.team.MemberData;
import vn.dvctt.team.TeamImportReport;
import vn.dvctt.team.TeamService;
import vn.dvctt.team.TeamSummary;

/**
 * Demo teams: most villages of Xã Hoành Mô, one in each of two neighbouring communes and two
 * quarters of Hồng Gai, imported from the sample file people can download, so coverage shows
 * partial figures. Some members of two teams have completed a training.
 */
@Component
class TeamDemo implements DemoContributor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TeamDemo.class);

    static final String SAMPLE = "demo/teams-sample.csv";
    private final TeamService teams;
    private final UnitPaths unitPaths;

    TeamDemo(TeamService teams, UnitPaths unitPaths) {
        this.teams = teams;
        this.unitPaths = unitPaths;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load() {
        try (InputStream in = new ClassPathResource(SAMPLE).getInputStream()) {
            TeamImportReport report = teams.importFile(in, "teams-sample.csv");
            if (!report.applied()) {
                throw new IllegalStateException("Demo teams refused: " + report.problems());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Demo teams missing from the classpath", e);
        }
        train("06757-01", "Tập huấn kỹ năng số cơ bản cho tổ công nghệ số cộng đồng", LocalDate.of(2023, 6, 8));
        train("06757-07", "Hướng dẫn người dân dịch vụ công trực tuyến toàn trình", LocalDate.of(2023, 9, 20));
        runnerPins("06757-07");
    }

    /** The PIN the demo's Khe Mạ team signs in with on the demo device's session runner (README). */
    static final String DEMO_PIN = "2468";

    private void runnerPins(String villageCode) {
        unitPaths.idOfCode(villageCode).ifPresent(village -> {
            for (TeamSummary team : teams.teamsWithin(village)) {
                for (MemberData member : teams.members(team.id(), false)) {
                    teams.setRunnerPin(member.membershipId(), DEMO_PIN);
                    log.info("Session runner sign-in for the demo: {} with PIN {}", member.fullName(), DEMO_PIN);
                }
            }
        });
    }

    private void train(String villageCode, String course, LocalDate on) {
        unitPaths.idOfCode(villageCode).ifPresent(village -> {
            for (TeamSummary team : teams.teamsWithin(village)) {
                for (MemberData member : teams.members(team.id(), false)) {
                    if (member.role() != vn.dvctt.team.MemberRole.MEMBER || member.youthUnion()) {
                        teams.recordTraining(member.membershipId(), course, on);
                    }
                }
            }
        });
    }
}
