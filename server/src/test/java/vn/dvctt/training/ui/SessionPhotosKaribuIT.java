package vn.dvctt.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static vn.dvctt.training.TrainingFixture.day;
import static vn.dvctt.training.TrainingFixture.plan;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import vn.dvctt.media.ImageService;
import vn.dvctt.media.StoredImage;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.training.TrainingFixture;
import vn.dvctt.training.TrainingService;
import vn.dvctt.ui.KaribuViewTest;

/** Photos uploaded from the session dialog; the media feature is a mock here (it is tested on its own). */
class SessionPhotosKaribuIT extends KaribuViewTest {

    @MockitoBean
    ImageService images;
    @Autowired
    TrainingFixture data;
    @Autowired
    TrainingService training;

    @BeforeEach
    void heldSession() throws Exception {
        data.addVenuesAndProcedures();
        data.fixture.as("pacpoc.member", () -> training.markHeld(
                training.schedule(plan(data.pacPoc, day(0, 0), 1, "Buổi có ảnh")).id()));
        when(images.accept(any(), eq("buoi.jpg"))).thenReturn(new StoredImage("a".repeat(64), "b".repeat(64),
                "image/jpeg", 1600, 1200, 250_000));
        when(images.accept(any(), eq("tai-lieu.pdf"))).thenThrow(new InvalidInputException(
                "import.problem.UNREADABLE_FILE", "Not an image", "tai-lieu.pdf"));
    }

    @Test
    void anUploadedPhotoShowsAsAThumbnailAndARefusalIsExplained() {
        signIn("pacpoc.member");
        navigate("training");
        _click(_get(Button.class, s -> s.withText("00:00 Buổi có ảnh")));
        assertThat(_find(Image.class)).isEmpty();

        UploadKt._upload(_get(Upload.class, s -> s.withId("session-photo-upload")), "tai-lieu.pdf",
                "application/pdf", new byte[] {1});
        assertThat(_get(Span.class, s -> s.withId("session-error")).getText())
                .isEqualTo("Không đọc được tệp: tai-lieu.pdf");

        UploadKt._upload(_get(Upload.class, s -> s.withId("session-photo-upload")), "buoi.jpg", "image/jpeg",
                new byte[] {1, 2, 3});
        assertThat(_get(Span.class, s -> s.withId("session-error")).getText()).isEmpty();
        assertThat(_find(Image.class)).singleElement()
                .satisfies(i -> assertThat(i.getAlt()).contains("Ảnh buổi tập huấn"));
    }
}
