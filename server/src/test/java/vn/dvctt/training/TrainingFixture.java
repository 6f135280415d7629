package vn.dvctt.training;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.support.Fixture;
import vn.dvctt.venue.InternetKind;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueInput;
import vn.dvctt.venue.VenueService;

/**
 * The shared {@link Fixture} plus three procedures and four venues: the cultural houses of Pắc Pộc
 * and Khe Mạ, the hall of Xã Hoành Mô, and the cultural house of Nà Sa in the neighbouring commune.
 */
@Component
public class TrainingFixture {

    public static final String PROCEDURES = """
            code,name,field,essential,online
            1.001193,Đăng ký khai sinh,Hộ tịch,Có,Toàn trình
            1.004222,Đăng ký thường trú,Cư trú,Có,Toàn trình
            2.000908,Chứng thực bản sao từ bản chính,Chứng thực,Không,Một phần
            """;

    public final Fixture fixture;
    private final VenueService venues;
    private final ProcedureService procedures;
    private final UnitPaths unitPaths;
    public VenueData pacPoc;
    public VenueData kheMa;
    public VenueData hoanhMoHall;
    public VenueData naSa;

    TrainingFixture(Fixture fixture, VenueService venues, ProcedureService procedures, UnitPaths unitPaths) {
        this.fixture = fixture;
        this.venues = venues;
        this.procedures = procedures;
        this.unitPaths = unitPaths;
    }

    public void load() {
        fixture.load();
        addVenuesAndProcedures();
    }

    /** For tests whose base class loads the shared fixture already. */
    public void addVenuesAndProcedures() {
        fixture.as("root.admin", () -> {
            procedures.importFile(new ByteArrayInputStream(PROCEDURES.getBytes(StandardCharsets.UTF_8)), "p.csv");
            pacPoc = venues.create(venue("06757-01", "Nhà văn hóa bản Pắc Pộc", 60));
            kheMa = venues.create(venue("06757-02", "Nhà văn hóa bản Khe Mạ", 80));
            hoanhMoHall = venues.create(venue("06757", "Hội trường UBND xã Hoành Mô", 150));
            naSa = venues.create(venue("06760-01", "Nhà văn hóa bản Nà Sa", 50));
        });
    }

    public UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow();
    }

    public VenueInput venue(String unitCode, String name, int capacity) {
        return new VenueInput(unit(unitCode), name, "Trung tâm " + name, capacity, 2, true, true, true,
                InternetKind.FIBER, 100, "Mở cửa buổi tối");
    }

    public static SessionPlan plan(VenueData venue, LocalDateTime start, int hours, String topic) {
        return new SessionPlan(venue.id(), start, start.plusHours(hours), topic, "Người dân trong bản", null,
                List.of("Nguyễn Thị Hoa"), List.of("1.001193"), 40);
    }

    /** A day in the past (negative) or future (positive), at the given hour, in Vietnam. */
    public static LocalDateTime day(int offset, int hour) {
        return LocalDate.now(TrainingService.ZONE).plusDays(offset).atTime(hour, 0);
    }
}
