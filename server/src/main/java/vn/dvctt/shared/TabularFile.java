package vn.dvctt.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A spreadsheet as provinces keep their lists: CSV (comma or semicolon, UTF-8 with or without BOM)
 * or the first sheet of an XLSX file. Line numbers are the ones a person sees in the spreadsheet
 * (the header is line 1), so that an error report can point at them.
 */
public final class TabularFile {

    public record Line(int number, List<String> cells) {
        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index).trim() : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final List<String> header;
    private final List<Line> lines;

    private TabularFile(List<String> header, List<Line> lines) {
        this.header = header;
        this.lines = lines;
    }

    public List<String> header() {
        return header;
    }

    /** Data lines, blank ones left out. */
    public List<Line> lines() {
        return lines;
    }

    /**
     * Index of the first header cell matching any alias, compared without accents, case or
     * punctuation ("Mã cấp trên", "ma_cap_tren" and "MA CAP TREN" are the same column).
     */
    public Optional<Integer> column(String... aliases) {
        Map<String, Integer> folded = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            folded.put(key(header.get(i)), i);
        }
        for (String alias : aliases) {
            Integer index = folded.get(key(alias));
            if (index != null) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    private static String key(String name) {
        return VietnameseText.fold(name).replaceAll("[^a-z0-9]", "");
    }

    public static TabularFile read(InputStream input, String fileName) throws IOException {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        BufferedInputStream in = new BufferedInputStream(input);
        if (lower.endsWith(".xlsx") || looksLikeZip(in)) {
            return readXlsx(in);
        }
        return readCsv(in);
    }

    private static boolean looksLikeZip(BufferedInputStream in) throws IOException {
        in.mark(4);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 'P' && b == 'K';
    }

    private static TabularFile readCsv(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
        in.mark(64 * 1024);
        char delimiter = sniffDelimiter(in);
        in.reset();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        // Blank lines are kept as records so that record numbers stay the spreadsheet's row numbers.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
                .setIgnoreEmptyLines(false).get();
        List<String> header = null;
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                    continue;
                }
                Line line = new Line((int) record.getRecordNumber(), cells);
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (CharacterCodingException | java.io.UncheckedIOException e) {
            throw new IOException("The file is not valid UTF-8 text: save it as \"CSV UTF-8\"", e);
        }
        return new TabularFile(header == null ? List.of() : header, Collections.unmodifiableList(lines));
    }

    /** Excel in a Vietnamese locale saves CSV with ';'; pick whichever the header uses more. */
    private static char sniffDelimiter(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4096);
        String first = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static TabularFile readXlsx(InputStream in) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            try (var rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(row.getCellAsString(i).orElse(""));
                    }
                    if (header == null) {
                        header = cells.stream().map(String::trim).collect(Collectors.toList());
                        continue;
                    }
                    Line line = new Line(row.getRowNum(), cells);
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
            return new TabularFile(header == null ? List.of() : header, Collections.unmodifiableList(lines));
        } catch (RuntimeException e) {
            throw new IOException("The file is not a readable XLSX workbook", e);
        }
    }
}
