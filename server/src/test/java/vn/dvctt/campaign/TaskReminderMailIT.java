package vn.dvctt.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.UserService;
import vn.dvctt.support.Fixture;

/**
 * With a mail server configured, the reminder is also mailed, after the notice is committed, to
 * users who gave an address; others still get it in the application. A real SMTP server
 * (GreenMail) runs in the test JVM. Its own context and database: mail goes out only on commit.
 */
@SpringBootTest(properties = "dvctt.test.journey=task-mail")
@ActiveProfiles("test")
class TaskReminderMailIT {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("dvctt.notice.mail-from", () -> "nhacviec@dvctt.example.gov.vn");
        registry.add("dvctt.public-url", () -> "https://dvctt.example.gov.vn/");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    Fixture fixture;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignTasks tasks;
    @Autowired
    UserService users;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UnitPaths unitPaths;

    @Test
    void theReminderIsMailedInVietnameseToOrganizersWhoGaveAnAddress() throws Exception {
        fixture.load();
        fixture.as("qn.admin", () -> users.setEmail(fixture.userId("hoanhmo.organizer"), "hoanhmo@example.gov.vn"));
        LocalDate today = LocalDate.of(2022, 7, 10);
        CampaignId campaign = fixture.as("qn.organizer", () -> {
            CampaignId id = campaigns.create(new NewCampaign("Chiến dịch 92 ngày đêm", CampaignKind.PEAK, null,
                    LocalDate.of(2022, 6, 1), LocalDate.of(2022, 8, 31), unitPaths.idOfCode("22").orElseThrow())).id();
            campaigns.setStatus(id, CampaignStatus.ACTIVE);
            tasks.create(new NewTask(id, null, "Tập huấn số hóa hồ sơ", "Văn phòng UBND tỉnh", List.of(),
                    unitPaths.idOfCode("06757").orElseThrow(), LocalDate.of(2022, 6, 30)));
            tasks.create(new NewTask(id, null, "Việc của tỉnh", "Sở Thông tin và Truyền thông", List.of(), null,
                    LocalDate.of(2022, 6, 30)));
            return id;
        });

        TaskReminders sent = currentUser.runAsSystem(() -> tasks.remind(today));

        assertThat(sent.noticesSent()).isEqualTo(2);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] mails = SMTP.getReceivedMessages();
        assertThat(mails).as("the province organizer gave no address: in-app only").hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("hoanhmo@example.gov.vn");
        assertThat(mails[0].getFrom()[0].toString()).isEqualTo("nhacviec@dvctt.example.gov.vn");
        assertThat(mails[0].getSubject()).isEqualTo("[DVCTT] Nhắc việc");
        String body = GreenMailUtil.getBody(mails[0]);
        String text = mails[0].getContent() instanceof String s ? s : body;
        assertThat(text).contains("Tập huấn số hóa hồ sơ", "1 nhiệm vụ quá hạn",
                "https://dvctt.example.gov.vn/campaigns/" + campaign.value() + "/tasks");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
