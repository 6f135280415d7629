package vn.dvctt.training.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.training.AssistedSubmission;
import vn.dvctt.training.SessionPlan;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.TrainingService;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * Demo sessions in Xã Hoành Mô around the first start: reported ones over the last weeks (with
 * assisted submissions for essential services), one held awaiting its report, one cancelled,
 * and planned ones over the next weeks.
 */
@Component
class TrainingDemo implements DemoContributor {

    private final TrainingService training;
    private final VenueService venues;
    private final UnitPaths unitPaths;

    TrainingDemo(TrainingService training, VenueService venues, UnitPaths unitPaths) {
        this.training = training;
        this.venues = venues;
        this.unitPaths = unitPaths;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        var commune = unitPaths.idOfCode("06757").orElseThrow();
        LocalDate today = LocalDate.now(TrainingService.ZONE);
        // the demo runs again on a database whose users were removed: the sessions are there already
        if (!training.sessionsWithin(commune, today.minusDays(30), today.plusDays(30)).isEmpty()) {
            return;
        }
        List<VenueData> all = venues.venuesWithin(commune);
        VenueData hall = venue(all, "Hội trường");
        VenueData kheMa = venue(all, "Khe Mạ");
        VenueData pacPoc = venue(all, "Pắc Pộc");
        VenueData naSa = venue(all, "Nà Sa");

        reported(kheMa, at(-20, 19), "Cài đặt và kích hoạt VNeID mức 2", 45,
                new SessionResults(38, 21, 17, 0, 14, 17, 7, List.of(
                        new AssistedSubmission("DEMO-05", 6, List.of("H22.43-" + yymmdd(-20) + "-0001")),
                        new AssistedSubmission("DEMO-01", 2, List.of())),
                        List.of("Cài đặt VNeID", "Đăng ký thường trú trực tuyến"), "Nhiều người cao tuổi cần hỗ trợ"));
        reported(pacPoc, at(-13, 19), "Nộp hồ sơ khai sinh trực tuyến", 30,
                new SessionResults(24, 15, 9, null, null, null, null, List.of(
                        new AssistedSubmission("DEMO-01", 4, List.of()),
                        new AssistedSubmission("DEMO-10", 3, List.of())),
                        List.of("DEMO-01"), "Sóng di động yếu, phải dùng điểm phát của tổ"));
        reported(hall, at(-8, 8), "Thanh toán trực tuyến và Cổng dịch vụ công", 80,
                new SessionResults(72, 40, 32, 3, 30, 29, 10, List.of(
                        new AssistedSubmission("DEMO-08", 5, List.of()),
                        new AssistedSubmission("DEMO-14", 7, List.of()),
                        new AssistedSubmission("DEMO-06", 4, List.of())), List.of(), ""));
        long held = training.schedule(plan(naSa, at(-2, 19), "Đăng ký tạm trú cho lao động đi làm xa", 25)).id();
        training.markHeld(held);
        long cancelled = training.schedule(plan(kheMa, at(-5, 19), "Cấp đổi giấy phép lái xe", 30)).id();
        training.cancel(cancelled, "Mưa lớn, đường vào bản bị sạt lở");
        training.schedule(plan(kheMa, at(4, 19), "Cấp lại thẻ bảo hiểm y tế trên VssID", 40));
        training.schedule(plan(pacPoc, at(9, 19), "Nhận trợ cấp người cao tuổi qua tài khoản", 35));
        training.schedule(plan(hall, at(15, 8), "Tập huấn tổ công nghệ số cộng đồng", 25));
    }

    private void reported(VenueData venue, LocalDateTime start, String topic, int expected, SessionResults results) {
        long id = training.schedule(plan(venue, start, topic, expected)).id();
        training.markHeld(id);
        training.report(id, results);
    }

    private static SessionPlan plan(VenueData venue, LocalDateTime start, String topic, int expected) {
        return new SessionPlan(venue.id(), start, start.plusHours(2), topic, "Người dân trong bản, ưu tiên người cao tuổi",
                null, List.of("Tổ công nghệ số cộng đồng", "Cán bộ văn hóa xã"), List.of("DEMO-01", "DEMO-05"),
                expected);
    }

    private static LocalDateTime at(int days, int hour) {
        return LocalDate.now(TrainingService.ZONE).plusDays(days).atTime(hour, 0);
    }

    private static String yymmdd(int days) {
        return LocalDate.now(TrainingService.ZONE).plusDays(days)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
    }

    private static VenueData venue(List<VenueData> venues, String nameContains) {
        return venues.stream().filter(v -> v.name().contains(nameContains)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo venue " + nameContains + " missing"));
    }
}
