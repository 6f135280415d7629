package vn.dvctt.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.UserService;

/** The first start on an empty database: the demo province, and passwords printed once that work. */
@SpringBootTest(properties = "dvctt.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DemoDataIT {

    @Autowired
    DemoData demo;
    @Autowired
    AdminUnitService units;
    @Autowired
    UserService users;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuthenticationConfiguration auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    vn.dvctt.procedure.ProcedureService procedures;
    @Autowired
    vn.dvctt.campaign.CampaignService campaigns;

    @Test
    void loadsQuangNinhAndPrintsAWorkingAdminPasswordOnlyOnce(CapturedOutput output) throws Exception {
        var counts = currentUser.runAsSystem(units::countByLevel);
        assertThat(counts.get(UnitLevel.DISTRICT)).isEqualTo(13);
        assertThat(counts.get(UnitLevel.COMMUNE)).isEqualTo(96);
        assertThat(counts.get(UnitLevel.VILLAGE)).isEqualTo(563);
        assertThat(currentUser.runAsSystem(users::list)).hasSize(5);
        assertThat(currentUser.runAsSystem(() -> procedures.search("", true, 100))).hasSize(9);
        var campaign = currentUser.runAsSystem(campaigns::visibleCampaigns).get(0);
        assertThat(campaign.indicators()).hasSize(11);
        long sessionsHeld = campaign.indicators().stream().filter(ci -> ci.indicator().code().equals("TR-01"))
                .findFirst().orElseThrow().id();
        var province = currentUser.runAsSystem(() -> units.get("22"));
        var services = currentUser.runAsSystem(() -> campaigns.progress(campaign.indicators().get(0).id(),
                province.id(), java.time.LocalDate.now()));
        assertThat(services.value()).isEqualByComparingTo("98.50");
        // the demo's held sessions in Xã Hoành Mô reached the campaign through the training events
        assertThat(currentUser.runAsSystem(() -> campaigns.progress(sessionsHeld, province.id(),
                java.time.LocalDate.now())).value()).isPositive();
        assertThat(currentUser.runAsSystem(() -> campaigns.ranking(campaign.indicators().get(1).id(), province.id(),
                java.time.LocalDate.now()))).hasSize(13).allSatisfy(u -> assertThat(u.progress().value()).isNotNull());

        // On a database with users the loader does nothing and prints no password. (The capture
        // may hold the banner of this context's own start; count, don't just search.)
        int before = banners(output.getOut());
        demo.run(null);
        assertThat(banners(output.getOut())).isEqualTo(before);
        assertThat(currentUser.runAsSystem(users::list)).hasSize(5);
    }

    private static int banners(String out) {
        return out.split("DVCTT demo is ready", -1).length - 1;
    }

    @Test
    void thePrintedPasswordSignsTheAdministratorIn(CapturedOutput output) throws Exception {
        // As on a first start: no users yet (the units are there already; re-importing them is a no-op).
        jdbc.update("delete from notice"); // reminders the first demo run sent to its users
        jdbc.update("delete from app_user");
        demo.run(null);
        String out = output.getOut();
        assertThat(out).contains("DVCTT demo is ready");
        String banner = out.substring(out.lastIndexOf("DVCTT demo is ready"));
        Matcher m = Pattern.compile(" admin\\s+ADMIN\\s+(\\S+)").matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        var result = auth.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("admin", m.group(1)));
        assertThat(result.isAuthenticated()).isTrue();
    }

    // Loading takes about a second, so both runs pass the "no users yet" check and really race.
    @Test
    void twoInstancesStartingTogetherLoadTheDemoOnce() throws Exception {
        jdbc.update("delete from notice"); // reminders the first demo run sent to its users
        jdbc.update("delete from app_user");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> demo.run(null));
            var b = pool.submit(() -> demo.run(null));
            a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            b.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(5);
    }
}
