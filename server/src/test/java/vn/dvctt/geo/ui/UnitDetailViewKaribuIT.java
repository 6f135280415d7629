package vn.dvctt.geo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNoDialogs;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt;
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvctt.geo.UnitData;
import vn.dvctt.ui.KaribuViewTest;

/** One unit's page: what it shows, to whom, and the two changes it offers. */
class UnitDetailViewKaribuIT extends KaribuViewTest {

    @Test
    void administratorRenamesACommuneAndSeesTheNewName() {
        signIn("qn.admin");
        navigate("units/06757");
        _click(_get(Button.class, s -> s.withId("unit-rename")));
        Dialog dialog = _get(Dialog.class);
        TextField name = _get(dialog, TextField.class, s -> s.withLabel("Tên"));
        assertThat(name.getValue()).isEqualTo("Hoành Mô");
        _setValue(name, "Hoành Mô Mới");
        _click(_get(Button.class, s -> s.withText("Lưu")));

        _assertNoDialogs();
        assertThat(title()).isEqualTo("Xã Hoành Mô Mới");
        navigate("units/06757");
        assertThat(title()).isEqualTo("Xã Hoành Mô Mới");
    }

    @Test
    void anEmptyNameIsRefusedInVietnameseAndNothingChanges() {
        signIn("qn.admin");
        navigate("units/06757");
        _click(_get(Button.class, s -> s.withId("unit-rename")));
        TextField name = _get(_get(Dialog.class), TextField.class, s -> s.withLabel("Tên"));
        _setValue(name, "   ");
        _click(_get(Button.class, s -> s.withText("Lưu")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Tên từ 1 đến 200 ký tự");
        assertThat(_find(Dialog.class)).hasSize(1);
        navigate("units/06757");
        assertThat(title()).isEqualTo("Xã Hoành Mô");
    }

    @Test
    void administratorAddsAVillageThatShowsAmongTheChildren() {
        signIn("qn.admin");
        navigate("units/06757");
        assertThat(childNames()).containsExactly("Bản Khe Mạ", "Bản Pắc Pộc");
        _click(_get(Button.class, s -> s.withId("unit-add-child")));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextField.class, s -> s.withLabel("Mã")), "06757-03");
        _setValue(_get(dialog, TextField.class, s -> s.withLabel("Tên")), "Nà Làng");
        @SuppressWarnings("unchecked")
        Select<vn.dvctt.geo.UnitType> type = _get(dialog, Select.class, s -> s.withLabel("Loại"));
        assertThat(ComboBoxKt.getSuggestions(type)).contains("Bản", "Thôn").doesNotContain("Tỉnh", "Huyện", "Xã");
        ComboBoxKt.selectByLabel(type, "Bản");
        _click(_get(Button.class, s -> s.withText("Lưu")));

        _assertNoDialogs();
        assertThat(childNames()).containsExactly("Bản Khe Mạ", "Bản Nà Làng", "Bản Pắc Pộc");
    }

    @Test
    void provinceOrganizerMayChangeHisCommunesButNotHisProvince() {
        signIn("qn.organizer");
        navigate("units/22");
        assertThat(title()).isEqualTo("Tỉnh Quảng Ninh");
        assertThat(_find(Button.class, s -> s.withId("unit-rename"))).isEmpty();
        // adding below his own unit is allowed, as the service allows it
        assertThat(_find(Button.class, s -> s.withId("unit-add-child"))).hasSize(1);
        navigate("units/06757");
        assertThat(_find(Button.class, s -> s.withId("unit-rename"))).hasSize(1);
        assertThat(_find(Button.class, s -> s.withId("unit-add-child"))).hasSize(1);
    }

    @Test
    void leaderReadsTheVillagesButIsOfferedNoChange() {
        signIn("qn.leader");
        navigate("units/06757");
        assertThat(childNames()).containsExactly("Bản Khe Mạ", "Bản Pắc Pộc");
        assertThat(_find(Button.class, s -> s.withId("unit-rename"))).isEmpty();
        assertThat(_find(Button.class, s -> s.withId("unit-add-child"))).isEmpty();
    }

    @Test
    void anotherProvincesUnitLooksExactlyLikeOneThatDoesNotExist() {
        signIn("hoanhmo.organizer");
        navigate("units/24616");
        String foreign = onlyHeading();
        String foreignPage = PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
        String foreignTitle = UI.getCurrent().getInternals().getTitle();
        navigate("units/99999");
        String missing = onlyHeading();

        assertThat(foreign).isEqualTo("Không tìm thấy đơn vị 24616 trong địa bàn của bạn");
        assertThat(missing).isEqualTo(foreign.replace("24616", "99999"));
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(foreignTitle).isEqualTo("Đơn vị hành chính");
        assertThat(foreignPage).doesNotContain("Quảng Sơn", "Đắk Nông");
    }

    @Test
    void breadcrumbLeadsBackUpToTheCommune() {
        signIn("qn.organizer");
        navigate("units/06757-01");
        assertThat(title()).isEqualTo("Bản Pắc Pộc");
        HorizontalLayout crumbs = _get(HorizontalLayout.class, s -> s.withClasses("breadcrumb"));
        assertThat(_find(crumbs, RouterLink.class).stream().map(RouterLink::getText))
                .startsWith("Đơn vị hành chính").endsWith("Huyện Bình Liêu", "Xã Hoành Mô");
        assertThat(_find(crumbs, Span.class).stream().map(Span::getText)).last().isEqualTo("Bản Pắc Pộc");

        RouterLinkKt._click(_get(crumbs, RouterLink.class, s -> s.withText("Xã Hoành Mô")));

        assertThat(title()).isEqualTo("Xã Hoành Mô");
    }

    @Test
    void communeOrganizersBreadcrumbShowsNothingAboveHisCommune() {
        signIn("hoanhmo.organizer");
        navigate("units/06757-01");
        HorizontalLayout crumbs = _get(HorizontalLayout.class, s -> s.withClasses("breadcrumb"));
        assertThat(PrettyPrintTreeKt.toPrettyTree(crumbs)).contains("Bản Pắc Pộc")
                .doesNotContain("Bình Liêu", "Quảng Ninh");
    }

    private static String title() {
        return _get(H2.class, s -> s.withId("unit-title")).getText();
    }

    /** The not-found page: one heading and nothing else, no breadcrumb, no facts, no children. */
    private static String onlyHeading() {
        UnitDetailView view = _get(UnitDetailView.class);
        assertThat(view.getComponentCount()).isEqualTo(1);
        assertThat(_find(Grid.class)).isEmpty();
        return ((H2) view.getComponentAt(0)).getText();
    }

    private static List<String> childNames() {
        @SuppressWarnings("unchecked")
        Grid<UnitData> children = _get(Grid.class, s -> s.withId("unit-children"));
        return GridKt._findAll(children).stream().map(UnitData::displayName).toList();
    }
}
