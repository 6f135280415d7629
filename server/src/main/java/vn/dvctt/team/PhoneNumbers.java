package vn.dvctt.team;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers as people write them ("0912 345 678", "+84 912.345.678", "84912345678")
 * reduced to one form, and masked for lists ("09xx xxx 678") since a phone is personal data.
 */
public final class PhoneNumbers {

    /** Mobile: 0 + 3/5/7/8/9 + 8 digits; landline: 02 + 9 digits. */
    private static final Pattern VALID = Pattern.compile("0[35789]\\d{8}|02\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private PhoneNumbers() {
    }

    /** The number as ten or eleven digits starting with 0, or empty when it is not a Vietnamese number. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text.trim()).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        } else if (!digits.startsWith("0") && digits.length() == 9) {
            // Excel drops the leading zero of a number typed into a numeric cell.
            digits = "0" + digits;
        }
        return VALID.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** "0912345678" → "09xx xxx 678": enough to tell two members apart, not enough to call them. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return phone == null ? "" : "xxx";
        }
        String middle = phone.length() > 10 ? "xx xxxx " : "xx xxx ";
        return phone.substring(0, 2) + middle + phone.substring(phone.length() - 3);
    }
}
