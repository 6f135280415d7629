package vn.dvctt.campaign;

public record CampaignId(long value) {
}
