package vn.dvctt.venue.internal;

import org.springframework.stereotype.Component;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.venue.InternetKind;
import vn.dvctt.venue.VenueInput;
import vn.dvctt.venue.VenueService;

/** The demo venues of Xã Hoành Mô: the commune hall and the cultural houses of four villages. */
@Component
class VenueDemo implements DemoContributor {

    private final VenueService venues;
    private final UnitPaths unitPaths;

    VenueDemo(VenueService venues, UnitPaths unitPaths) {
        this.venues = venues;
        this.unitPaths = unitPaths;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        // the demo runs again on a database whose users were removed: the venues are there already
        if (!venues.venuesWithin(unit("06757")).isEmpty()) {
            return;
        }
        venues.create(new VenueInput(unit("06757"), "Hội trường UBND xã Hoành Mô", "Trụ sở UBND xã Hoành Mô", 120, 4,
                true, true, true, InternetKind.FIBER, 100, "Giờ hành chính; ngoài giờ liên hệ văn phòng UBND xã"));
        venues.create(new VenueInput(unit("06757-07"), "Nhà văn hóa bản Khe Mạ", "Đầu bản Khe Mạ, cạnh trường mầm non",
                60, 2, true, true, true, InternetKind.FIBER, 50, "Tối thứ Ba và thứ Sáu; chìa khóa ở nhà trưởng bản"));
        venues.create(new VenueInput(unit("06757-01"), "Nhà văn hóa bản Pắc Pộc", "Giữa bản Pắc Pộc", 50, 1, false,
                false, true, InternetKind.MOBILE, 15, "Sau 17 giờ; báo trước cho trưởng bản"));
        venues.create(new VenueInput(unit("06757-03"), "Nhà văn hóa bản Nà Sa", "Ven tỉnh lộ 18C, bản Nà Sa", 40, 0,
                false, false, true, InternetKind.MOBILE, 10, "Cuối tuần"));
        venues.create(new VenueInput(unit("06757-05"), "Nhà văn hóa bản Khe Vằn", "Cuối bản Khe Vằn", 35, 0, false,
                false, false, InternetKind.NONE, null, "Chưa có Internet: mang video đã tải sẵn"));
    }

    private UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow(() -> new IllegalStateException("Demo unit " + code + " missing"));
    }
}
