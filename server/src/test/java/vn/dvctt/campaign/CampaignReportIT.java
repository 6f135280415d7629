package vn.dvctt.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.support.Fixture;

/** The printable report reads back, text and diacritics intact, with what a leader needs in it. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class CampaignReportIT {

    @Autowired
    Fixture fixture;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignSnapshots snapshots;
    @Autowired
    CampaignTasks tasks;
    @Autowired
    CampaignReport report;
    @Autowired
    UnitPaths unitPaths;

    UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow();
    }

    @Test
    void theProvinceReportNamesIndicatorsRankingLaggardsOverdueTasksAndTheTrendInVietnamese() throws Exception {
        fixture.load();
        LocalDate asOf = LocalDate.of(2022, 7, 10);
        CampaignId id = fixture.as("qn.organizer", () -> {
            CampaignId c = campaigns.create(new NewCampaign("Chiến dịch cao điểm 92 ngày đêm", CampaignKind.PEAK,
                    "Kế hoạch 170/KH-UBND ngày 01/6/2022", LocalDate.of(2022, 6, 1), LocalDate.of(2022, 8, 31),
                    unit("22"))).id();
            long online = campaigns.addIndicator(c, "CD92-02").id();
            campaigns.setStatus(c, CampaignStatus.ACTIVE);
            campaigns.setLevelTarget(online, UnitLevel.DISTRICT, LocalDate.of(2022, 8, 31), new BigDecimal("40"));
            campaigns.setLevelTarget(online, UnitLevel.COMMUNE, LocalDate.of(2022, 8, 31), new BigDecimal("30"));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06757"), LocalDate.of(2022, 6, 20), 45, 100, ""));
            campaigns.enterValue(ValueEntry.ratio(online, unit("06760"), LocalDate.of(2022, 6, 20), 12, 100, ""));
            snapshots.takeNow(c, LocalDate.of(2022, 6, 30));
            tasks.create(new NewTask(c, null, "Tập huấn số hóa hồ sơ", "Văn phòng UBND tỉnh", List.of(), null,
                    LocalDate.of(2022, 6, 30)));
            return c;
        });

        String text = fixture.as("qn.leader", () -> pdfText(id, unit("22"), asOf));

        assertThat(text).contains("BÁO CÁO TIẾN ĐỘ THỰC HIỆN", "Chiến dịch cao điểm 92 ngày đêm",
                "Kế hoạch 170/KH-UBND ngày 01/6/2022", "Số liệu tính đến ngày: 10/07/2022", "Tỉnh Quảng Ninh");
        assertThat(text).contains("CD92-02", "XẾP HẠNG CÁC ĐƠN VỊ TRỰC THUỘC", "Bình Liêu");
        assertThat(text).as("Đồng Văn: 12 % of 30 %").contains("Đồng Văn", "12 %", "18 %", "Chưa đạt");
        assertThat(text).contains("Tập huấn số hóa hồ sơ", "10 ngày");
        assertThat(text).contains("DIỄN BIẾN QUA CÁC KỲ", "30/06/2022");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> pdfText(id, unit("22"), asOf)))
                .isInstanceOf(OutsideScopeException.class);
    }

    private String pdfText(CampaignId id, UnitId unit, LocalDate asOf) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            report.writePdf(id, unit, asOf, out);
            PdfReader reader = new PdfReader(out.toByteArray());
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
