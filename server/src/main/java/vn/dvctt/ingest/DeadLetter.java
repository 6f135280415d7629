package vn.dvctt.ingest;

import java.time.Instant;

/** A message or event ingestion refused, as an operator sees it. */
public record DeadLetter(long id, Instant receivedAt, String deviceId, String topic, String reason, int payloadBytes,
                         String payloadHead) {
}
