package vn.dvctt.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dvctt.ui.KaribuViewTest;

/** The sign-in page: its language, and what it says after Spring Security sent the user back. */
class LoginViewKaribuIT extends KaribuViewTest {

    @Test
    void choosingEnglishIsRememberedByTheBrowserAndTurnsThePageEnglish() {
        openBrowser();
        navigate("login");
        assertThat(loginLabels()).contains("Đăng nhập");

        _click(_get(Button.class, s -> s.withId("lang-en")));

        Cookie choice = response().findCookie("dvctt-lang");
        assertThat(choice).as("the language cookie set on the response").isNotNull();
        assertThat(choice.getValue()).isEqualTo("en");
        assertThat(choice.getPath()).isEqualTo("/");
        assertThat(Duration.ofSeconds(choice.getMaxAge())).isGreaterThan(Duration.ofDays(30));
        // The page reloads; the browser now sends the cookie along, as it will on every later visit.
        request().addCookie(choice);
        UI.getCurrent().getPage().reload();

        assertThat(_get(H1.class).getText()).isEqualTo("Bringing online public services to citizens");
        assertThat(loginLabels()).contains("Sign in", "User name", "Password").doesNotContain("Đăng nhập");
        assertThat(_get(Button.class, s -> s.withId("lang-en")).getThemeNames()).contains("primary");
        assertThat(_get(Button.class, s -> s.withId("lang-vi")).getThemeNames()).doesNotContain("primary");
    }

    @Test
    void aFailedSignInIsExplainedInVietnamese() {
        openBrowser();
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(loginLabels()).contains("Sai tên đăng nhập hoặc mật khẩu",
                "Kiểm tra lại tên đăng nhập và mật khẩu rồi thử lại.");
        assertThat(_find(Paragraph.class, s -> s.withClasses("login-locked"))).isEmpty();
    }

    @Test
    void aLockedAccountIsToldToWaitRatherThanThatThePasswordIsWrong() {
        openBrowser();
        navigate("login");
        assertThat(_find(Paragraph.class, s -> s.withClasses("login-locked"))).isEmpty();

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("locked", "")));

        assertThat(_get(Paragraph.class, s -> s.withClasses("login-locked")).getText())
                .isEqualTo("Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ít phút.");
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    private static String loginLabels() {
        return String.valueOf(_get(LoginForm.class).getElement().getPropertyRaw("i18n"));
    }

    // Karibu's fake servlet request and response, under however many Vaadin wrappers.
    private static FakeRequest request() {
        ServletRequest request = (ServletRequest) VaadinServletRequest.getCurrent();
        while (request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        return (FakeRequest) request;
    }

    private static FakeResponse response() {
        ServletResponse response = (ServletResponse) VaadinService.getCurrentResponse();
        while (response instanceof ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        return (FakeResponse) response;
    }
}
