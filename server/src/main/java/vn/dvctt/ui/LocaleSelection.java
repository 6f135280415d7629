package vn.dvctt.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.dvctt.shared.VietnameseText;

/**
 * Every UI starts in Vietnamese whatever the browser says, unless the user picked English; the
 * choice is a cookie, so it survives logout and works on any server instance.
 */
@Component
public class LocaleSelection implements VaadinServiceInitListener {

    static final String COOKIE = "dvctt-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(fromRequest(VaadinRequest.getCurrent())));
    }

    static Locale fromRequest(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        boolean english = cookies != null && Arrays.stream(cookies)
                .anyMatch(c -> COOKIE.equals(c.getName()) && "en".equals(c.getValue()));
        return english ? Translations.ENGLISH : VietnameseText.VIETNAMESE;
    }

    /** Switches the current UI and remembers the choice for the next ones. */
    public static void choose(Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        if (VaadinService.getCurrentResponse() != null) {
            VaadinService.getCurrentResponse().addCookie(cookie);
        }
        UI.getCurrent().getPage().reload();
    }
}
