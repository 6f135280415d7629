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
import vn.dvctt.campaign.CampaignTasks;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.campaign.NewTask;
import vn.dvctt.campaign.TaskData;
import vn.dvctt.campaign.TaskStatus;
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
    private final CampaignTasks tasks;

    CampaignDemo(CampaignService campaigns, CampaignSnapshots snapshots, AdminUnitService units, CampaignTasks tasks) {
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.units = units;
        this.tasks = tasks;
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
        tasks(id, start, today);
    }

    /**
     * Solution groups and tasks in the words of Đắk Nông's plan (seed 004), dated against the demo
     * campaign: some done, some late, some falling due, so the list and the reminder have work.
     */
    private void tasks(CampaignId id, LocalDate start, LocalDate today) {
        long communication = tasks.addGroup(id, "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến").id();
        long platform = tasks.addGroup(id, "Hoàn thiện hạ tầng, nền tảng và Cổng dịch vụ công").id();
        long procedures = tasks.addGroup(id, "Cải cách thủ tục hành chính, số hóa hồ sơ").id();
        long support = tasks.addGroup(id, "Tổ công nghệ số cộng đồng và hỗ trợ tại chỗ").id();
        String ict = "Sở Thông tin và Truyền thông";
        String office = "Văn phòng UBND tỉnh";
        String home = "Sở Nội vụ";
        TaskData training = task(id, procedures, "Tổ chức tập huấn quy trình số hóa và thực hiện số hóa hồ sơ, kết quả "
                + "giải quyết thủ tục hành chính theo quy định", office, List.of(ict), start.plusDays(30));
        tasks.setStatus(training.id(), TaskStatus.DONE, start.plusDays(28));
        tasks.addNote(training.id(), "Đã tổ chức 3 lớp tập huấn cho 177 cán bộ bộ phận một cửa cấp xã.",
                "https://example.gov.vn/tin-tuc/tap-huan-so-hoa", null, null);
        TaskData noWriting = task(id, support, "Hướng dẫn thành lập Tổ hỗ trợ người dân, doanh nghiệp \"không viết\" "
                + "khi thực hiện thủ tục hành chính tại Trung tâm phục vụ hành chính công và bộ phận một cửa cấp xã",
                office, List.of(ict), today.minusDays(12));
        tasks.addNote(noWriting.id(), "Đã có 61/96 xã thành lập tổ; các xã còn lại đang kiện toàn.", null, null, null);
        task(id, platform, "Hoàn thiện Cổng dịch vụ công tỉnh, kết nối Cổng Dịch vụ công quốc gia để cung cấp dịch vụ "
                + "công trực tuyến toàn trình", ict, List.of(office), today.minusDays(3));
        task(id, platform, "Nâng cấp trang thiết bị tại Trung tâm phục vụ hành chính công, bộ phận một cửa cấp huyện, "
                + "cấp xã để hỗ trợ người dân nộp hồ sơ trực tuyến", ict, List.of("UBND các huyện, thị xã, thành phố"),
                today.plusDays(2));
        task(id, procedures, "Tham mưu ban hành chính sách giảm lệ phí khi thực hiện thủ tục hành chính theo hình thức "
                + "trực tuyến", "Sở Tài chính", List.of(office, ict), start.plusDays(91));
        TaskData media = task(id, communication, "Phát động phong trào \"Toàn dân tìm hiểu và sử dụng dịch vụ công trực "
                + "tuyến\"; đưa tin trên báo, đài, hệ thống loa truyền thanh cơ sở", ict,
                List.of("Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"), start.plusDays(45));
        tasks.setStatus(media.id(), TaskStatus.IN_PROGRESS, today);
        task(id, support, "Kiện toàn Tổ công nghệ số cộng đồng ở 100% thôn, bản; tập huấn kỹ năng hướng dẫn nộp hồ sơ "
                + "trực tuyến", home, List.of(ict, "UBND các xã"), start.plusDays(60));
        // the morning reminder would already have told the province's organizers
        tasks.remind(today);
    }

    private TaskData task(CampaignId id, long group, String title, String lead, List<String> coordinating,
                          LocalDate deadline) {
        return tasks.create(new NewTask(id, group, title, lead, coordinating, null, deadline));
    }

    private void target(long indicator, LocalDate due, int province, int district, int commune) {
        campaigns.setLevelTarget(indicator, UnitLevel.PROVINCE, due, BigDecimal.valueOf(province));
        campaigns.setLevelTarget(indicator, UnitLevel.DISTRICT, due, BigDecimal.valueOf(district));
        campaigns.setLevelTarget(indicator, UnitLevel.COMMUNE, due, BigDecimal.valueOf(commune));
    }
}
