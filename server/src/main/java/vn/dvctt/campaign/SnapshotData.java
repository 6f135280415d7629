package vn.dvctt.campaign;

import java.time.Instant;
import java.time.LocalDate;

public record SnapshotData(long id, CampaignId campaign, LocalDate asOf, SnapshotReason reason, String label,
                           Instant takenAt, String takenBy) {
}
