package vn.dvctt.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Accent-insensitive matching and Vietnamese ordering of names.
 *
 * <p>Search keys are stored folded ("Quảng Ninh" → "quang ninh", "Đắk Nông" → "dak nong") so that a
 * plain {@code LIKE} finds them on H2 and PostgreSQL alike, without database extensions.
 */
public final class VietnameseText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    /** Lower case, without diacritics, đ → d, runs of white space collapsed. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String stripped = MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Escapes LIKE wildcards so a user's "%" or "_" is matched literally (escape char '\'). */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Collator for Vietnamese alphabetical order (a ă â b c d đ e ê …), tones as a secondary difference. */
    public static Collator collator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    /** Vietnamese order with numbers compared by value, so "Thôn 2" comes before "Thôn 10". */
    public static <T> Comparator<T> byName(Function<T, String> name) {
        Comparator<String> natural = naturalOrder();
        return Comparator.comparing(name, natural);
    }

    public static Comparator<String> naturalOrder() {
        Collator collator = collator();
        return (a, b) -> {
            String[] x = DIGIT_RUNS.split(a);
            String[] y = DIGIT_RUNS.split(b);
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                boolean numbers = !x[i].isEmpty() && !y[i].isEmpty()
                        && Character.isDigit(x[i].charAt(0)) && Character.isDigit(y[i].charAt(0));
                int c = numbers ? compareNumbers(x[i], y[i]) : collator.compare(x[i], y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        };
    }

    private static final Pattern DIGIT_RUNS = Pattern.compile("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
