package vn.dvctt.campaign;

/** An indicator as used by one campaign; targets and values hang off this id. */
public record CampaignIndicatorData(long id, IndicatorData indicator, int position) {
}
