package vn.dvctt.agent.sync;

import java.util.function.LongSupplier;

/**
 * The bandwidth cap: tokens are bytes, refilled at {@code ratePerSecond} up to one second's worth.
 * A take may leave the bucket in debt, so a chunk larger than a second of the rate still passes and
 * the average rate holds.
 */
final class TokenBucket {

    private final long ratePerSecond;
    private final LongSupplier millis;
    private double tokens;
    private long refilledAt;

    /** @param ratePerSecond 0 for no cap */
    TokenBucket(long ratePerSecond, LongSupplier millis) {
        this.ratePerSecond = ratePerSecond;
        this.millis = millis;
        this.tokens = ratePerSecond;
        this.refilledAt = millis.getAsLong();
    }

    /** Takes {@code bytes} if the bucket is not in debt; false means wait and ask again. */
    boolean tryTake(long bytes) {
        if (ratePerSecond == 0) {
            return true;
        }
        long now = millis.getAsLong();
        tokens = Math.min(ratePerSecond, tokens + (now - refilledAt) * ratePerSecond / 1000.0);
        refilledAt = now;
        if (tokens <= 0) {
            return false;
        }
        tokens -= bytes;
        return true;
    }
}
