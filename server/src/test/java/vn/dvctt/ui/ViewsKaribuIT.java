package vn.dvctt.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.security.Role;
import vn.dvctt.security.UserData;

class ViewsKaribuIT extends KaribuViewTest {

    @Autowired
    AdminUnitService units;

    @Test
    void loginPageSpeaksVietnameseByDefault() {
        openBrowser();
        navigate("login");
        assertThat(_get(H1.class, s -> { }).getText()).isEqualTo("Đưa dịch vụ công trực tuyến đến người dân");
        String labels = String.valueOf(_get(LoginForm.class, s -> { }).getElement().getPropertyRaw("i18n"));
        assertThat(labels).contains("Đăng nhập", "Tên đăng nhập", "Mật khẩu");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        openBrowser();
        navigate("units");
        assertThat(_find(LoginForm.class)).hasSize(1);
        assertThat(_find(TextField.class, s -> s.withId("unit-search"))).isEmpty();
    }

    @Test
    void organizerFindsHisCommuneWithoutAccentsAndOpensIt() {
        signIn("qn.organizer");
        navigate("units");
        _setValue(_get(TextField.class, s -> s.withId("unit-search")), "hoanh mo");
        @SuppressWarnings("unchecked")
        Grid<UnitSearchHit> hits = _get(Grid.class, s -> s.withId("unit-hits"));
        assertThat(GridKt._size(hits)).isEqualTo(1);
        assertThat(GridKt._get(hits, 0).unit().displayName()).isEqualTo("Xã Hoành Mô");
        Button open = (Button) ((com.vaadin.flow.component.HasComponents) GridKt._getCellComponent(hits, 0, "name"))
                .getElement().getChild(0).getComponent().orElseThrow();
        _click(open);
        assertThat(_get(H2.class, s -> s.withId("unit-title")).getText()).isEqualTo("Xã Hoành Mô");
    }

