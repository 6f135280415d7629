package vn.dvctt.campaign.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignKind;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.CampaignSnapshots;
import vn.dvctt.campaign.CampaignStatus;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.campaign.ValueEntry;
import vn.dvctt.demo.DemoContributor;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitLevel;

/**
 * A 92-day peak campaign running now over the demo province, with the targets by level of Đắk
 * Nông's plan, the province's trend of Bình Phước's report (91.0 → 94.5 → 95.57 → 98.1 %) and
 * commune readings that climb at different speeds, so the ranking has leaders and laggards.
 */
@Component
class CampaignDemo implements DemoContributor {

    private final CampaignService campaigns;
    private final CampaignSnapshots snapshots;
    private final AdminUnitService units;

    CampaignDemo(CampaignService campaigns, CampaignSnapshots snapshots, AdminUnitService units) {
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.units = units;
    }

    @Override
    public int order() {
        return 250; // before the training sessions (300), whose events feed the TR-* indicators
    }

    @Override
    public void load() {
        if (!campaigns.visibleCampaigns().isEmpty()) {
            return; // the demo ran before on this database (tests restart it with the units kept)
        }
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusDays(60);
        LocalDate end = start.plusDays(91);
        UnitData province = units.get("22");
        CampaignId id = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm đẩy mạnh dịch vụ công trực tuyến",
                CampaignKind.PEAK, "Kế hoạch số 170/KH-UBND (minh họa)", start, end, province.id())).id();
        List<Long> ids = new ArrayList<>();
        for (String code : List.of("CD92-01", "CD92-02", "CD92-03", "CD92-04", "CD92-05", "CD92-06", "CD92-07",
                "CD92-08", "TR-01", "TR-02", "TR-03")) {
            ids.add(campaigns.addIndicator(id, code).id());
        }
        long services = ids.get(0);
        long online = ids.get(1);
        long payment = ids.get(6);
        campaigns.addMilestone(id, "Sơ kết 30 ngày", start.plusDays(30));
        campaigns.addMilestone(id, "Tổng kết chiến dịch", end);
        campaigns.setLevelTarget(services, UnitLevel.PROVINCE, end, BigDecimal.valueOf(80));
        target(online, end, 60, 40, 20);
        target(payment, end, 50, 40, 30);
        campaigns.setStatus(id, CampaignStatus.ACTIVE);

        List<LocalDate> periods = List.of(start, start.plusDays(15), start.plusDays(21), start.plusDays(30),
                start.plusDays(45), today);
        long[] provinceTrend = {910, 945, 9557, 981, 983, 985};
        long[] provinceBase = {1000, 1000, 10000, 1000, 1000, 1000};
        for (int i = 0; i < periods.size(); i++) {
            campaigns.enterValue(ValueEntry.ratio(services, province.id(), periods.get(i), provinceTrend[i],
                    provinceBase[i], i == 0 ? "Trước khi phát động chiến dịch" : ""));
        }
        Random random = new Random(22);
        for (UnitData district : units.children(province.id())) {
            for (UnitData commune : units.children(district.id())) {
                int dossiers = 40 + random.nextInt(360);
                double from = 0.10 + random.nextDouble() * 0.25;
                double speed = random.nextDouble() < 0.2 ? 0.02 : 0.08 + random.nextDouble() * 0.12;
                for (int i = 0; i < periods.size(); i++) {
                    double share = Math.min(0.98, from + speed * i);
                    campaigns.enterValue(ValueEntry.ratio(online, commune.id(), periods.get(i),
                            Math.round(dossiers * share), dossiers, ""));
                    int paid = 10 + random.nextInt(60);
                    campaigns.enterValue(ValueEntry.ratio(payment, commune.id(), periods.get(i),
                            Math.round(paid * Math.min(0.95, from / 2 + speed * i)), paid, ""));
                }
            }
        }
        // the weekly job would have frozen these as the campaign went along
        for (LocalDate period : periods) {
            snapshots.takeNow(id, period);
        }
    }

    private void target(long indicator, LocalDate due, int province, int district, int commune) {
        campaigns.setLevelTarget(indicator, UnitLevel.PROVINCE, due, BigDecimal.valueOf(province));
        campaigns.setLevelTarget(indicator, UnitLevel.DISTRICT, due, BigDecimal.valueOf(district));
        campaigns.setLevelTarget(indicator, UnitLevel.COMMUNE, due, BigDecimal.valueOf(commune));
    }
}
