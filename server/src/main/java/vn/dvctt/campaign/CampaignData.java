package vn.dvctt.campaign;

import java.time.LocalDate;
import java.util.List;
import vn.dvctt.geo.UnitId;

public record CampaignData(CampaignId id, String title, CampaignKind kind, String legalBasis, LocalDate startsOn,
                           LocalDate endsOn, UnitId scopeUnit, CampaignStatus status,
                           List<MilestoneData> milestones, List<CampaignIndicatorData> indicators) {
}