    @Test
    void communeOrganizerLearnsNothingAboutAnotherProvince() {
        signIn("hoanhmo.organizer");
        navigate("units");
        _setValue(_get(TextField.class, s -> s.withId("unit-search")), "quang son");
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("unit-hits")))).isZero();
        navigate("units/24616");
        assertThat(_get(H2.class, s -> { }).getText()).startsWith("Không tìm thấy đơn vị 24616");
        assertThat(_find(Grid.class, s -> s.withId("unit-children"))).isEmpty();
    }

    @Test
    void leaderReadsButCannotEditWhileTheAdministratorCan() {
        signIn("qn.leader");
        navigate("units/06757");
        assertThat(_get(H2.class, s -> s.withId("unit-title")).getText()).isEqualTo("Xã Hoành Mô");
        assertThat(_find(Button.class, s -> s.withId("unit-rename"))).isEmpty();
        MockVaadin.tearDown();
        signIn("qn.admin");
        navigate("units/06757");
        assertThat(_find(Button.class, s -> s.withId("unit-rename"))).hasSize(1);
        assertThat(_find(Button.class, s -> s.withId("unit-add-child"))).hasSize(1);
    }

    @Test
    void leaderHasNoUserManagementInHisNavigation() {
        signIn("qn.leader");
        navigate("");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList())
                .contains("Tổng quan", "Đơn vị hành chính").doesNotContain("Người dùng", "Nhật ký thay đổi");
        navigate("users");
        // Vaadin's access control refuses the view; Karibu reports the refusal on the next lookup.
        assertThatThrownBy(() -> _find(Grid.class, s -> s.withId("user-grid")))
                .hasMessageContaining("AccessDeniedException");
    }

    @Test
    void organizerCreatesATeamMemberAndSeesHisPasswordOnce() {
        signIn("qn.organizer");
        navigate("users");
        _click(_get(Button.class, s -> s.withId("user-create")));
        _setValue(_get(TextField.class, s -> s.withId("user-username")), "thanhvien.pacpoc");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, s -> s.withId("user-role"));
        assertThat(role.getListDataView().getItems().toList()).doesNotContain(Role.ADMIN);
        _setValue(role, Role.TEAM_MEMBER);
        UnitSearchHit pacPoc = fixture.as("qn.organizer", () -> units.search("pac poc", 1)).get(0);
        @SuppressWarnings("unchecked")
        ComboBox<UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("user-unit"));
        _setValue(unit, pacPoc);
        _click(_get(Button.class, s -> s.withId("user-save")));
        assertThat(_get(Span.class, s -> s.withId("user-initial-password")).getText()).matches("[A-Za-z0-9-]{16}");
        @SuppressWarnings("unchecked")
        Grid<UserData> grid = _get(Grid.class, s -> s.withId("user-grid"));
        List<String> names = GridKt._findAll(grid).stream().map(UserData::username).toList();
        assertThat(names).contains("thanhvien.pacpoc");
    }

    @Test
    void teamMemberFindsAnEssentialProcedureWithoutAccentsButCannotImport() {
        fixture.as("root.admin", () -> procedures.importFile(new java.io.ByteArrayInputStream(
                "code,name,field,essential,online\n1.001193,Đăng ký khai sinh,Hộ tịch,Có,Toàn trình\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "p.csv"));
        signIn("pacpoc.member");
        navigate("procedures");
        assertThat(_find(Button.class, s -> s.withId("procedure-import"))).isEmpty();
        _setValue(_get(TextField.class, s -> s.withId("procedure-search")), "dang ky khai sinh");
        @SuppressWarnings("unchecked")
        Grid<vn.dvctt.procedure.ProcedureData> grid = _get(Grid.class, s -> s.withId("procedure-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).name()).isEqualTo("Đăng ký khai sinh");
    }

    @Autowired
    vn.dvctt.procedure.ProcedureService procedures;

    @Test
    void treeOpensOnTheUsersOwnUnitWithChildrenInVietnameseOrder() {
        signIn("qn.organizer");
        navigate("units");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.treegrid.TreeGrid<vn.dvctt.geo.UnitData> tree =
                _get(com.vaadin.flow.component.treegrid.TreeGrid.class, s -> s.withId("unit-tree"));
        assertThat(GridKt._size(tree)).isEqualTo(3);
        assertThat(List.of(GridKt._get(tree, 0), GridKt._get(tree, 1), GridKt._get(tree, 2)))
                .extracting(vn.dvctt.geo.UnitData::displayName)
                .containsExactly("Tỉnh Quảng Ninh", "Huyện Bình Liêu", "Thành phố Hạ Long");
    }

    @Test
    void communeOrganizerAddsVillagesToHisCommuneButDoesNotRenameIt() {
        signIn("hoanhmo.organizer");
        navigate("units/06757");
        assertThat(_find(Button.class, s -> s.withId("unit-add-child"))).hasSize(1);
        assertThat(_find(Button.class, s -> s.withId("unit-rename"))).isEmpty();
        navigate("units/06757-01");
        assertThat(_find(com.vaadin.flow.router.RouterLink.class).stream().map(com.vaadin.flow.router.RouterLink::getText)
                .toList()).as("breadcrumb back to his own commune").contains("Xã Hoành Mô");
    }

    @Test
    void aTakenUserNameIsExplainedInVietnamese() {
        signIn("qn.organizer");
        navigate("users");
        _click(_get(Button.class, s -> s.withId("user-create")));
        _setValue(_get(TextField.class, s -> s.withId("user-username")), "pacpoc.member");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, s -> s.withId("user-role"));
        _setValue(role, Role.TEAM_MEMBER);
        @SuppressWarnings("unchecked")
        ComboBox<UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("user-unit"));
        _setValue(unit, fixture.as("qn.organizer", () -> units.search("pac poc", 1)).get(0));
        _click(_get(Button.class, s -> s.withId("user-save")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "Tên đăng nhập pacpoc.member đã có người dùng");
    }
}
