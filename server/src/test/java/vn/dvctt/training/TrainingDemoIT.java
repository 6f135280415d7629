package vn.dvctt.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/** The demo of Xã Hoành Mô: venues, and sessions in every state around today. */
@SpringBootTest(properties = "dvctt.demo.enabled=true")
@ActiveProfiles("test")
class TrainingDemoIT {

    @Autowired
    TrainingService training;
    @Autowired
    VenueService venues;
    @Autowired
    UnitPaths unitPaths;
    @Autowired
    CurrentUser currentUser;

    @Test
    void hoanhMoHasVenuesAndSessionsInEveryState() {
        UnitId commune = unitPaths.idOfCode("06757").orElseThrow();
        LocalDate today = LocalDate.now(TrainingService.ZONE);
        assertThat(currentUser.runAsSystem(() -> venues.venuesWithin(commune))).extracting(VenueData::name)
                .contains("Hội trường UBND xã Hoành Mô", "Nhà văn hóa bản Khe Mạ", "Nhà văn hóa bản Pắc Pộc");
        List<SessionData> sessions = currentUser.runAsSystem(() ->
                training.sessionsWithin(commune, today.minusDays(30), today.plusDays(30)));
        assertThat(sessions).extracting(SessionData::status)
                .contains(SessionStatus.PLANNED, SessionStatus.HELD, SessionStatus.REPORTED, SessionStatus.CANCELLED);
        TrainingStats stats = currentUser.runAsSystem(() ->
                training.stats(commune, today.minusDays(30), today.plusDays(30)));
        assertThat(stats.total().participants()).isEqualTo(38 + 24 + 72);
        assertThat(stats.byProcedure()).containsEntry("DEMO-01", 6).containsEntry("DEMO-05", 6);
    }
}
