package vn.dvctt.campaign;

import java.time.LocalDate;
import vn.dvctt.geo.UnitId;

/** What an organizer fills in to start a campaign; it begins as a draft. */
public record NewCampaign(String title, CampaignKind kind, String legalBasis, LocalDate startsOn,
                          LocalDate endsOn, UnitId scopeUnit) {
}
