package vn.dvctt.agent.runner;

/** Reads the one form of HTTP Range header a video player sends: a single byte range (RFC 9110 §14). */
final class ByteRange {

    private static final long[] UNSATISFIABLE = new long[0];

    private ByteRange() {
    }

    /**
     * @param maxOpenEnded how much an open-ended range ({@code bytes=N-}) gets at most; the player asks on
     * @return {@code [first, last]} inclusive; an empty array when no byte of the file is in the range (416);
     *     {@code null} for a header this server ignores (several ranges, another unit, nonsense), which means
     *     the whole file (200)
     */
    static long[] parse(String header, long size, long maxOpenEnded) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    return UNSATISFIABLE;
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(from);
            if (first < 0) {
                return null;
            }
            long last;
            if (to.isEmpty()) {
                last = first + maxOpenEnded - 1;
            } else {
                last = Long.parseLong(to);
                if (last < first) {
                    return null;
                }
            }
            if (first >= size) {
                return UNSATISFIABLE;
            }
            return new long[] {first, Math.min(last, size - 1)};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
