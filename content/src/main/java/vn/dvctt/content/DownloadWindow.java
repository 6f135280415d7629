package vn.dvctt.content;

import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When the device may download, in the device's local wall-clock time (the province's, Asia/Ho_Chi_Minh),
 * e.g. 22:00–05:00 so video does not compete with daytime use of the village link. {@code start} is
 * inclusive, {@code end} exclusive; a window crossing midnight wraps; {@code start == end} means all day.
 * Minutes only: on the wire both ends are {@code "HH:mm"}.
 */
public record DownloadWindow(LocalTime start, LocalTime end) {

    public static final DownloadWindow ALL_DAY = new DownloadWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    public DownloadWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("download window ends are whole minutes, got " + start + "–" + end);
        }
    }

    /** Reads {@code "HH:mm"} ends, e.g. {@code of("22:00", "05:00")}. */
    public static DownloadWindow of(String start, String end) {
        return new DownloadWindow(parse(start, "start"), parse(end, "end"));
    }

    public boolean contains(LocalTime time) {
        Objects.requireNonNull(time, "time");
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    String startText() {
        return format(start);
    }

    String endText() {
        return format(end);
    }

    private static String format(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    private static LocalTime parse(String text, String which) {
        if (text == null || !HH_MM.matcher(text).matches()) {
            throw new IllegalArgumentException("download window " + which + " must be HH:mm (00:00..23:59), got "
                    + (text == null ? "null" : "\"" + text + "\""));
        }
        return LocalTime.of(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(3)));
    }
}
