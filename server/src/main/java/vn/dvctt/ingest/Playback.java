package vn.dvctt.ingest;

import java.time.Instant;

/** Proof of play: a guide shown by a venue's runner during a session, from when and for how long. */
public record Playback(String guideId, String title, Instant startedAt, long playedMs) {
}
