package vn.dvctt.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;

/** The demo's teams: Hoành Mô partly covered, so the coverage page has something to show. */
@SpringBootTest(properties = "dvctt.demo.enabled=true")
@ActiveProfiles("test")
class TeamDemoIT {

    @Autowired
    TeamService teams;
    @Autowired
    UnitPaths unitPaths;
    @Autowired
    CurrentUser currentUser;

    @Test
    void demoCoversFiveOfHoanhMosEightVillagesAndSomeMembersAreTrained() {
        TeamCoverage.Row hoanhMo = currentUser.runAsSystem(() ->
                teams.coverage(unitPaths.idOfCode("06757").orElseThrow())).total();
        assertThat(hoanhMo.villagesWithTeam()).isEqualTo(5);
        assertThat(hoanhMo.villages()).isEqualTo(8);
        assertThat(hoanhMo.teams()).isEqualTo(6);
        assertThat(hoanhMo.members()).isEqualTo(18);
        assertThat(hoanhMo.trainedMembers()).isBetween(1, hoanhMo.members() - 1);
        TeamCoverage.Row province = currentUser.runAsSystem(() ->
                teams.coverage(unitPaths.idOfCode("22").orElseThrow())).total();
        assertThat(province.communesWithTeam()).isEqualTo(4);
        assertThat(province.communes()).isEqualTo(96);
    }
}
