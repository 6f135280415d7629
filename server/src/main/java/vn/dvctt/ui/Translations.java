package vn.dvctt.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dvctt.shared.VietnameseText;

/** All labels come from {@code i18n/messages*.properties}: Vietnamese first, English as a choice. */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(VietnameseText.VIETNAMESE, ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final String BUNDLE = "i18n/messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale != null && locale.getLanguage().equals("en") ? ENGLISH : VietnameseText.VIETNAMESE;
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, effective);
            return "!" + key;
        }
    }
}
