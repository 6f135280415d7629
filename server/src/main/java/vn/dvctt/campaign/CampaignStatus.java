package vn.dvctt.campaign;

/** Values are entered only while a campaign is active. */
public enum CampaignStatus {
    DRAFT, ACTIVE, CLOSED
}
