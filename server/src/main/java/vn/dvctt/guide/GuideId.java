package vn.dvctt.guide;

public record GuideId(long value) {

    /** The form devices see in a manifest entry's {@code guideId}. */
    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
