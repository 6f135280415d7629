package vn.dvctt.campaign;

import java.time.LocalDate;
import vn.dvctt.geo.UnitLabel;

public record ApprovalData(CampaignId campaign, UnitLabel unit, LocalDate period, ApprovalState state,
                           String submittedBy, String approvedBy) {
}
