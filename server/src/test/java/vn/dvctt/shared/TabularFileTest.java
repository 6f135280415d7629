package vn.dvctt.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class TabularFileTest {

    @Test
    void readsCsvWithSpreadsheetLineNumbersSkippingBlankLines() throws IOException {
        TabularFile file = csv("code,name\n22,Quảng Ninh\n\n198,\"Bình Liêu, huyện\"\n");
        assertThat(file.lines()).extracting(TabularFile.Line::number).containsExactly(2, 4);
        assertThat(file.lines().get(1).cell(1)).isEqualTo("Bình Liêu, huyện");
    }

    @Test
    void findsColumnsByVietnameseOrEnglishNamesIgnoringAccentsAndPunctuation() throws IOException {
        TabularFile file = csv("Mã;Tên đơn vị;MÃ CẤP TRÊN\n1;a;2\n");
        assertThat(file.column("code", "mã")).contains(0);
        assertThat(file.column("name", "tên đơn vị")).contains(1);
        assertThat(file.column("parent_code", "mã cấp trên")).contains(2);
        assertThat(file.column("type")).isEmpty();
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] windows1258 = {'c', 'o', 'd', 'e', '\n', (byte) 0xD0, (byte) 0xE3, '\n'};
        assertThatThrownBy(() -> TabularFile.read(new ByteArrayInputStream(windows1258), "x.csv"))
                .isInstanceOf(IOException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void readsTheFirstSheetOfAnXlsxWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Đơn vị");
            ws.value(0, 0, "code");
            ws.value(0, 1, "name");
            ws.value(1, 0, "06757");
            ws.value(1, 1, "Hoành Mô");
            ws.value(3, 0, "06760");
            ws.value(3, 1, "Đồng Văn");
        }
        TabularFile file = TabularFile.read(new ByteArrayInputStream(out.toByteArray()), "units.xlsx");
        assertThat(file.header()).containsExactly("code", "name");
        assertThat(file.lines()).extracting(l -> l.number() + ":" + l.cell(1)).containsExactly("2:Hoành Mô", "4:Đồng Văn");
    }

    @Test
    void refusesABrokenWorkbook() {
        byte[] notAWorkbook = "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TabularFile.read(new ByteArrayInputStream(notAWorkbook), "x.xlsx"))
                .isInstanceOf(IOException.class);
    }

    private static TabularFile csv(String text) throws IOException {
        return TabularFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv");
    }
}
