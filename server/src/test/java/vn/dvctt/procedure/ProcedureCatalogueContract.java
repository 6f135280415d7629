package vn.dvctt.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.support.Fixture;

/** The procedure catalogue on H2 and PostgreSQL (subclasses); each test rolls back. */
@Transactional
abstract class ProcedureCatalogueContract {

    static final String CATALOGUE = """
            Mã thủ tục,Tên thủ tục,Lĩnh vực,Thiết yếu,Trực tuyến
            1.001193,Đăng ký khai sinh,Hộ tịch,Có,Toàn trình
            1.004222,Đăng ký thường trú,Cư trú,x,toan trinh
            2.000908,Chứng thực bản sao từ bản chính,Chứng thực,Không,Một phần
            2.000001,Đăng ký kinh doanh hộ,Thành lập và hoạt động của hộ kinh doanh,,
            """;

    @Autowired
    Fixture fixture;
    @Autowired
    ProcedureService procedures;

    @BeforeEach
    void setUp() {
        fixture.load();
        ProcedureImportReport report = fixture.as("root.admin", () -> importCsv(CATALOGUE));
        assertThat(report.applied()).as(String.valueOf(report.problems())).isTrue();
    }

    @Test
    void searchIgnoresAccentsAndFindsByCode() {
        assertThat(fixture.as("pacpoc.member", () -> procedures.search("khai sinh", false, 10)))
                .extracting(ProcedureData::name).containsExactly("Đăng ký khai sinh");
        assertThat(fixture.as("qn.leader", () -> procedures.search("DANG KY", false, 10))).hasSize(3);
        assertThat(fixture.as("qn.leader", () -> procedures.search("1.0042", false, 10)))
                .extracting(ProcedureData::code).containsExactly("1.004222");
    }

    @Test
    void essentialServicesCanBeListedAlone() {
        assertThat(fixture.as("qn.leader", () -> procedures.search("", true, 50)))
                .extracting(ProcedureData::code, ProcedureData::onlineLevel)
                .containsExactly(tuple("1.001193", OnlineLevel.FULL), tuple("1.004222", OnlineLevel.FULL));
        assertThat(fixture.as("qn.leader", () -> procedures.find("2.000001")).orElseThrow().onlineLevel())
                .isEqualTo(OnlineLevel.NONE);
    }

    @Test
    void reimportingChangesNothingAndAChangedRowIsAnUpdate() {
        ProcedureImportReport again = fixture.as("root.admin", () -> importCsv(CATALOGUE));
        assertThat(again.created() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        ProcedureImportReport changed = fixture.as("root.admin", () -> importCsv(
                CATALOGUE.replace("Chứng thực,Không,Một phần", "Chứng thực,Không,Toàn trình")));
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(fixture.as("qn.leader", () -> procedures.find("2.000908")).orElseThrow().onlineLevel())
                .isEqualTo(OnlineLevel.FULL);
    }

    @Test
    void aFileWithBadLinesChangesNothingAndNamesEachLine() {
        ProcedureImportReport report = fixture.as("root.admin", () -> importCsv("""
                code,name,field,essential,online
                3.000001,Thủ tục mới,Tư pháp,Có,Toàn trình
                3.000002,,Tư pháp,Có,Toàn trình
                3.000003,Thủ tục ba,Tư pháp,Có lẽ,Toàn trình
                3.000004,Thủ tục bốn,Tư pháp,Không,Mức 4
                3.000001,Trùng,Tư pháp,Có,
                """));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ProcedureImportReport.Problem::line, ProcedureImportReport.Problem::kind)
                .containsExactly(tuple(3, ProcedureImportReport.Kind.EMPTY_NAME),
                        tuple(4, ProcedureImportReport.Kind.BAD_YES_NO),
                        tuple(5, ProcedureImportReport.Kind.UNKNOWN_ONLINE_LEVEL),
                        tuple(6, ProcedureImportReport.Kind.DUPLICATE_CODE));
        assertThat(fixture.as("qn.leader", () -> procedures.find("3.000001"))).isEmpty();
    }

    @Test
    void onlyAdministratorsImport() {
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> importCsv(CATALOGUE)))
                .isInstanceOf(OutsideScopeException.class);
        assertThat(fixture.as("qn.admin", () -> importCsv(CATALOGUE)).applied()).isTrue();
    }

    private ProcedureImportReport importCsv(String csv) {
        return procedures.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "tthc.csv");
    }
}
