package vn.dvctt.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.dvctt.shared.VietnameseText;

/**
 * All labels come from {@code i18n/*.properties}: Vietnamese in {@code <feature>.properties}, English
 * in {@code <feature>_en.properties}. Each feature keeps its own pair so features never edit one
 * shared file; a key defined twice is an error at start-up, not a silent override.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(VietnameseText.VIETNAMESE, ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final Map<String, String> vietnamese;
    private final Map<String, String> english;

    public Translations() {
        Map<String, String> vi = new HashMap<>();
        Map<String, String> en = new HashMap<>();
        try {
            for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
                String name = bundle.getFilename();
                load(bundle, name != null && name.endsWith("_en.properties") ? en : vi);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the i18n bundles", e);
        }
        this.vietnamese = Map.copyOf(vi);
        this.english = Map.copyOf(en);
    }

    private static void load(Resource bundle, Map<String, String> into) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            if (into.putIfAbsent(key, properties.getProperty(key)) != null) {
                throw new IllegalStateException("Translation key " + key + " is defined twice (again in "
                        + bundle.getFilename() + ")");
            }
        }
    }

    /** Every key, per language; lets a test prove that both languages have the same labels. */
    public Map<Locale, Set<String>> keys() {
        return Map.of(VietnameseText.VIETNAMESE, vietnamese.keySet(), ENGLISH, english.keySet());
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale != null && locale.getLanguage().equals("en") ? ENGLISH : VietnameseText.VIETNAMESE;
        String pattern = (effective == ENGLISH ? english : vietnamese).get(key);
        if (pattern == null) {
            log.warn("Missing translation {} for {}", key, effective);
            return "!" + key;
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
    }
}
