package vn.dvctt.team;

import java.time.LocalDate;

/** A training a member completed. */
public record TrainingRecord(long id, String name, LocalDate completedOn) {
}
