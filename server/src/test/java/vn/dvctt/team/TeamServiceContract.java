package vn.dvctt.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditEntry;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.TabularFile;
import vn.dvctt.support.Fixture;
import vn.dvctt.team.TeamImportReport.Kind;

/** Teams on H2 and PostgreSQL (subclasses); each test rolls back. */
@Transactional
@RecordApplicationEvents
abstract class TeamServiceContract {

    static final String HEADER = "Mã thôn,Tên tổ,Số quyết định,Ngày quyết định,Người ký,Họ và tên,Vai trò,"
            + "Số điện thoại,Năm sinh,Giới tính,Đoàn viên,Cán bộ xã,Kỹ năng\n";
    static final String TEAMS = HEADER + """
            06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,Chủ tịch UBND xã,Lục Văn Thắng,Tổ trưởng,0912 345 601,1985,Nam,Không,Có,VNeID
            06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,Chủ tịch UBND xã,Chìu Thị Mai,Thành viên,0983210602,1996,Nữ,Có,Không,
            06757-02,Tổ CNS Khe Mạ,13/QĐ-UBND,16/03/2023,Chủ tịch UBND xã,La Văn Cường,Tổ trưởng,0916808631,1987,Nam,Không,Có,
            06760-01,Tổ CNS Nà Sa,5/QĐ-UBND,02/04/2023,Chủ tịch UBND xã,Lỷ Văn Minh,Tổ trưởng,0917555661,1986,Nam,Không,Có,
            """;

    @Autowired
    Fixture fixture;
    @Autowired
    TeamService teams;
    @Autowired
    UnitPaths unitPaths;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void setUp() {
        fixture.load();
        TeamImportReport report = fixture.as("qn.organizer", () -> importCsv(TEAMS));
        assertThat(report.problems()).isEmpty();
        assertThat(report.teamsCreated()).isEqualTo(3);
        assertThat(report.membersAdded()).isEqualTo(4);
    }

    @Test
    void aTeamMemberOfOneVillageDoesNotSeeAnotherVillagesPeople() {
        List<TeamData> seen = fixture.as("pacpoc.member", () -> teams.search("", null, true));
        assertThat(seen).extracting(TeamData::name).containsExactly("Tổ CNS Pắc Pộc");
        long kheMa = teamId("Tổ CNS Khe Mạ");
        assertThatThrownBy(() -> fixture.as("pacpoc.member", () -> teams.members(kheMa, true)))
                .isInstanceOf(OutsideScopeException.class);
        assertThat(fixture.as("pacpoc.member", () -> teams.find(kheMa))).isEmpty();
        assertThat(fixture.as("pacpoc.member", () -> teams.team(kheMa))).isEmpty();
        assertThat(fixture.as("pacpoc.member", () -> teams.members(teamId("Tổ CNS Pắc Pộc"), false)))
                .extracting(MemberData::fullName).containsExactly("Lục Văn Thắng", "Chìu Thị Mai");
    }

