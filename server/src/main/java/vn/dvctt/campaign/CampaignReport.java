package vn.dvctt.campaign;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.shared.InvalidInputException;

/**
 * The campaign's progress as a printable PDF in Vietnamese, for a periodic report (báo cáo định kỳ):
 * each indicator against its target for one unit, the units below it ranked, who lags, overdue
 * tasks, and the trend over the frozen snapshots. The text is in Vietnamese whatever the reader's
 * UI language: the report goes into the administration's own paperwork. The font (DejaVu Sans) is
 * embedded, so every diacritic prints on any machine.
 */
@Service
public class CampaignReport {

    static final int MAX_LAGGING_ROWS = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final Color HEADER = new Color(0xE8, 0xEE, 0xF7);
    private static final Color RED = new Color(0xB0, 0x1C, 0x1C);
    private static final Color GREEN = new Color(0x1E, 0x7B, 0x34);
    private static final Color AMBER = new Color(0x9A, 0x67, 0x00);

    private final CampaignService campaigns;
    private final CampaignSnapshots snapshots;
    private final CampaignTasks tasks;
    private final AdminUnitService units;
    private final byte[] regular;
    private final byte[] bold;

    CampaignReport(CampaignService campaigns, CampaignSnapshots snapshots, CampaignTasks tasks, AdminUnitService units) {
        this.campaigns = campaigns;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.units = units;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** Writes the report for {@code unit} (the reader's area or a unit in it) as of a date. */
    @Transactional(readOnly = true)
    public void writePdf(CampaignId id, UnitId unit, LocalDate asOf, OutputStream out) throws IOException {
        CampaignData campaign = campaigns.find(id).orElseThrow(() -> new InvalidInputException("campaign.error.unknown",
                "No campaign " + id.value(), id.value()));
        UnitData place = units.get(unit);
        Fonts f = new Fonts(regular, bold);
        Document document = new Document(PageSize.A4, 48, 40, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(f, campaign.title()));
            document.addTitle("Báo cáo tiến độ: " + campaign.title());
            document.addCreator("DVCTT");
            document.open();
            heading(document, f, campaign, place, asOf);
            indicators(document, f, campaign, place, asOf);
            if (place.hasChildren()) {
                ranking(document, f, campaign, place, asOf);
                lagging(document, f, campaign, place, asOf);
            }
            overdueTasks(document, f, campaign, asOf);
            trend(document, f, campaign, place);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("The PDF report could not be written", e);
        }
    }

    private void heading(Document d, Fonts f, CampaignData campaign, UnitData place, LocalDate asOf) {
        Paragraph top = new Paragraph("BÁO CÁO TIẾN ĐỘ THỰC HIỆN", f.title);
        top.setAlignment(Element.ALIGN_CENTER);
        d.add(top);
        Paragraph title = new Paragraph(campaign.title(), f.heading);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(10);
        d.add(title);
        d.add(line(f, "Căn cứ: ", campaign.legalBasis() == null ? "—" : campaign.legalBasis()));
        d.add(line(f, "Thời gian thực hiện: ", DATE.format(campaign.startsOn()) + " – " + DATE.format(campaign.endsOn())));
        d.add(line(f, "Đơn vị báo cáo: ", place.displayName()));
        d.add(line(f, "Số liệu tính đến ngày: ", DATE.format(asOf)));
        if (!campaign.milestones().isEmpty()) {
            d.add(line(f, "Các mốc: ", String.join("; ", campaign.milestones().stream()
                    .map(m -> m.name() + " (" + DATE.format(m.dueOn()) + ")").toList())));
        }
    }

    private void indicators(Document d, Fonts f, CampaignData campaign, UnitData place, LocalDate asOf) {
        section(d, f, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        PdfPTable table = table(new float[] {5, 12, 43, 13, 13, 14});
        header(table, f, "STT", "Mã", "Chỉ tiêu", "Kết quả", "Chỉ tiêu giao", "Đánh giá");
        int n = 1;
        for (CampaignIndicatorData ci : campaign.indicators()) {
            Progress p = campaigns.progress(ci.id(), place.id(), asOf);
            cell(table, f.body, String.valueOf(n++), Element.ALIGN_CENTER);
            cell(table, f.body, ci.indicator().code(), Element.ALIGN_LEFT);
            cell(table, f.body, ci.indicator().name(), Element.ALIGN_LEFT);
            cell(table, f.body, number(ci.indicator(), p.value()), Element.ALIGN_RIGHT);
            cell(table, f.body, number(ci.indicator(), p.target()), Element.ALIGN_RIGHT);
            light(table, f, p.light());
        }
        if (campaign.indicators().isEmpty()) {
            empty(table, f, "Chiến dịch chưa có chỉ tiêu.", 6);
        }
        d.add(table);
    }

    private void ranking(Document d, Fonts f, CampaignData campaign, UnitData place, LocalDate asOf) {
        section(d, f, "II. XẾP HẠNG CÁC ĐƠN VỊ TRỰC THUỘC");
        for (CampaignIndicatorData ci : campaign.indicators()) {
            List<UnitProgress> ranked = campaigns.ranking(ci.id(), place.id(), asOf);
            if (ranked.stream().allMatch(u -> u.progress().value() == null)) {
                continue;
            }
            subsection(d, f, ci.indicator().code() + " — " + ci.indicator().name());
            PdfPTable table = table(new float[] {8, 50, 14, 14, 14});
            header(table, f, "Hạng", "Đơn vị", "Kết quả", "Chỉ tiêu giao", "Đánh giá");
            int rank = 1;
            for (UnitProgress u : ranked) {
                cell(table, f.body, u.progress().value() == null ? "—" : String.valueOf(rank++), Element.ALIGN_CENTER);
                cell(table, f.body, u.unit().displayName(), Element.ALIGN_LEFT);
                cell(table, f.body, number(ci.indicator(), u.progress().value()), Element.ALIGN_RIGHT);
                cell(table, f.body, number(ci.indicator(), u.progress().target()), Element.ALIGN_RIGHT);
                light(table, f, u.progress().light());
            }
            d.add(table);
        }
    }

    private void lagging(Document d, Fonts f, CampaignData campaign, UnitData place, LocalDate asOf) {
        UnitLevel level = place.level() == UnitLevel.COUNTRY ? UnitLevel.PROVINCE
                : place.level() == UnitLevel.PROVINCE || place.level() == UnitLevel.DISTRICT ? UnitLevel.COMMUNE
                : UnitLevel.VILLAGE;
        section(d, f, "III. ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU (CẤP " + levelName(level).toUpperCase(VI) + ")");
        boolean any = false;
        for (CampaignIndicatorData ci : campaign.indicators()) {
            List<Lag> lags = campaigns.lagging(ci.id(), place.id(), level, asOf);
            if (lags.isEmpty()) {
                continue;
            }
            any = true;
            subsection(d, f, ci.indicator().code() + " — " + ci.indicator().name() + " (" + lags.size() + " đơn vị)");
            PdfPTable table = table(new float[] {6, 50, 15, 15, 14});
            header(table, f, "STT", "Đơn vị", "Kết quả", "Chỉ tiêu giao", "Còn thiếu");
            int n = 1;
            for (Lag lag : lags.subList(0, Math.min(MAX_LAGGING_ROWS, lags.size()))) {
                cell(table, f.body, String.valueOf(n++), Element.ALIGN_CENTER);
                cell(table, f.body, lag.unit().displayName(), Element.ALIGN_LEFT);
                cell(table, f.body, lag.unreported() ? "Chưa báo cáo" : number(ci.indicator(), lag.progress().value()),
                        Element.ALIGN_RIGHT);
                cell(table, f.body, number(ci.indicator(), lag.progress().target()), Element.ALIGN_RIGHT);
                cell(table, f.red, lag.unreported() ? "—" : number(ci.indicator(), lag.gap()), Element.ALIGN_RIGHT);
            }
            if (lags.size() > MAX_LAGGING_ROWS) {
                empty(table, f, "… và " + (lags.size() - MAX_LAGGING_ROWS) + " đơn vị khác.", 5);
            }
            d.add(table);
        }
        if (!any) {
            d.add(new Paragraph("Không có đơn vị nào chậm so với chỉ tiêu được giao.", f.body));
        }
    }

    private void overdueTasks(Document d, Fonts f, CampaignData campaign, LocalDate asOf) {
        List<TaskData> all = tasks.tasks(campaign.id(), asOf);
        if (all.isEmpty()) {
            return;
        }
        long done = all.stream().filter(t -> t.status() == TaskStatus.DONE).count();
        List<TaskData> late = all.stream().filter(TaskData::overdue).toList();
        section(d, f, "IV. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
        d.add(new Paragraph("Tổng số " + all.size() + " nhiệm vụ: " + done + " đã hoàn thành, " + late.size()
                + " quá hạn chưa hoàn thành.", f.body));
        if (late.isEmpty()) {
            return;
        }
        PdfPTable table = table(new float[] {6, 46, 22, 14, 12});
        header(table, f, "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Quá hạn");
        int n = 1;
        for (TaskData t : late) {
            cell(table, f.body, String.valueOf(n++), Element.ALIGN_CENTER);
            cell(table, f.body, t.title(), Element.ALIGN_LEFT);
            cell(table, f.body, t.leadAgency(), Element.ALIGN_LEFT);
            cell(table, f.body, DATE.format(t.deadline()), Element.ALIGN_CENTER);
            cell(table, f.red, t.daysOverdue() + " ngày", Element.ALIGN_RIGHT);
        }
        d.add(table);
    }

    private void trend(Document d, Fonts f, CampaignData campaign, UnitData place) {
        List<SnapshotData> frozen = snapshots.snapshots(campaign.id());
        if (frozen.isEmpty() || campaign.indicators().isEmpty()) {
            return;
        }
        section(d, f, "V. DIỄN BIẾN QUA CÁC KỲ (" + place.displayName() + ")");
        for (CampaignIndicatorData ci : campaign.indicators()) {
            List<TrendPoint> points = snapshots.trend(ci.id(), place.id());
            if (points.stream().allMatch(p -> p.value() == null)) {
                continue;
            }
            subsection(d, f, ci.indicator().code() + " — " + ci.indicator().name());
            PdfPTable table = table(new float[] {20, 40, 20, 20});
            header(table, f, "Ngày", "Kỳ", "Kết quả", "Chỉ tiêu giao");
            for (TrendPoint p : points) {
                cell(table, f.body, DATE.format(p.asOf()), Element.ALIGN_CENTER);
                cell(table, f.body, switch (p.reason()) {
                    case MILESTONE -> p.label();
                    case CADENCE -> "Định kỳ";
                    case MANUAL -> "Chốt số liệu";
                }, Element.ALIGN_LEFT);
                cell(table, f.body, number(ci.indicator(), p.value()), Element.ALIGN_RIGHT);
                cell(table, f.body, number(ci.indicator(), p.target()), Element.ALIGN_RIGHT);
            }
            d.add(table);
        }
    }

    private static String levelName(UnitLevel level) {
        return switch (level) {
            case COUNTRY -> "toàn quốc";
            case PROVINCE -> "tỉnh";
            case DISTRICT -> "huyện";
            case COMMUNE -> "xã";
            case VILLAGE -> "thôn";
        };
    }

    /** Vietnamese number style: "1.234,5 %". */
    static String number(IndicatorData indicator, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(VI);
        format.setMaximumFractionDigits(2);
        String text = format.format(value);
        return indicator.kind() == IndicatorKind.COUNT ? text : text + " %";
    }

    private static Paragraph line(Fonts f, String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label, f.bold));
        p.add(new Chunk(value, f.body));
        return p;
    }

    private static void section(Document d, Fonts f, String text) {
        Paragraph p = new Paragraph(text, f.heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        d.add(p);
    }

    private static void subsection(Document d, Fonts f, String text) {
        Paragraph p = new Paragraph(text, f.bold);
        p.setSpacingBefore(8);
        p.setSpacingAfter(4);
        d.add(p);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(4);
        return table;
    }

    private static void header(PdfPTable table, Fonts f, String... titles) {
        for (String title : titles) {
            PdfPCell cell = new PdfPCell(new Phrase(title, f.bold));
            cell.setBackgroundColor(HEADER);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setPadding(4);
            table.addCell(cell);
        }
    }

    private static void cell(PdfPTable table, Font font, String text, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(3);
        table.addCell(cell);
    }

    private static void empty(PdfPTable table, Fonts f, String text, int span) {
        PdfPCell cell = new PdfPCell(new Phrase(text, f.body));
        cell.setColspan(span);
        cell.setPadding(3);
        table.addCell(cell);
    }

    private static void light(PdfPTable table, Fonts f, TrafficLight light) {
        cell(table, switch (light) {
            case MET -> f.green;
            case CLOSE -> f.amber;
            case BEHIND -> f.red;
            case NO_TARGET -> f.body;
        }, switch (light) {
            case MET -> "Đạt";
            case CLOSE -> "Gần đạt";
            case BEHIND -> "Chưa đạt";
            case NO_TARGET -> "—";
        }, Element.ALIGN_CENTER);
    }

    private static byte[] font(String resource) {
        try (InputStream in = CampaignReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fonts are made per document: OpenPDF's font objects are not meant to be shared across threads. */
    private static final class Fonts {
        final Font title;
        final Font heading;
        final Font bold;
        final Font body;
        final Font red;
        final Font green;
        final Font amber;
        final Font small;

        Fonts(byte[] regular, byte[] boldBytes) {
            BaseFont base = base("DejaVuSans.ttf", regular);
            BaseFont strong = base("DejaVuSans-Bold.ttf", boldBytes);
            title = new Font(strong, 14);
            heading = new Font(strong, 11);
            bold = new Font(strong, 9);
            body = new Font(base, 9);
            red = new Font(base, 9, Font.NORMAL, RED);
            green = new Font(base, 9, Font.NORMAL, GREEN);
            amber = new Font(base, 9, Font.NORMAL, AMBER);
            small = new Font(base, 7, Font.NORMAL, Color.GRAY);
        }

        private static BaseFont base(String name, byte[] bytes) {
            try {
                return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("Cannot load font " + name, e);
            }
        }
    }

    /** Page number and generation time at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final Fonts fonts;
        private final String title;
        private final String generated = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(LocalDateTime.now());

        Footer(Fonts fonts, String title) {
            this.fonts = fonts;
            this.title = title;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfPTable foot = new PdfPTable(2);
            foot.setTotalWidth(document.right() - document.left());
            PdfPCell left = new PdfPCell(new Phrase(title + " — lập lúc " + generated, fonts.small));
            left.setBorder(Rectangle.TOP);
            PdfPCell right = new PdfPCell(new Phrase("Trang " + writer.getPageNumber(), fonts.small));
            right.setBorder(Rectangle.TOP);
            right.setHorizontalAlignment(Element.ALIGN_RIGHT);
            foot.addCell(left);
            foot.addCell(right);
            foot.writeSelectedRows(0, -1, document.left(), document.bottom() - 8, writer.getDirectContent());
        }
    }
}
