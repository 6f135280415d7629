package vn.dvctt.campaign;

import java.time.LocalDate;
import java.util.List;
import vn.dvctt.geo.UnitId;

/**
 * A task (nhiệm vụ) as an organizer writes it: "Sở Nội vụ chủ trì, phối hợp với Sở Thông tin và Truyền
 * thông … Hoàn thành trước 30/6/2022". {@code responsibleUnit} is the administrative unit whose
 * officers answer for it and receive its reminders (the province for a provincial department).
 */
public record NewTask(CampaignId campaign, Long solutionGroupId, String title, String leadAgency,
                      List<String> coordinatingAgencies, UnitId responsibleUnit, LocalDate deadline) {
}
