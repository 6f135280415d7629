package vn.dvctt.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;
import vn.dvctt.shared.VietnameseText;

/** "VI | EN" in the header and on the login page. */
public class LanguageSwitch extends HorizontalLayout {

    public LanguageSwitch() {
        setSpacing(false);
        add(button("VI", VietnameseText.VIETNAMESE), button("EN", Translations.ENGLISH));
    }

    private Button button(String label, Locale locale) {
        Button b = new Button(label, e -> LocaleSelection.choose(locale));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setId("lang-" + locale.getLanguage());
        b.getElement().setAttribute("aria-label", locale.getDisplayLanguage(locale));
        return b;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        String current = event.getUI().getLocale().getLanguage();
        getChildren().forEach(c -> c.getElement().getThemeList().set("primary",
                c.getId().orElse("").equals("lang-" + current)));
    }
}
