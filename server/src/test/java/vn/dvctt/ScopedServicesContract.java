package vn.dvctt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditEntry;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.ImportProblem;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitImportReport;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.geo.UnitType;
import vn.dvctt.security.NewUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.UserData;
import vn.dvctt.security.UserService;
import vn.dvctt.support.Fixture;

/**
 * The services behind every view, run against H2 (the embedded default) and PostgreSQL
 * (production) by the two subclasses. Each test rolls back.
 */
@Transactional
abstract class ScopedServicesContract {

    @Autowired
    Fixture fixture;
    @Autowired
    AdminUnitService units;
    @Autowired
    UserService users;
    @Autowired
    UnitPaths unitPaths;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void loadFixture() {
        fixture.load();
    }

    // --- administrative units -------------------------------------------------------------

    @Test
    void searchIgnoresAccentsAndCase() {
        List<String> found = fixture.as("root.admin", () -> names(units.search("quang ninh", 50)));
        assertThat(found).containsExactly("Tỉnh Quảng Ninh");
        assertThat(fixture.as("root.admin", () -> names(units.search("DAK NONG", 50)))).containsExactly("Tỉnh Đắk Nông");
        assertThat(fixture.as("root.admin", () -> names(units.search("hoành mô", 50)))).containsExactly("Xã Hoành Mô");
    }

    @Test
    void searchHitsCarryTheirAncestorsForTellingHomonymsApart() {
        UnitSearchHit hit = fixture.as("root.admin", () -> units.search("pac poc", 10)).get(0);
        assertThat(hit.ancestors()).containsExactly("Tỉnh Quảng Ninh", "Huyện Bình Liêu", "Xã Hoành Mô");
    }

    @Test
    void searchFindsUnitsByCodePrefix() {
        assertThat(fixture.as("root.admin", () -> names(units.search("06757", 50))))
                .containsExactly("Xã Hoành Mô", "Bản Khe Mạ", "Bản Pắc Pộc");
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        assertThat(fixture.as("root.admin", () -> units.search("%", 50))).isEmpty();
        assertThat(fixture.as("root.admin", () -> units.search("_", 50))).isEmpty();
    }

    @Test
    void childrenAreInVietnameseAlphabeticalOrder() {
        fixture.as("root.admin", () -> {
            UnitData hoanhMo = units.get("06757");
            units.addChild(hoanhMo.id(), "06757-03", "Đồng Cậm", UnitType.BAN);
            units.addChild(hoanhMo.id(), "06757-04", "Cao Sơn", UnitType.BAN);
            units.addChild(hoanhMo.id(), "06757-05", "Đông Cậm", UnitType.BAN);
            units.addChild(hoanhMo.id(), "06757-06", "Dực Yên", UnitType.BAN);
            // D before Đ; names equal but for a tone: the unmarked one first
            assertThat(units.children(hoanhMo.id())).extracting(UnitData::name)
                    .containsExactly("Cao Sơn", "Dực Yên", "Đông Cậm", "Đồng Cậm", "Khe Mạ", "Pắc Pộc");
        });
    }

    @Test
    void subtreeCountsGoByLevel() {
        var counts = fixture.as("qn.organizer", () -> units.countByLevel());
        assertThat(counts.get(vn.dvctt.geo.UnitLevel.COMMUNE)).isEqualTo(3);
        assertThat(counts.get(vn.dvctt.geo.UnitLevel.VILLAGE)).isEqualTo(3);
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        UnitImportReport again = fixture.as("root.admin", () -> fixture.importCsv(Fixture.UNITS_CSV));
        assertThat(again.applied()).isTrue();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(11);
    }

    @Test
    void importRenamesAndMovesExistingCodesWithTheirSubtrees() {
        UnitImportReport report = fixture.as("root.admin", () -> fixture.importCsv("""
                code,name,type,parent_code
                06757,Hoành Mô mới,Xã,193
                """));
        assertThat(report.updated()).as("the commune and its two villages").isEqualTo(3);
        fixture.as("root.admin", () -> {
            UnitData moved = units.get("06757");
            assertThat(moved.name()).isEqualTo("Hoành Mô mới");
            assertThat(moved.path()).isEqualTo("/VN/22/193/06757/");
            assertThat(units.get("06757-01").path()).isEqualTo("/VN/22/193/06757/06757-01/");
            assertThat(units.search("hoanh mo moi", 5)).hasSize(1);
        });
        assertThat(jdbc.queryForObject("select unit_path from app_user where username = 'pacpoc.member'", String.class))
                .as("users follow their unit").isEqualTo("/VN/22/193/06757/06757-01/");
        assertThat(fixture.as("hoanhmo.organizer", () -> users.list())).extracting(UserData::username)
                .containsExactlyInAnyOrder("hoanhmo.organizer", "pacpoc.member");
    }

