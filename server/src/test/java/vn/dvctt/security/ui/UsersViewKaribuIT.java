package vn.dvctt.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.security.Role;
import vn.dvctt.security.UserData;
import vn.dvctt.ui.KaribuViewTest;

/** User management as organizers and administrators do it: create, hand over the password, lock, reset. */
class UsersViewKaribuIT extends KaribuViewTest {

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void theShownPasswordSignsTheNewMemberIn() {
        signIn("qn.organizer");
        navigate("users");
        openCreateDialog();
        _setValue(_get(TextField.class, s -> s.withId("user-username")), "thanhvien.pacpoc");
        ComboBoxKt.selectByLabel(roleSelect(), "Thành viên tổ công nghệ số");
        pickUnit("pac poc", "Bản Pắc Pộc — Xã Hoành Mô");
        _click(_get(Button.class, s -> s.withId("user-save")));

        String shown = _get(Span.class, s -> s.withId("user-initial-password")).getText();
        assertThat(signsIn("thanhvien.pacpoc", shown)).isTrue();
        UserData created = row("thanhvien.pacpoc");
        assertThat(created.role()).isEqualTo(Role.TEAM_MEMBER);
        assertThat(created.unitCode()).isEqualTo("06757-01");
        assertThat(GridKt._getFormattedRow(grid(), created)).contains("Thành viên tổ công nghệ số");
    }

