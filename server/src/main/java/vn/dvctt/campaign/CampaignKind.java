package vn.dvctt.campaign;

/** Phong trào thi đua, chiến dịch cao điểm, kế hoạch. */
public enum CampaignKind {
    EMULATION, PEAK, PLAN
}
