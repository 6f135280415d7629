package vn.dvctt.geo.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.ui.KaribuViewTest;

/** The units page: the user's own part of the tree, and the search that replaces it while typing. */
class UnitsViewKaribuIT extends KaribuViewTest {

    @Test
    void searchHitSaysWhereTheCommuneLies() {
        signIn("qn.organizer");
        navigate("units");
        search("hoanh mo");
        assertThat(GridKt._size(hits())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(hits(), 0)).contains("Huyện Bình Liêu, Tỉnh Quảng Ninh", "06757");
    }

    @Test
    void aCodePrefixFindsTheCommuneAndThenItsVillagesInVietnameseOrder() {
        signIn("qn.organizer");
        navigate("units");
        search("06757");
        assertThat(hitNames()).containsExactly("Xã Hoành Mô", "Bản Khe Mạ", "Bản Pắc Pộc");
    }

    @Test
    void aSearchWithoutHitsSaysSoInVietnamese() {
        signIn("qn.organizer");
        navigate("units");
        search("khong co dau");
        assertThat(GridKt._size(hits())).isZero();
        assertThat(hits().getEmptyStateText()).isEqualTo("Không tìm thấy đơn vị nào");
    }

    @Test
    void clearingTheSearchBringsTheTreeBack() {
        signIn("qn.organizer");
        navigate("units");
        search("hoanh mo");
        assertThat(_find(TreeGrid.class, s -> s.withId("unit-tree"))).isEmpty();
        search("");
        assertThat(_find(TreeGrid.class, s -> s.withId("unit-tree"))).hasSize(1);
        assertThat(_find(Grid.class, s -> s.withId("unit-hits"))).isEmpty();
    }

    @Test
    void communeOrganizersTreeStartsAtHisCommune() {
        signIn("hoanhmo.organizer");
        navigate("units");
        @SuppressWarnings("unchecked")
        TreeGrid<UnitData> tree = _get(TreeGrid.class, s -> s.withId("unit-tree"));
        assertThat(GridKt._findAll(tree).stream().map(UnitData::displayName))
                .containsExactly("Xã Hoành Mô", "Bản Khe Mạ", "Bản Pắc Pộc");
    }

    @Test
    void onlyAdministratorsAreOfferedTheImport() {
        signIn("qn.organizer");
        navigate("units");
        assertThat(_find(Button.class, s -> s.withId("unit-import"))).isEmpty();
        signInAgain("qn.admin");
        navigate("units");
        assertThat(_get(Button.class, s -> s.withId("unit-import")).getText()).isEqualTo("Nhập từ tệp");
    }

    private void signInAgain(String username) {
        MockVaadin.tearDown();
        signIn(username);
    }

    private static void search(String text) {
        _setValue(_get(TextField.class, s -> s.withId("unit-search")), text);
    }

    @SuppressWarnings("unchecked")
    private static Grid<UnitSearchHit> hits() {
        return _get(Grid.class, s -> s.withId("unit-hits"));
    }

    private static List<String> hitNames() {
        return GridKt._findAll(hits()).stream().map(h -> h.unit().displayName()).toList();
    }
}