    @Test
    void communeOrganizerCanPlaceUsersOnlyInsideHisCommune() {
        signIn("hoanhmo.organizer");
        navigate("users");
        openCreateDialog();
        @SuppressWarnings("unchecked")
        ComboBox<UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("user-unit"));
        ComboBoxKt.setUserInput(unit, "quang son");
        assertThat(ComboBoxKt.getSuggestions(unit)).isEmpty();
        ComboBoxKt.setUserInput(unit, "06757");
        // his own commune is not offered: organizers create users strictly below their unit
        assertThat(ComboBoxKt.getSuggestions(unit)).containsExactly(
                "Bản Khe Mạ — Xã Hoành Mô", "Bản Pắc Pộc — Xã Hoành Mô");
    }

    @Test
    void onlyAdministratorsMayCreateAdministrators() {
        signIn("qn.organizer");
        navigate("users");
        openCreateDialog();
        assertThat(ComboBoxKt.getSuggestions(roleSelect()))
                .containsExactlyInAnyOrder("Cán bộ tổ chức", "Thành viên tổ công nghệ số", "Lãnh đạo");
        MockVaadin.tearDown();
        signIn("qn.admin");
        navigate("users");
        openCreateDialog();
        assertThat(ComboBoxKt.getSuggestions(roleSelect())).contains("Quản trị");
    }

    @Test
    void savingWithoutRoleOrUnitAsksForThemInVietnamese() {
        signIn("qn.organizer");
        navigate("users");
        openCreateDialog();
        _setValue(_get(TextField.class, s -> s.withId("user-username")), "chua.du");
        _click(_get(Button.class, s -> s.withId("user-save")));

        NotificationsKt.expectNotifications("Chọn vai trò và đơn vị");
        assertThat(_find(TextField.class, s -> s.withId("user-username"))).as("the dialog stays open").hasSize(1);
        assertThat(usernames()).doesNotContain("chua.du");
    }

    @Test
    void communeOrganizerListsOnlyTheUsersOfHisCommune() {
        signIn("hoanhmo.organizer");
        navigate("users");
        assertThat(usernames()).containsExactlyInAnyOrder("hoanhmo.organizer", "pacpoc.member");
    }

    @Test
    void organizerMayLockAndResetOnlyUsersBelowHisOwnUnit() {
        signIn("qn.organizer");
        navigate("users");
        assertThat(usernames()).contains("qn.admin", "qn.leader", "qn.organizer").doesNotContain("root.admin");
        assertThat(actions("qn.organizer")).as("nobody locks himself out").isEmpty();
        assertThat(actions("qn.admin")).isEmpty();
        assertThat(actions("qn.leader")).as("a leader of the same province is not below him").isEmpty();
        assertThat(actions("hoanhmo.organizer").stream().map(Button::getText))
                .containsExactly("Khóa", "Cấp lại mật khẩu", "Thư điện tử");
    }

    @Test
    void organizerGivesACommuneOfficerTheAddressHisRemindersAreMailedTo() {
        signIn("qn.organizer");
        navigate("users");
        Button email = actions("hoanhmo.organizer").stream().filter(b -> b.getText().equals("Thư điện tử"))
                .findFirst().orElseThrow();
        com.github.mvysny.kaributesting.v10.LocatorJ._click(email);
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(com.github.mvysny.kaributesting.v10.LocatorJ._get(
                com.vaadin.flow.component.textfield.EmailField.class, s -> s.withId("user-email")), "hoanhmo@example.gov.vn");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(com.github.mvysny.kaributesting.v10.LocatorJ._get(
                Button.class, s -> s.withText("Lưu")));
        assertThat(fixture.as("qn.organizer", () -> users.list()).stream()
                .filter(u -> u.username().equals("hoanhmo.organizer")).findFirst().orElseThrow().email())
                .isEqualTo("hoanhmo@example.gov.vn");
        long leader = fixture.as("qn.admin", () -> fixture.userId("qn.leader"));
        long officer = fixture.as("qn.admin", () -> fixture.userId("hoanhmo.organizer"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> fixture.as("hoanhmo.organizer",
                () -> users.setEmail(leader, "x@y.vn"))))
                .as("nobody sets the address of a user above him")
                .isInstanceOf(vn.dvctt.security.OutsideScopeException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> fixture.as("qn.organizer",
                () -> users.setEmail(officer, "not an address"))))
                .isInstanceOf(vn.dvctt.shared.InvalidInputException.class);
    }

    @org.springframework.beans.factory.annotation.Autowired
    vn.dvctt.security.UserService users;

    @Test
    void lockingAMemberShowsHimLockedAndKeepsHimOut() {
        signIn("qn.organizer");
        navigate("users");
        assertThat(status("pacpoc.member")).isEqualTo("Đang hoạt động");
        _click(action("pacpoc.member", "Khóa"));

        assertThat(status("pacpoc.member")).isEqualTo("Đã khóa");
        assertThat(actions("pacpoc.member").stream().map(Button::getText)).contains("Mở khóa");
        assertThat(userDetails.loadUserByUsername("pacpoc.member").isEnabled()).isFalse();
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        signIn("qn.organizer");
        navigate("users");
        String old = fixture.password("pacpoc.member");
        assertThat(signsIn("pacpoc.member", old)).isTrue();
        _click(action("pacpoc.member", "Cấp lại mật khẩu"));

        String shown = _get(Span.class, s -> s.withId("user-initial-password")).getText();
        assertThat(shown).isNotEqualTo(old);
        assertThat(signsIn("pacpoc.member", shown)).isTrue();
        assertThat(signsIn("pacpoc.member", old)).isFalse();
    }

    private boolean signsIn(String username, String password) {
        return passwordEncoder.matches(password, userDetails.loadUserByUsername(username).getPassword());
    }

    private static void openCreateDialog() {
        _click(_get(Button.class, s -> s.withId("user-create")));
    }

    @SuppressWarnings("unchecked")
    private static Select<Role> roleSelect() {
        return _get(Select.class, s -> s.withId("user-role"));
    }

    /** Types into the unit box and picks the suggestion with this label, as a user would. */
    private static void pickUnit(String typed, String label) {
        @SuppressWarnings("unchecked")
        ComboBox<UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("user-unit"));
        ComboBoxKt.setUserInput(unit, typed);
        List<String> labels = ComboBoxKt.getSuggestions(unit);
        assertThat(labels).contains(label);
        _setValue(unit, ComboBoxKt.getSuggestionItems(unit).get(labels.indexOf(label)));
    }

    @SuppressWarnings("unchecked")
    private static Grid<UserData> grid() {
        return _get(Grid.class, s -> s.withId("user-grid"));
    }

    private static List<String> usernames() {
        return GridKt._findAll(grid()).stream().map(UserData::username).toList();
    }

    private static UserData row(String username) {
        return GridKt._findAll(grid()).stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private static String status(String username) {
        Grid<UserData> grid = grid();
        return ((Span) cell(GridKt._getColumnByHeader(grid, "Trạng thái"), row(username))).getText();
    }

    /** The buttons in the user's row, rendered as the browser would get them. */
    private static List<Button> actions(String username) {
        Grid<UserData> grid = grid();
        Grid.Column<UserData> last = grid.getColumns().get(grid.getColumns().size() - 1);
        return _find(cell(last, row(username)), Button.class);
    }

    /** What a component column shows for this user, made by the column's own renderer. */
    @SuppressWarnings("unchecked")
    private static Component cell(Grid.Column<UserData> column, UserData user) {
        return ((ComponentRenderer<? extends Component, UserData>) column.getRenderer()).createComponent(user);
    }

    private static Button action(String username, String label) {
        return actions(username).stream().filter(b -> b.getText().equals(label)).findFirst().orElseThrow();
    }
}
