package vn.dvctt.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a dossier code as the national portal issues it (e.g. {@code H22.101-240601-0007}:
 * the receiving agency's code, the date, a number). Shared so the session runner refuses at the
 * keyboard what the server would refuse days later, when nobody can fix it any more.
 */
public final class DossierCodes {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9.]{0,39}-\\d{6}-\\d{4,6}");

    private DossierCodes() {
    }

    /** Trimmed and upper-cased, the way both sides store it. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String code) {
        return code != null && FORM.matcher(normalize(code)).matches();
    }
}
