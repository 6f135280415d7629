package vn.dvctt.guide.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.guide.FileStatus;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideFileData;
import vn.dvctt.guide.GuideFixture;
import vn.dvctt.guide.GuideService;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.guide.PublicationData;
import vn.dvctt.ui.KaribuViewTest;

/** The guide list and page as organizers, and as a team member who may only watch. */
class GuideViewsKaribuIT extends KaribuViewTest {

    @Autowired
    GuideFixture guidesData;
    @Autowired
    GuideService guides;

    @BeforeEach
    void venuesAndProcedures() {
        guidesData.data.addVenuesAndProcedures();
    }

    @Test
    void anOrganizerAddsAGuideAndFindsItWithoutAccentsAndByFilter() {
        signIn("qn.organizer");
        navigate("guides");
        _click(_get(Button.class, s -> s.withId("guide-add")));
        _setValue(_get(TextField.class, s -> s.withId("guide-new-title")), "Đăng ký khai sinh cho trẻ em");
        _setValue(_get(Checkbox.class, s -> s.withId("guide-new-essential")), true);
        _click(_get(Button.class, s -> s.withId("guide-new-save")));
        assertThat(_get(H2.class, s -> s.withId("guide-heading")).getText()).isEqualTo("Đăng ký khai sinh cho trẻ em");
        assertThat(_get(Span.class, s -> s.withId("guide-status")).getText()).isEqualTo("Dự kiến");

        navigate("guides");
        _setValue(_get(TextField.class, s -> s.withId("guide-search")), "dang ky khai sinh");
        assertThat(titles()).containsExactly("Đăng ký khai sinh cho trẻ em");
        @SuppressWarnings("unchecked")
        Select<GuideStatus> status = _get(Select.class, s -> s.withId("guide-status-filter"));
        _setValue(status, GuideStatus.PUBLISHED);
        assertThat(titles()).isEmpty();
    }

    @Test
    void aVideoUploadedOnThePageBecomesAVersionAndThePipelineButtonsPublishIt() {
        GuideData guide = guidesData.data.fixture.as("qn.organizer", () -> guides.create(
                guidesData.input("22", "Đăng ký thường trú", true, "1.004222")));
        signIn("qn.organizer");
        navigate("guide/" + guide.id().value());

        UploadKt._upload(_get(Upload.class, s -> s.withId("guide-video-upload")), "trang.html", "text/html",
                GuideFixture.text("<html></html>"));
        assertThat(_get(Span.class, s -> s.withId("guide-error")).getText())
                .isEqualTo("Tệp \"trang.html\" không phải video MP4 hoặc WebM");
        UploadKt._upload(_get(Upload.class, s -> s.withId("guide-video-upload")), "thuong-tru.mp4", "video/mp4",
                GuideFixture.mp4(600_000, 7));
        assertThat(versions()).extracting(GuideFileData::version, GuideFileData::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, FileStatus.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple(1, FileStatus.FAILED));
        assertThat(versions().get(0).chunkHashes()).hasSize(2);

        _click(_get(Button.class, s -> s.withId("guide-move-IN_PRODUCTION")));
        _click(_get(Button.class, s -> s.withId("guide-move-IN_REVIEW")));
        assertThat(_find(Button.class, s -> s.withId("guide-move-RETIRED"))).isEmpty();
        _click(_get(Button.class, s -> s.withId("guide-move-PUBLISHED")));
        assertThat(_get(Span.class, s -> s.withId("guide-status")).getText()).isEqualTo("Đã phát hành");
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("guide-history")))).isEqualTo(4);

        @SuppressWarnings("unchecked")
        ComboBox<UnitSearchHit> unit = _get(ComboBox.class, s -> s.withId("guide-publication-unit"));
        ComboBoxKt.setUserInput(unit, "hoanh mo");
        List<String> labels = ComboBoxKt.getSuggestions(unit);
        _setValue(unit, ComboBoxKt.getSuggestionItems(unit).get(IntStream.range(0, labels.size())
                .filter(i -> labels.get(i).startsWith("Xã Hoành Mô")).findFirst().orElseThrow()));
        _click(_get(Button.class, s -> s.withId("guide-publication-add")));
        @SuppressWarnings("unchecked")
        Grid<PublicationData> rules = _get(Grid.class, s -> s.withId("guide-publications"));
        assertThat(GridKt._get(rules, 0).targetName()).isEqualTo("Xã Hoành Mô");
        assertThat(GuideView.window(GridKt._get(rules, 0).window())).isEqualTo("22:00–05:00");
    }

    @Test
    void aTeamMemberSeesOnlyPublishedGuidesAndCannotChangeThem() {
        GuideData published = guidesData.published("qn.organizer",
                guidesData.input("22", "Thanh toán trực tuyến", false), GuideFixture.mp4(20_000, 8));
        guidesData.data.fixture.as("qn.organizer", () -> guides.create(guidesData.input("22", "Clip đang làm", false)));
        signIn("pacpoc.member");
        navigate("guides");
        assertThat(titles()).containsExactly("Thanh toán trực tuyến");
        assertThat(_find(Button.class, s -> s.withId("guide-add"))).isEmpty();

        navigate("guide/" + published.id().value());
        assertThat(_get(H2.class, s -> s.withId("guide-heading")).getText()).isEqualTo("Thanh toán trực tuyến");
        assertThat(_find(Button.class, s -> s.withId("guide-save"))).isEmpty();
        assertThat(_find(Upload.class)).isEmpty();
        assertThat(_find(Grid.class, s -> s.withId("guide-history"))).isEmpty();
        assertThat(hasVideoElement(_get(GuideView.class).getElement())).as("a video player on the page").isTrue();
    }

    private static boolean hasVideoElement(com.vaadin.flow.dom.Element element) {
        return !element.isTextNode() && element.getTag().equals("video")
                || element.getChildren().anyMatch(GuideViewsKaribuIT::hasVideoElement);
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles() {
        Grid<GuideData> grid = _get(Grid.class, s -> s.withId("guide-grid"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).title()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<GuideFileData> versions() {
        Grid<GuideFileData> grid = _get(Grid.class, s -> s.withId("guide-versions"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
    }
}