    @Test
    void communeOrganizerSeesAndChangesOnlyHisOwnSubtree() {
        assertThat(fixture.as("hoanhmo.organizer", () -> teams.search("", null, false)))
                .extracting(TeamData::name).containsExactly("Tổ CNS Khe Mạ", "Tổ CNS Pắc Pộc");
        UnitId naSa = unit("06760-01");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> teams.teamsWithin(naSa)))
                .isInstanceOf(OutsideScopeException.class);
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> teams.create(
                new TeamDraft(naSa, "Tổ mới", "1/QĐ", LocalDate.of(2024, 1, 2), "Chủ tịch"))))
                .isInstanceOf(OutsideScopeException.class);
        TeamData communeTeam = fixture.as("hoanhmo.organizer", () -> teams.create(
                new TeamDraft(unit("06757"), "Tổ CNS xã Hoành Mô", "9/QĐ", LocalDate.of(2024, 1, 2), "Chủ tịch")));
        assertThat(communeTeam.unitName()).isEqualTo("Xã Hoành Mô");
        assertThatThrownBy(() -> fixture.as("qn.organizer", () -> teams.create(
                new TeamDraft(unit("198"), "Tổ huyện", null, null, null))))
                .isInstanceOf(vn.dvctt.shared.InvalidInputException.class);
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> teams.addMember(communeTeam.id(),
                new MemberDraft("Nguyễn Văn A", MemberRole.MEMBER, null, null, null, false, false, null), null)))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void searchIgnoresAccentsAndFiltersByUnit() {
        assertThat(fixture.as("qn.leader", () -> teams.search("pac poc", null, false)))
                .extracting(TeamData::name).containsExactly("Tổ CNS Pắc Pộc");
        assertThat(fixture.as("qn.leader", () -> teams.search("", unit("06760"), false)))
                .extracting(TeamData::name).containsExactly("Tổ CNS Nà Sa");
        assertThat(fixture.as("qn.leader", () -> teams.teamsWithin(unit("06757"))))
                .extracting(TeamSummary::name, TeamSummary::activeMembers)
                .containsExactly(tuple("Tổ CNS Khe Mạ", 1), tuple("Tổ CNS Pắc Pộc", 2));
    }

    @Test
    void anImportWithBrokenLinesNamesEachLineAndAppliesNothing() {
        TeamImportReport report = fixture.as("hoanhmo.organizer", () -> importCsv(HEADER + """
                06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,,Người Mới,Thành viên,0912000111,1990,Nam,Có,Không,
                99999-01,Tổ lạ,1/QĐ,15/03/2023,,Hoàng Văn Một,Thành viên,0912000222,1990,Nam,Có,Không,
                06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,,Hoàng Văn Hai,Thành viên,12345,1990,Nam,Có,Không,
                06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,,Hoàng Văn Ba,Thành viên,0912000333,1850,Nam,Có,Không,
                06757-02,Tổ CNS Khe Mạ,13/QĐ-UBND,32/13/2023,,Hoàng Văn Bốn,Thành viên,0912000444,1990,Nam,Có,Không,
                06757-02,Tổ CNS Khe Mạ,13/QĐ-UBND,16/03/2023,,,Thành viên,0912000555,1990,Nam,Có,Không,
                06757-01,Tổ CNS Pắc Pộc,12/QĐ-UBND,15/03/2023,,người mới,Thành viên,0912 000 111,1991,Nam,Có,Không,
                06760-01,Tổ CNS Nà Sa,5/QĐ-UBND,02/04/2023,,Hoàng Văn Năm,Thành viên,0912000666,1990,Nam,Có,Không,
                06757-02,Tổ CNS Khe Mạ,13/QĐ-UBND,16/03/2023,,Hoàng Văn Sáu,Chủ tịch,0912000777,1990,Nam,Có,Không,
                """));
        assertThat(report.applied()).isFalse();
        assertThat(report.problems()).extracting(TeamImportReport.Problem::line, TeamImportReport.Problem::kind)
                .containsExactly(tuple(3, Kind.UNKNOWN_VILLAGE), tuple(4, Kind.BAD_PHONE), tuple(5, Kind.BAD_YEAR),
                        tuple(6, Kind.BAD_DATE), tuple(7, Kind.MISSING_NAME), tuple(8, Kind.DUPLICATE_MEMBER),
                        tuple(9, Kind.OUTSIDE_SCOPE), tuple(10, Kind.UNKNOWN_ROLE));
        assertThat(report.problems().get(5).detail()).isEqualTo("2");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.detail()).doesNotContain("12345", "0912"));
        assertThat(fixture.as("qn.organizer", () -> teams.members(teamId("Tổ CNS Pắc Pộc"), true))).hasSize(2);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAChangedPhoneIsAnUpdate() {
        TeamImportReport again = fixture.as("qn.organizer", () -> importCsv(TEAMS));
        assertThat(again.applied()).isTrue();
        assertThat(again.teamsCreated() + again.membersAdded() + again.membersUpdated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        TeamImportReport changed = fixture.as("qn.organizer", () -> importCsv(TEAMS.replace("0983210602", "0983210699")));
        assertThat(changed.membersUpdated()).isEqualTo(1);
        assertThat(changed.membersAdded()).isZero();
        assertThat(fixture.as("qn.organizer", () -> teams.members(teamId("Tổ CNS Pắc Pộc"), true))).hasSize(2);
    }

    @Test
    void movingAMemberKeepsHisHistoryOnTheOldTeam() {
        long pacPoc = teamId("Tổ CNS Pắc Pộc");
        long kheMa = teamId("Tổ CNS Khe Mạ");
        MemberData mai = member(pacPoc, "Chìu Thị Mai");
        MemberData moved = fixture.as("hoanhmo.organizer", () -> teams.move(mai.membershipId(), kheMa,
                LocalDate.of(2024, 5, 1)));

        assertThat(moved.teamId()).isEqualTo(kheMa);
        assertThat(fixture.as("qn.organizer", () -> teams.members(pacPoc, false))).extracting(MemberData::fullName)
                .containsExactly("Lục Văn Thắng");
        assertThat(fixture.as("qn.organizer", () -> teams.members(pacPoc, true)))
                .filteredOn(m -> m.fullName().equals("Chìu Thị Mai"))
                .extracting(MemberData::leftOn, MemberData::endReason)
                .containsExactly(tuple(LocalDate.of(2024, 5, 1), MemberData.EndReason.MOVED));
        assertThat(fixture.as("qn.organizer", () -> teams.members(kheMa, false))).extracting(MemberData::fullName)
                .contains("Chìu Thị Mai");
        assertThat(fixture.as("qn.organizer", () -> teams.historyOf(moved.membershipId())))
                .extracting(MemberData::teamId).containsExactly(pacPoc, kheMa);

        MemberData thang = member(pacPoc, "Lục Văn Thắng");
        fixture.as("hoanhmo.organizer", () -> teams.leave(thang.membershipId(), LocalDate.of(2024, 6, 1)));
        assertThat(fixture.as("qn.organizer", () -> teams.members(pacPoc, false))).isEmpty();
        assertThat(fixture.as("qn.organizer", () -> teams.members(pacPoc, true))).hasSize(2);
    }

    @Test
    void coverageCountsVillagesCommunesMembersAndTrained() {
        long pacPoc = teamId("Tổ CNS Pắc Pộc");
        MemberData thang = member(pacPoc, "Lục Văn Thắng");
        fixture.as("qn.organizer", () -> teams.recordTraining(thang.membershipId(), "Kỹ năng số cơ bản",
                LocalDate.of(2024, 3, 1)));
        fixture.as("qn.organizer", () -> teams.recordTraining(thang.membershipId(), "Dịch vụ công toàn trình",
                LocalDate.of(2024, 4, 1)));

        TeamCoverage province = fixture.as("qn.leader", () -> teams.coverage(unit("22")));
        TeamCoverage.Row total = province.total();
        assertThat(List.of(total.communesWithTeam(), total.communes(), total.villagesWithTeam(), total.villages(),
                total.teams(), total.members(), total.trainedMembers())).containsExactly(2, 3, 3, 3, 3, 4, 1);
        assertThat(province.children()).extracting(TeamCoverage.Row::name, TeamCoverage.Row::communesWithTeam,
                        TeamCoverage.Row::communes, TeamCoverage.Row::villagesWithTeam, TeamCoverage.Row::villages)
                .containsExactlyInAnyOrder(tuple("Huyện Bình Liêu", 2, 2, 3, 3), tuple("Thành phố Hạ Long", 0, 1, 0, 0));

        fixture.as("qn.organizer", () -> teams.disband(teamId("Tổ CNS Khe Mạ"), LocalDate.of(2024, 7, 1)));
        TeamCoverage commune = fixture.as("hoanhmo.organizer", () -> teams.coverage(unit("06757")));
        assertThat(commune.total().villagesWithTeam()).isEqualTo(1);
        assertThat(commune.total().villages()).isEqualTo(2);
        assertThat(commune.children()).extracting(TeamCoverage.Row::name, TeamCoverage.Row::members,
                TeamCoverage.Row::trainedMembers).containsExactly(tuple("Bản Khe Mạ", 0, 0), tuple("Bản Pắc Pộc", 2, 1));
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> teams.coverage(unit("22"))))
                .isInstanceOf(OutsideScopeException.class);
    }

    @Test
    void settingUpATeamPublishesAnEventWithoutPersonalData() {
        events.clear();
        TeamData team = fixture.as("hoanhmo.organizer", () -> teams.create(
                new TeamDraft(unit("06757"), "Tổ CNS xã Hoành Mô", "9/QĐ", LocalDate.of(2024, 1, 2), "Chủ tịch")));
        assertThat(events.stream(TeamSetUp.class)).containsExactly(new TeamSetUp(team.id(), unit("06757"),
                "/VN/22/198/06757/", LocalDate.of(2024, 1, 2)));
        fixture.as("hoanhmo.organizer", () -> teams.addMember(team.id(), new MemberDraft("Hoàng Thị Hương",
                MemberRole.LEADER, "0203 3878 650", 1984, Gender.FEMALE, false, true, null), LocalDate.of(2024, 1, 3)));
        assertThat(events.stream(TeamMembershipChanged.class))
                .containsExactly(new TeamMembershipChanged(team.id(), unit("06757"), "/VN/22/198/06757/", 1, 0));
        fixture.as("hoanhmo.organizer", () -> teams.disband(team.id(), LocalDate.of(2024, 2, 1)));
        assertThat(events.stream(TeamDisbanded.class)).hasSize(1);
    }

    @Test
    void listsMaskPhonesWhileOrganizersReadThemWholeAndNoAuditEntryHoldsOne() {
        long pacPoc = teamId("Tổ CNS Pắc Pộc");
        MemberData listed = member(pacPoc, "Lục Văn Thắng");
        assertThat(listed.phone()).isEqualTo("09xx xxx 601");
        assertThat(listed.phoneMasked()).isTrue();
        assertThat(fixture.as("hoanhmo.organizer", () -> teams.member(listed.membershipId())).phone())
                .isEqualTo("0912345601");
        assertThat(fixture.as("qn.leader", () -> teams.member(listed.membershipId())).phone()).isEqualTo("09xx xxx 601");
        assertThat(fixture.as("pacpoc.member", () -> teams.member(listed.membershipId())).phone())
                .isEqualTo("09xx xxx 601");
        assertThatThrownBy(() -> fixture.as("hoanhmo.organizer", () -> teams.updateMember(listed.membershipId(),
                new MemberDraft("Lục Văn Thắng", MemberRole.LEADER, "0912", 1985, Gender.MALE, false, true, null))))
                .isInstanceOf(vn.dvctt.shared.InvalidInputException.class);

        List<AuditEntry> entries = fixture.as("root.admin", () -> audit.recent(500));
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.before() + " " + e.after())
                .doesNotContain("0912345601", "345601", "Lục Văn Thắng"));
    }

    @Test
    void onlyOrganizersAndAdministratorsOfTheUnitExportMembersWithWholePhones() throws Exception {
        assertThatThrownBy(() -> fixture.as("qn.leader", () -> {
            try {
                teams.exportMembers(unit("22"), new ByteArrayOutputStream());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        })).isInstanceOf(OutsideScopeException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fixture.as("hoanhmo.organizer", () -> {
            try {
                teams.exportMembers(unit("06757"), out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        TabularFile file = TabularFile.read(new ByteArrayInputStream(out.toByteArray()), "export.xlsx");
        assertThat(file.lines()).hasSize(3);
        int phone = file.column("Số điện thoại").orElseThrow();
        assertThat(file.lines()).extracting(l -> l.cell(phone)).contains("0912345601", "0916808631");
        // The export is importable as it stands, and changes nothing.
        TeamImportReport back = fixture.as("hoanhmo.organizer", () -> teams.importFile(
                new ByteArrayInputStream(out.toByteArray()), "export.xlsx"));
        assertThat(back.problems()).isEmpty();
        assertThat(back.unchanged()).isEqualTo(3);
    }

    private UnitId unit(String code) {
        return unitPaths.idOfCode(code).orElseThrow();
    }

    private long teamId(String name) {
        return fixture.as("root.admin", () -> teams.search(name, null, true)).stream()
                .filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private MemberData member(long teamId, String name) {
        return fixture.as("qn.organizer", () -> teams.members(teamId, false)).stream()
                .filter(m -> m.fullName().equals(name)).findFirst().orElseThrow();
    }

    private TeamImportReport importCsv(String csv) {
        return teams.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "to-cns.csv");
    }
}
