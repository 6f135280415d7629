package vn.dvctt.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.notice.NoticeData;
import vn.dvctt.notice.NoticeService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.support.Fixture;

/**
 * Tasks of a provincial campaign in solution groups, reported on by the responsible commune and
 * reminded to it when late; on H2 and PostgreSQL (subclasses), each test rolled back.
 */
@Transactional
abstract class CampaignTasksContract {

    static final LocalDate START = LocalDate.of(2022, 6, 1);
    static final LocalDate END = LocalDate.of(2022, 8, 31);
    static final LocalDate TODAY = LocalDate.of(2022, 7, 10);

    @Autowired
    Fixture fixture;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignTasks tasks;
    @Autowired
    NoticeService notices;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UnitPaths unitPaths;

    CampaignId campaign;
    long communication;

    @BeforeEach
    void setUp() {
        fixture.load();
        fixture.as("qn.organizer", () -> {
            campaign = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm", CampaignKind.PEAK,
                    "Kế hoạch 170/KH-UBND", START, END, unit("22"))).id();
            campaigns.setStatus(campaign, CampaignStatus.ACTIVE);
            communication = tasks.addGroup(campaign, "Tuyên truyền, hướng dẫn người dân").id();
        });
    }

    UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow();
    }

    TaskData task(String title, String unitCode, LocalDate deadline) {
        return fixture.as("qn.organizer", () -> tasks.create(new NewTask(campaign, communication, title,
                "Sở Thông tin và Truyền thông", List.of("Văn phòng UBND tỉnh", "Sở Nội vụ"),
                unitCode == null ? null : unit(unitCode), deadline)));
    }

    @Test
    void anOpenTaskPastItsDeadlineIsOverdueByItsDaysAndADoneOneIsNot() {
        TaskData late = task("Tập huấn số hóa hồ sơ. Hoàn thành trước 30/6/2022", "06757", LocalDate.of(2022, 6, 30));
        TaskData done = task("Thành lập Tổ hỗ trợ \"không viết\"", null, LocalDate.of(2022, 6, 30));
        fixture.as("qn.organizer", () -> tasks.setStatus(done.id(), TaskStatus.DONE, LocalDate.of(2022, 6, 29)));

        List<TaskData> list = fixture.as("qn.leader", () -> tasks.tasks(campaign, TODAY));

        TaskData lateNow = list.stream().filter(t -> t.id() == late.id()).findFirst().orElseThrow();
        assertThat(lateNow.overdue()).isTrue();
        assertThat(lateNow.daysOverdue()).isEqualTo(10);
        assertThat(lateNow.group().name()).isEqualTo("Tuyên truyền, hướng dẫn người dân");
        assertThat(lateNow.coordinatingAgencies()).containsExactly("Văn phòng UBND tỉnh", "Sở Nội vụ");
        assertThat(lateNow.responsibleUnit().code()).isEqualTo("06757");
        TaskData doneNow = list.stream().filter(t -> t.id() == done.id()).findFirst().orElseThrow();
        assertThat(doneNow.overdue()).isFalse();
        assertThat(doneNow.doneOn()).isEqualTo(LocalDate.of(2022, 6, 29));
        assertThat(doneNow.responsibleUnit().code()).as("defaults to the campaign's unit").isEqualTo("22");
    }

    @Test
    void theResponsibleCommuneReportsProgressButOnlyTheProvinceOrganizerPlans() {
        TaskData task = task("Tuyên truyền trên loa truyền thanh", "06757", LocalDate.of(2022, 7, 30));

        TaskNoteData note = fixture.as("hoanhmo.organizer", () -> tasks.addNote(task.id(),
                "Đã phát 12 buổi trên loa truyền thanh xã", "https://hoanhmo.example.gov.vn/tin/12", null, null));

        assertThat(note.author()).isEqualTo("hoanhmo.organizer");
        TaskData after = fixture.as("qn.leader", () -> tasks.task(task.id(), TODAY));
        assertThat(after.status()).as("a first note starts the task").isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(after.notes()).isEqualTo(1);
        assertThat(after.canUpdate()).as("leaders read").isFalse();
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> tasks.create(new NewTask(campaign, null,
                "Việc mới", "UBND xã", List.of(), unit("06757"), TODAY)))).isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> tasks.setStatus(task.id(), TaskStatus.DONE, TODAY)))
                .isInstanceOf(OutsideScopeException.class);
        TaskData otherCommune = task("Việc của Đồng Văn", "06760", LocalDate.of(2022, 7, 30));
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer",
                () -> tasks.setStatus(otherCommune.id(), TaskStatus.DONE, TODAY))).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void aResponsibleUnitOutsideTheCampaignOrAForeignGroupIsRefused() {
        assertThatThrownBy(() -> task("Việc ở Đắk Nông", "24616", TODAY))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.task.error.unitOutside");
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> tasks.create(new NewTask(campaign, 999_999L,
                "Việc", "Sở", List.of(), null, TODAY))))
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.task.error.group");
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> tasks.create(new NewTask(campaign, null,
                " ", "Sở", List.of(), null, TODAY))))
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.task.error.title");
    }

    @Test
    void aPdfIsKeptAsEvidenceAndAnExecutableOrAScriptLinkIsRefused() throws Exception {
        TaskData task = task("Ban hành kế hoạch", null, LocalDate.of(2022, 7, 30));
        byte[] pdf = "%PDF-1.4\n% Ke hoach 170\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        TaskNoteData note = fixture.as("qn.organizer", () -> tasks.addNote(task.id(), "Đã ban hành",
                null, new ByteArrayInputStream(pdf), "ke-hoach-170.pdf"));

        assertThat(note.evidenceType()).isEqualTo("application/pdf");
        byte[] back = fixture.as("qn.leader", () -> {
            try (InputStream in = tasks.openEvidence(task.id(), note.evidenceSha256())) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(back).isEqualTo(pdf);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> tasks.addNote(task.id(), "Tệp lạ", null,
                new ByteArrayInputStream(exe), "ke-hoach.pdf")))
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.task.error.evidenceType");
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> tasks.addNote(task.id(), "Liên kết", "javascript:alert(1)",
                null, null)))
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("campaign.task.error.url");
        assertThat(fixture.as("qn.leader", () -> tasks.notes(task.id()))).hasSize(1);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> {
            try (InputStream in = tasks.openEvidence(task.id(), "0".repeat(64))) {
                return in.read();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void theReminderListsLateAndNearlyDueTasksToTheResponsibleOrganizersOnceADay() {
        task("Tập huấn số hóa hồ sơ", "06757", LocalDate.of(2022, 6, 30));
        task("Kiện toàn tổ công nghệ số cộng đồng", "06757", TODAY.plusDays(2));
        task("Việc còn xa", "06757", TODAY.plusDays(20));
        task("Việc của tỉnh", null, LocalDate.of(2022, 7, 1));

        TaskReminders first = currentUser.runAsSystem(() -> tasks.remind(TODAY));
        TaskReminders again = currentUser.runAsSystem(() -> tasks.remind(TODAY));

        assertThat(first.overdueTasks()).isEqualTo(2);
        assertThat(first.dueSoonTasks()).isEqualTo(1);
        assertThat(first.noticesSent()).as("one digest each for the commune and the province organizer").isEqualTo(2);
        assertThat(again.noticesSent()).as("a second run on the same day tells nobody again").isZero();
        List<NoticeData> commune = fixture.as("hoanhmo.organizer", () -> notices.mine());
        assertThat(commune).hasSize(1);
        assertThat(commune.get(0).messageKey()).isEqualTo("campaign.task.reminder");
        assertThat(commune.get(0).args().subList(0, 2)).containsExactly("1", "1");
        assertThat(commune.get(0).args().get(3)).contains("Tập huấn số hóa hồ sơ", "Kiện toàn tổ công nghệ số cộng đồng")
                .doesNotContain("Việc còn xa", "Việc của tỉnh");
        assertThat(commune.get(0).link()).isEqualTo("campaigns/" + campaign.value() + "/tasks");
        assertThat(fixture.as("qn.organizer", () -> notices.mine()).get(0).args().get(3)).contains("Việc của tỉnh");
        assertThat(fixture.as("qn.leader", () -> notices.mine())).as("leaders are not reminded").isEmpty();
        assertThat(fixture.as("hoanhmo.organizer", () -> notices.unreadCount())).isEqualTo(1);
        fixture.as("hoanhmo.organizer", () -> notices.markAllRead());
        assertThat(fixture.as("hoanhmo.organizer", () -> notices.unreadCount())).isZero();
    }

    @Test
    void nobodyButScheduledWorkSendsNotices() {
        assertThatThrownBy(() -> fixture.as("qn.admin", () -> tasks.remind(TODAY)))
                .isInstanceOf(OutsideScopeException.class);
    }
}
