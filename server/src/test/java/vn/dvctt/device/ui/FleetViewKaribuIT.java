package vn.dvctt.device.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.device.DeviceData;
import vn.dvctt.device.DeviceState;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.ui.KaribuViewTest;
import vn.dvctt.venue.VenueData;

/** The fleet page: an organizer registers a device and gets its code and QR code once; revokes it on its page. */
class FleetViewKaribuIT extends KaribuViewTest {

    @Autowired
    TrainingFixture data;

    @BeforeEach
    void venues() {
        data.addVenuesAndProcedures();
    }

    @Test
    void organizerRegistersADeviceAndSeesTheCodeTheCommandAndTheQrCodeOnce() {
        signIn("hoanhmo.organizer");
        navigate("devices");
        _click(_get(Button.class, s -> s.withId("device-register")));
        @SuppressWarnings("unchecked")
        Select<VenueData> venue = _get(Select.class, s -> s.withId("device-venue"));
        List<VenueData> offered = venue.getListDataView().getItems().toList();
        assertThat(offered).extracting(VenueData::name).containsExactly("Hội trường UBND xã Hoành Mô",
                "Nhà văn hóa bản Khe Mạ", "Nhà văn hóa bản Pắc Pộc");
        _setValue(venue, offered.get(1));
        _click(_get(Button.class, s -> s.withId("device-register-save")));

        String code = _get(Span.class, s -> s.withId("device-code")).getText();
        assertThat(code).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertThat(_get(Pre.class, s -> s.withId("device-code-command")).getText())
                .startsWith("java -jar dvctt-edge-agent.jar enroll ").endsWith(" " + code);
        assertThat(_get(Image.class, s -> s.withId("device-code-qr")).getSrc()).startsWith("data:image/png;base64,");
        _click(_get(Button.class, s -> s.withId("device-code-close")));

        assertThat(rows()).singleElement().satisfies(d -> {
            assertThat(d.venueName()).isEqualTo("Nhà văn hóa bản Khe Mạ");
            assertThat(d.state()).isEqualTo(DeviceState.PENDING);
        });
        assertThat(_find(Span.class, s -> s.withId("device-code"))).as("shown once").isEmpty();
    }

    @Test
    void aLeaderSeesTheFleetButRegistersNothingAndAnOrganizerRevokesOnTheDevicePage() {
        signIn("hoanhmo.organizer");
        navigate("devices");
        _click(_get(Button.class, s -> s.withId("device-register")));
        @SuppressWarnings("unchecked")
        Select<VenueData> venue = _get(Select.class, s -> s.withId("device-venue"));
        _setValue(venue, venue.getListDataView().getItems().findFirst().orElseThrow());
        _click(_get(Button.class, s -> s.withId("device-register-save")));
        String deviceId = rows().get(0).deviceId();

        signIn("qn.leader");
        navigate("devices");
        assertThat(rows()).extracting(DeviceData::deviceId).containsExactly(deviceId);
        assertThat(_find(Button.class, s -> s.withId("device-register"))).isEmpty();
        navigate("devices/" + deviceId);
        assertThat(_find(Button.class, s -> s.withId("device-revoke"))).isEmpty();

        signIn("hoanhmo.organizer");
        navigate("devices/" + deviceId);
        assertThat(_get(Span.class, s -> s.withId("device-state")).getText()).startsWith("Chờ kích hoạt");
        _click(_get(Button.class, s -> s.withId("device-revoke")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("device-revoke-confirm")));
        assertThat(_get(Span.class, s -> s.withId("device-state")).getText()).isEqualTo("Đã thu hồi");
    }

    @SuppressWarnings("unchecked")
    private static List<DeviceData> rows() {
        Grid<DeviceData> grid = _get(Grid.class, s -> s.withId("device-grid"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }
}
