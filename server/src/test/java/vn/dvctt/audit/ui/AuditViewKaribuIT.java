package vn.dvctt.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.audit.AuditEntry;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.ui.KaribuViewTest;

/** The audit log page: who changed what, limited to the administrator's own province. */
class AuditViewKaribuIT extends KaribuViewTest {

    @Autowired
    AdminUnitService units;

    @Test
    void provinceAdministratorReadsRenamesInHisProvinceOnly() {
        fixture.as("root.admin", () -> {
            units.rename(units.get("06757").id(), "Hoành Mô Mới");
            units.rename(units.get("24616").id(), "Quảng Sơn Mới");
        });

        signIn("qn.admin");
        navigate("audit");
        List<List<String>> renames = renames();
        assertThat(renames).hasSize(1);
        List<String> rename = renames.get(0);
        assertThat(rename.get(0)).as("when, in Vietnam's time").matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(rename.subList(1, rename.size()))
                .containsExactly("root.admin", "RENAME", "AdminUnit 06757", "Hoành Mô", "Hoành Mô Mới");

        MockVaadin.tearDown();
        signIn("root.admin");
        navigate("audit");
        assertThat(renames()).extracting(row -> row.get(3)).containsExactlyInAnyOrder("AdminUnit 06757",
                "AdminUnit 24616");
    }

    private static List<List<String>> renames() {
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = _get(Grid.class, s -> s.withId("audit-grid"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i))
                .filter(row -> row.get(2).equals("RENAME")).toList();
    }
}