    @Test
    void importReportsEveryBadLineAndAppliesNothing() {
        UnitImportReport report = fixture.as("root.admin", () -> fixture.importCsv("""
                code,name,type,parent_code
                30,Hải Dương,Tỉnh,
                3001,,Huyện,30
                3002,Kinh Môn,Huyện,99999
                3003,Thanh Hà,Huyện,30
                3003,Thanh Hà 2,Huyện,30
                30 04,Bad code,Huyện,30
                3005,Nam Sách,Làng xã,30
                """));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, ImportProblem.Kind.EMPTY_NAME),
                org.assertj.core.groups.Tuple.tuple(4, ImportProblem.Kind.UNKNOWN_PARENT),
                org.assertj.core.groups.Tuple.tuple(6, ImportProblem.Kind.DUPLICATE_CODE),
                org.assertj.core.groups.Tuple.tuple(7, ImportProblem.Kind.INVALID_CODE),
                org.assertj.core.groups.Tuple.tuple(8, ImportProblem.Kind.UNKNOWN_TYPE));
        assertThat(fixture.as("root.admin", () -> units.search("hai duong", 5))).as("nothing half-applied").isEmpty();
    }

    @Test
    void importRefusesCyclesThroughExistingUnits() {
        UnitImportReport report = fixture.as("root.admin", () -> fixture.importCsv("""
                code,name,type,parent_code
                198,Bình Liêu,Huyện,06757-01
                """));
        assertThat(report.problems()).extracting(ImportProblem::kind).containsExactly(ImportProblem.Kind.CYCLE);
        assertThat(fixture.as("root.admin", () -> units.get("198").path())).isEqualTo("/VN/22/198/");
    }

    @Test
    void importReadsSemicolonCsvWithBomAndVietnameseHeaders() {
        UnitImportReport report = fixture.as("root.admin", () -> fixture.importCsv(
                "\uFEFFMã;Tên;Loại;Mã cấp trên\n06760-02;Bản Mới;Bản;06760\n"));
        assertThat(report.applied()).as(report.problems().toString()).isTrue();
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void importRejectsAFileThatIsNotText() {
        UnitImportReport report = fixture.as("root.admin", () -> units.importUnits(
                new java.io.ByteArrayInputStream(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x0A}), "x.csv"));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::kind)
                .containsAnyOf(ImportProblem.Kind.UNREADABLE_FILE, ImportProblem.Kind.MISSING_COLUMN);
    }

    @Test
    void provincialAdministratorCannotImportIntoAnotherProvince() {
        UnitImportReport report = fixture.as("qn.admin", () -> fixture.importCsv("""
                code,name,type,parent_code
                24617,Đắk Hòa,Xã,67
                06760-02,Bản Mới,Bản,06760
                """));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(ImportProblem::line, ImportProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, ImportProblem.Kind.OUTSIDE_SCOPE));
    }

    @Test
    void changesAreAudited() {
        fixture.as("qn.admin", () -> units.rename(units.get("06760").id(), "Đồng Văn mới"));
        List<AuditEntry> entries = fixture.as("qn.admin", () -> audit.recent(10));
        assertThat(entries.get(0)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("qn.admin");
            assertThat(e.action()).isEqualTo("RENAME");
            assertThat(e.entityId()).isEqualTo("06760");
            assertThat(e.before()).isEqualTo("Đồng Văn");
            assertThat(e.after()).isEqualTo("Đồng Văn mới");
        });
        assertThat(fixture.as("root.admin", () -> audit.recent(100))).extracting(AuditEntry::action).contains("IMPORT");
    }

    @Test
    void auditEntriesOfAnotherProvinceStayHidden() {
        fixture.as("root.admin", () -> units.rename(units.get("24616").id(), "Quảng Sơn mới"));
        assertThat(fixture.as("qn.admin", () -> audit.recent(100))).extracting(AuditEntry::entityId)
                .doesNotContain("24616");
    }

    // --- users ------------------------------------------------------------------------------

    @Test
    void passwordsAreStoredAsBcryptHashesNeverAsTyped() {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'qn.leader'",
                String.class);
        assertThat(hash).startsWith("$2").doesNotContain(fixture.password("qn.leader"));
    }

    @Test
    void organizerListsOnlyUsersOfHisSubtree() {
        List<String> names = fixture.as("hoanhmo.organizer", () -> users.list()).stream().map(UserData::username).toList();
        assertThat(names).containsExactlyInAnyOrder("hoanhmo.organizer", "pacpoc.member");
    }

    @Test
    void usersAreOfferedForManagementOnlyWhereTheCallerMayManageThem() {
        List<UserData> seen = fixture.as("qn.organizer", () -> users.list());
        assertThat(seen).filteredOn(UserData::manageable).extracting(UserData::username)
                .containsExactlyInAnyOrder("hoanhmo.organizer", "pacpoc.member");
        assertThat(seen).extracting(UserData::username).contains("qn.leader", "qn.admin", "qn.organizer");
    }

    @Test
    void organizerCannotCreateAnAdministrator() {
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> users.create(
                new NewUser("new.admin", "x", Role.ADMIN, unitPaths.idOfCode("06757").orElseThrow()))))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void nobodyDisablesHimself() {
        long self = fixture.as("qn.admin", () -> users.list()).stream()
                .filter(u -> u.username().equals("qn.admin")).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> fixture.as("qn.admin", () -> users.setEnabled(self, false)))
                .isInstanceOf(OutsideScopeException.class);
    }

    // --- the matrix: role x unit x action ---------------------------------------------------

    enum Action {
        VIEW_UNIT, LIST_CHILDREN, RENAME_UNIT, ADD_CHILD_UNIT, IMPORT_UNIT_BELOW, CREATE_TEAM_MEMBER, LIST_USERS,
        READ_AUDIT
    }

    /**
     * Every row is written by hand from the rules in the issue, not derived from the code under
     * test: own subtree yes, elsewhere no; organizers only strictly below their unit; leaders and
     * team members read only.
     */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // the administrator of the root: everything, everywhere
                row("root.admin", Action.VIEW_UNIT, "24616", true),
                row("root.admin", Action.RENAME_UNIT, "24616", true),
                row("root.admin", Action.IMPORT_UNIT_BELOW, "24616", true),
                row("root.admin", Action.CREATE_TEAM_MEMBER, "24616", true),
                // a provincial administrator: his province, his own unit included, not the other one
                row("qn.admin", Action.VIEW_UNIT, "22", true),
                row("qn.admin", Action.RENAME_UNIT, "22", true),
                row("qn.admin", Action.RENAME_UNIT, "06757-01", true),
                row("qn.admin", Action.IMPORT_UNIT_BELOW, "06760", true),
                row("qn.admin", Action.VIEW_UNIT, "67", false),
                row("qn.admin", Action.VIEW_UNIT, "24616", false),
                row("qn.admin", Action.LIST_CHILDREN, "67", false),
                row("qn.admin", Action.RENAME_UNIT, "24616", false),
                row("qn.admin", Action.IMPORT_UNIT_BELOW, "24616", false),
                row("qn.admin", Action.CREATE_TEAM_MEMBER, "24616", false),
                row("qn.admin", Action.READ_AUDIT, "22", true),
                // a provincial organizer: below the province, not the province itself
                row("qn.organizer", Action.VIEW_UNIT, "06757", true),
                row("qn.organizer", Action.RENAME_UNIT, "06757", true),
                row("qn.organizer", Action.RENAME_UNIT, "22", false),
                row("qn.organizer", Action.ADD_CHILD_UNIT, "22", true),
                row("qn.organizer", Action.IMPORT_UNIT_BELOW, "06757", false),
                row("qn.organizer", Action.CREATE_TEAM_MEMBER, "06757-01", true),
                row("qn.organizer", Action.CREATE_TEAM_MEMBER, "24616", false),
                row("qn.organizer", Action.LIST_USERS, "22", true),
                row("qn.organizer", Action.READ_AUDIT, "22", false),
                // a commune organizer: his commune's villages, never the neighbour commune
                row("hoanhmo.organizer", Action.VIEW_UNIT, "06757", true),
                row("hoanhmo.organizer", Action.LIST_CHILDREN, "06757", true),
                row("hoanhmo.organizer", Action.RENAME_UNIT, "06757-01", true),
                row("hoanhmo.organizer", Action.ADD_CHILD_UNIT, "06757", true),
                row("hoanhmo.organizer", Action.RENAME_UNIT, "06757", false),
                row("hoanhmo.organizer", Action.VIEW_UNIT, "06760", false),
                row("hoanhmo.organizer", Action.VIEW_UNIT, "06760-01", false),
                row("hoanhmo.organizer", Action.LIST_CHILDREN, "06760", false),
                row("hoanhmo.organizer", Action.RENAME_UNIT, "06760", false),
                row("hoanhmo.organizer", Action.ADD_CHILD_UNIT, "06760", false),
                row("hoanhmo.organizer", Action.VIEW_UNIT, "198", false),
                row("hoanhmo.organizer", Action.CREATE_TEAM_MEMBER, "06757-01", true),
                row("hoanhmo.organizer", Action.CREATE_TEAM_MEMBER, "06760-01", false),
                row("hoanhmo.organizer", Action.CREATE_TEAM_MEMBER, "06757", false),
                // a leader: reads his province, changes nothing
                row("qn.leader", Action.VIEW_UNIT, "06760-01", true),
                row("qn.leader", Action.LIST_CHILDREN, "22", true),
                row("qn.leader", Action.RENAME_UNIT, "06760", false),
                row("qn.leader", Action.ADD_CHILD_UNIT, "06760", false),
                row("qn.leader", Action.CREATE_TEAM_MEMBER, "06760-01", false),
                row("qn.leader", Action.LIST_USERS, "22", false),
                row("qn.leader", Action.READ_AUDIT, "22", false),
                row("qn.leader", Action.VIEW_UNIT, "67", false),
                // a team member: his village only, read only
                row("pacpoc.member", Action.VIEW_UNIT, "06757-01", true),
                row("pacpoc.member", Action.VIEW_UNIT, "06757", false),
                row("pacpoc.member", Action.VIEW_UNIT, "06757-02", false),
                row("pacpoc.member", Action.RENAME_UNIT, "06757-01", false),
                row("pacpoc.member", Action.LIST_USERS, "06757-01", false));
    }

    private static Arguments row(String user, Action action, String unitCode, boolean allowed) {
        return Arguments.of(user, action, unitCode, allowed);
    }

    @ParameterizedTest(name = "{0} {1} {2} → allowed={3}")
    @MethodSource("matrix")
    void scopeMatrix(String user, Action action, String unitCode, boolean allowed) {
        // Look the target up as the root administrator: the actor may not even be allowed to see it.
        UnitData target = fixture.as("root.admin", () -> units.get(unitCode));
        Consumer<UnitData> attempt = switch (action) {
            case VIEW_UNIT -> u -> assertThat(units.get(u.code()).code()).isEqualTo(u.code());
            case LIST_CHILDREN -> u -> units.children(u.id());
            case RENAME_UNIT -> u -> units.rename(u.id(), u.name() + " (sửa)");
            case ADD_CHILD_UNIT -> u -> units.addChild(u.id(), u.code() + "-99", "Thôn Mới", UnitType.THON);
            case IMPORT_UNIT_BELOW -> u -> {
                UnitImportReport r = fixture.importCsv("code,name,type,parent_code\n" + u.code() + "-98,Thôn Nhập,Thôn,"
                        + u.code() + "\n");
                if (!r.applied()) {
                    throw new OutsideScopeException(r.problems().toString());
                }
            };
            case CREATE_TEAM_MEMBER -> u -> users.create(new NewUser("new.member", "Thành viên mới", Role.TEAM_MEMBER,
                    u.id()));
            case LIST_USERS -> u -> users.list();
            case READ_AUDIT -> u -> audit.recent(10);
        };
        if (allowed) {
            fixture.as(user, () -> attempt.accept(target));
        } else {
            assertThatThrownBy(() -> fixture.as(user, () -> attempt.accept(target)))
                    .isInstanceOf(OutsideScopeException.class);
        }
    }

    @Test
    void searchNeverReturnsUnitsOutsideTheCallersArea() {
        assertThat(fixture.as("hoanhmo.organizer", () -> units.search("a", 200)))
                .extracting(h -> h.unit().path()).allMatch(p -> p.startsWith("/VN/22/198/06757/"));
        assertThat(fixture.as("hoanhmo.organizer", () -> units.search("quang son", 10))).isEmpty();
    }

    private static List<String> names(List<UnitSearchHit> hits) {
        return hits.stream().map(h -> h.unit().displayName()).toList();
    }
}
