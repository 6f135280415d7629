package vn.dvctt.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import vn.dvctt.shared.VietnameseText;

class LocaleSelectionTest {

    @Test
    void vietnameseUnlessTheUserChoseEnglish() {
        VaadinRequest request = mock(VaadinRequest.class);
        assertThat(LocaleSelection.fromRequest(request)).isEqualTo(VietnameseText.VIETNAMESE);
        when(request.getCookies()).thenReturn(new Cookie[] {new Cookie("dvctt-lang", "en")});
        assertThat(LocaleSelection.fromRequest(request)).isEqualTo(Translations.ENGLISH);
        when(request.getCookies()).thenReturn(new Cookie[] {new Cookie("dvctt-lang", "fr")});
        assertThat(LocaleSelection.fromRequest(request)).isEqualTo(VietnameseText.VIETNAMESE);
    }

    @Test
    void everyVietnameseLabelHasAnEnglishOne() throws Exception {
        Translations translations = new Translations();
        assertThat(translations.keys().get(Translations.ENGLISH))
                .isEqualTo(translations.keys().get(VietnameseText.VIETNAMESE)).contains("login.title");
        assertThat(translations.getTranslation("login.title", Translations.ENGLISH)).isEqualTo("Sign in");
        assertThat(translations.getTranslation("login.title", java.util.Locale.GERMAN)).isEqualTo("Đăng nhập");
        assertThat(translations.getTranslation("home.area", VietnameseText.VIETNAMESE, "Xã Hoành Mô"))
                .isEqualTo("Địa bàn: Xã Hoành Mô");
    }
}
