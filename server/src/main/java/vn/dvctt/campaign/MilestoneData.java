package vn.dvctt.campaign;

import java.time.LocalDate;

/** A dated review of the campaign (sơ kết, tổng kết); progress is frozen at each. */
public record MilestoneData(long id, String name, LocalDate dueOn) {
}
