package vn.dvctt.guide;

/** A search of the library: text without accents, and optional status, essential flag and language. */
public record GuideFilter(String text, GuideStatus status, Boolean essential, GuideLanguage language) {

    public static GuideFilter all() {
        return new GuideFilter("", null, null, null);
    }

    public static GuideFilter text(String text) {
        return new GuideFilter(text, null, null, null);
    }
}
