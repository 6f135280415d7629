package vn.dvctt.venue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.ui.KaribuViewTest;
import vn.dvctt.venue.VenueData;

/** Keeping the list of venues: search without accents, add in a dialog, refusals explained. */
class VenuesViewKaribuIT extends KaribuViewTest {

    @Autowired
    TrainingFixture data;

    @BeforeEach
    void venues() {
        data.addVenuesAndProcedures();
    }

    @Test
    void organizerAddsAVenueAndFindsItWithoutAccents() {
        signIn("hoanhmo.organizer");
        navigate("venues");
        _click(_get(Button.class, s -> s.withId("venue-add")));
        pickUnit("khe ma", "Bản Khe Mạ — Xã Hoành Mô");
        _setValue(_get(TextField.class, s -> s.withId("venue-name")), "Nhà văn hóa cũ bản Khe Mạ");
        _setValue(_get(IntegerField.class, s -> s.withId("venue-capacity")), 30);
        _click(_get(Button.class, s -> s.withId("venue-save")));

        _setValue(_get(TextField.class, s -> s.withId("venue-search")), "nha van hoa cu");
        assertThat(names()).containsExactly("Nhà văn hóa cũ bản Khe Mạ");
        _setValue(_get(TextField.class, s -> s.withId("venue-search")), "");
        assertThat(names()).containsExactly("Hội trường UBND xã Hoành Mô", "Nhà văn hóa bản Khe Mạ",
                "Nhà văn hóa bản Pắc Pộc", "Nhà văn hóa cũ bản Khe Mạ");
    }

    @Test
    void aRefusedVenueIsExplainedAndTheDialogKeepsWhatWasTyped() {
        signIn("hoanhmo.organizer");
        navigate("venues");
        _click(_get(Button.class, s -> s.withId("venue-add")));
        pickUnit("pac poc", "Bản Pắc Pộc — Xã Hoành Mô");
        _setValue(_get(TextField.class, s -> s.withId("venue-name")), "Nhà văn hóa mới");
        _click(_get(Button.class, s -> s.withId("venue-save")));
        assertThat(_get(Span.class, s -> s.withId("venue-error")).getText())
                .isEqualTo("Sức chứa phải từ 1 đến 5.000 người");
        assertThat(_get(TextField.class, s -> s.withId("venue-name")).getValue()).isEqualTo("Nhà văn hóa mới");
    }

    @Test
    void aTeamMemberSeesHisVillageOnlyAndALeaderCannotAdd() {
        signIn("pacpoc.member");
        navigate("venues");
        assertThat(names()).containsExactly("Nhà văn hóa bản Pắc Pộc");
        signIn("qn.leader");
        navigate("venues");
        assertThat(names()).hasSize(4);
        assertThat(_find(Button.class, s -> s.withId("venue-add"))).isEmpty();
    }

    private static void pickUnit(String typed, String label) {
        @SuppressWarnings("unchecked")
        ComboBox<UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("venue-unit"));
        ComboBoxKt.setUserInput(unit, typed);
        List<String> labels = ComboBoxKt.getSuggestions(unit);
        assertThat(labels).contains(label);
        _setValue(unit, ComboBoxKt.getSuggestionItems(unit).get(labels.indexOf(label)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> names() {
        Grid<VenueData> grid = _get(Grid.class, s -> s.withId("venue-grid"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).name()).toList();
    }
}
