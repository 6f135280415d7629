package vn.dvctt.agent.journal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import vn.dvctt.content.PinHash;
import vn.dvctt.content.RunnerBrief;

/** A runner brief as the server would send it: two members (PINs 1234 and 5678), sessions today and tomorrow. */
public final class JournalTestData {

    public static final String PIN_LAN = "1234";
    public static final String PIN_MINH = "5678";
    private static String lanHash;
    private static String minhHash;

    private JournalTestData() {
    }

    public static synchronized RunnerBrief brief(String deviceId, long version) {
        if (lanHash == null) {
            lanHash = PinHash.hash(PIN_LAN, new SecureRandom());
            minhHash = PinHash.hash(PIN_MINH, new SecureRandom());
        }
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        return RunnerBrief.of(deviceId, version, new RunnerBrief.Venue("Nhà văn hoá thôn Đông", "Xã Tân Lập"),
                List.of(new RunnerBrief.Session(12, LocalDateTime.of(today.plusDays(1), LocalTime.of(8, 0)),
                                LocalDateTime.of(today.plusDays(1), LocalTime.of(10, 0)), "Cấp đổi căn cước", "Người cao tuổi",
                                30, RunnerBrief.SessionStatus.PLANNED, List.of()),
                        new RunnerBrief.Session(11, LocalDateTime.of(today, LocalTime.of(14, 0)),
                                LocalDateTime.of(today, LocalTime.of(16, 0)), "Đăng ký khai sinh trực tuyến", "Phụ nữ",
                                25, RunnerBrief.SessionStatus.PLANNED, List.of())),
                List.of(new RunnerBrief.Procedure("1.001193", "Đăng ký khai sinh", true),
                        new RunnerBrief.Procedure("1.004227", "Đăng ký kết hôn", true),
                        new RunnerBrief.Procedure("2.000986", "Cấp phiếu lý lịch tư pháp", false),
                        new RunnerBrief.Procedure("1.010731", "Khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi", true)),
                List.of(new RunnerBrief.Member("m-lan", "Nguyễn Thị Lan", "Đoàn viên", lanHash),
                        new RunnerBrief.Member("m-minh", "Trần Văn Minh", "Tổ trưởng", minhHash)));
    }
}
