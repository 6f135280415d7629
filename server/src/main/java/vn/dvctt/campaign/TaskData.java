package vn.dvctt.campaign;

import java.time.LocalDate;
import java.util.List;
import vn.dvctt.geo.UnitLabel;

/**
 * A task with its standing as of a day: {@code daysOverdue} is positive when an open task is past
 * its deadline. {@code canUpdate}: the caller may change its status and add notes.
 */
public record TaskData(long id, CampaignId campaign, SolutionGroupData group, String title, String leadAgency,
                       List<String> coordinatingAgencies, UnitLabel responsibleUnit, LocalDate deadline,
                       TaskStatus status, LocalDate doneOn, long daysOverdue, int notes, boolean canUpdate) {

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
