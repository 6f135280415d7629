package vn.dvctt.team;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.shared.TabularFile;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.TeamImportReport.Kind;
import vn.dvctt.team.TeamImportReport.Problem;

/**
 * Reads a file of teams and members (one line per member) into checked rows, or into the list of
 * every line that is wrong. Nothing here touches the database except through {@code unitOf}.
 */
final class TeamImportPlan {

    /** Where a unit code points: the unit, or why it cannot be used. */
    sealed interface UnitLookup permits Found, Unknown, Outside {
    }

    record Found(UnitData unit) implements UnitLookup {
    }

    record Unknown() implements UnitLookup {
    }

    record Outside() implements UnitLookup {
    }

    record TeamKey(long unitId, String foldedName) {
    }

    record TeamRow(TeamKey key, UnitData unit, String name, String decisionNumber, LocalDate decisionDate,
                   String decisionSigner) {
    }

    record MemberRow(int line, TeamKey team, MemberDraft member) {
    }

    static final int MAX_NAME = 200;
    static final int MAX_SKILLS = 500;
    static final int MIN_BIRTH_YEAR = 1930;
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    final List<Problem> problems = new ArrayList<>();
    final Map<TeamKey, TeamRow> teams = new LinkedHashMap<>();
    final List<MemberRow> members = new ArrayList<>();
    int lines;

    static TeamImportPlan of(TabularFile file, Function<String, UnitLookup> unitOf) {
        TeamImportPlan plan = new TeamImportPlan();
        plan.read(file, unitOf);
        return plan;
    }

    private void read(TabularFile file, Function<String, UnitLookup> unitOf) {
        lines = file.lines().size();
        Map<String, Integer> col = new HashMap<>();
        required(file, col, "unit", "mã thôn", "mã thôn bản", "mã đơn vị", "village code", "unit code", "code");
        required(file, col, "team", "tên tổ", "tổ", "team name", "team");
        required(file, col, "name", "họ và tên", "họ tên", "full name", "name");
        optional(file, col, "decisionNumber", "số quyết định", "quyết định số", "decision number", "decision no");
        optional(file, col, "decisionDate", "ngày quyết định", "decision date");
        optional(file, col, "signer", "người ký", "người ký quyết định", "signer", "decision signer");
        optional(file, col, "role", "vai trò", "chức danh", "chức vụ", "role");
        optional(file, col, "phone", "số điện thoại", "điện thoại", "sđt", "phone", "phone number");
        optional(file, col, "year", "năm sinh", "year of birth", "birth year");
        optional(file, col, "gender", "giới tính", "gender", "sex");
        optional(file, col, "youth", "đoàn viên", "đoàn viên thanh niên", "youth union", "youth union member");
        optional(file, col, "official", "cán bộ xã", "công chức xã", "cán bộ, công chức xã", "commune official");
        optional(file, col, "skills", "kỹ năng", "skills");
        if (!problems.isEmpty()) {
            return;
        }
        Map<String, UnitLookup> units = new HashMap<>();
        Map<String, Integer> seenPeople = new HashMap<>();
        Map<TeamKey, Integer> leaders = new HashMap<>();
        for (TabularFile.Line line : file.lines()) {
            int n = line.number();
            int before = problems.size();
            String code = line.cell(col.get("unit"));
            UnitLookup lookup = units.computeIfAbsent(code, unitOf);
            UnitData unit = null;
            if (lookup instanceof Found found) {
                unit = found.unit();
                if (unit.level() != UnitLevel.VILLAGE && unit.level() != UnitLevel.COMMUNE) {
                    problems.add(new Problem(n, Kind.NOT_A_VILLAGE_OR_COMMUNE, code));
                }
            } else if (lookup instanceof Outside) {
                problems.add(new Problem(n, Kind.OUTSIDE_SCOPE, code));
            } else {
                problems.add(new Problem(n, Kind.UNKNOWN_VILLAGE, code));
            }
            String teamName = line.cell(col.get("team"));
            if (teamName.isEmpty() || teamName.length() > MAX_NAME) {
                problems.add(new Problem(n, Kind.MISSING_TEAM_NAME, ""));
            }
            String decisionNumber = cell(line, col, "decisionNumber");
            String dateText = cell(line, col, "decisionDate");
            Optional<LocalDate> decisionDate = parseDate(dateText);
            if (!dateText.isEmpty() && decisionDate.isEmpty()) {
                problems.add(new Problem(n, Kind.BAD_DATE, dateText));
            }
            String signer = cell(line, col, "signer");
            String fullName = line.cell(col.get("name")).replaceAll("\\s+", " ");
            if (fullName.isEmpty()) {
                problems.add(new Problem(n, Kind.MISSING_NAME, ""));
            } else if (fullName.length() > MAX_NAME) {
                problems.add(new Problem(n, Kind.NAME_TOO_LONG, String.valueOf(MAX_NAME)));
            }
            String roleText = cell(line, col, "role");
            Optional<MemberRole> role = MemberRole.parse(roleText);
            if (role.isEmpty()) {
                problems.add(new Problem(n, Kind.UNKNOWN_ROLE, roleText));
            }
            String phoneText = cell(line, col, "phone");
            Optional<String> phone = PhoneNumbers.normalize(phoneText);
            if (!phoneText.isEmpty() && phone.isEmpty()) {
                // The detail names the problem, never the number: reports may be shown or logged.
                problems.add(new Problem(n, Kind.BAD_PHONE, ""));
            }
            String yearText = cell(line, col, "year");
            Optional<Integer> year = parseYear(yearText);
            if (!yearText.isEmpty() && year.isEmpty()) {
                problems.add(new Problem(n, Kind.BAD_YEAR, yearText));
            }
            String genderText = cell(line, col, "gender");
            Optional<Gender> gender = Gender.parse(genderText);
            if (!genderText.isEmpty() && gender.isEmpty()) {
                problems.add(new Problem(n, Kind.UNKNOWN_GENDER, genderText));
            }
            Optional<Boolean> youth = yesNo(cell(line, col, "youth"));
            if (youth.isEmpty()) {
                problems.add(new Problem(n, Kind.BAD_YES_NO, cell(line, col, "youth")));
            }
            Optional<Boolean> official = yesNo(cell(line, col, "official"));
            if (official.isEmpty()) {
                problems.add(new Problem(n, Kind.BAD_YES_NO, cell(line, col, "official")));
            }
            String skills = cell(line, col, "skills");
            if (skills.length() > MAX_SKILLS) {
                skills = skills.substring(0, MAX_SKILLS);
            }
            if (problems.size() != before) {
                continue;
            }
            TeamKey key = new TeamKey(unit.id().value(), VietnameseText.fold(teamName));
            TeamRow team = teams.get(key);
            if (team == null) {
                teams.put(key, new TeamRow(key, unit, teamName, blankToNull(decisionNumber), decisionDate.orElse(null),
                        blankToNull(signer)));
            } else if (!decisionNumber.isEmpty() && team.decisionNumber() != null
                    && !decisionNumber.equals(team.decisionNumber())
                    || decisionDate.isPresent() && team.decisionDate() != null
                    && !decisionDate.get().equals(team.decisionDate())) {
                problems.add(new Problem(n, Kind.DECISION_MISMATCH, teamName));
                continue;
            } else if (team.decisionNumber() == null && !decisionNumber.isEmpty()
                    || team.decisionDate() == null && decisionDate.isPresent()
                    || team.decisionSigner() == null && !signer.isEmpty()) {
                teams.put(key, new TeamRow(key, unit, team.name(),
                        team.decisionNumber() != null ? team.decisionNumber() : blankToNull(decisionNumber),
                        team.decisionDate() != null ? team.decisionDate() : decisionDate.orElse(null),
                        team.decisionSigner() != null ? team.decisionSigner() : blankToNull(signer)));
            }
            String folded = VietnameseText.fold(fullName);
            Integer firstLine = null;
            for (String identity : identities(key, folded, phone.orElse(null), year.orElse(null))) {
                Integer earlier = seenPeople.putIfAbsent(identity, n);
                if (earlier != null && firstLine == null) {
                    firstLine = earlier;
                }
            }
            if (firstLine != null) {
                problems.add(new Problem(n, Kind.DUPLICATE_MEMBER, String.valueOf(firstLine)));
                continue;
            }
            if (role.get() == MemberRole.LEADER) {
                Integer otherLeader = leaders.putIfAbsent(key, n);
                if (otherLeader != null) {
                    problems.add(new Problem(n, Kind.TWO_LEADERS, String.valueOf(otherLeader)));
                    continue;
                }
            }
            members.add(new MemberRow(n, key, new MemberDraft(fullName, role.get(), phone.orElse(null),
                    year.orElse(null), gender.orElse(null), youth.get(), official.get(), blankToNull(skills))));
        }
    }

    /** One person is the same name on the same team with the same phone or the same year of birth. */
    private static List<String> identities(TeamKey team, String foldedName, String phone, Integer year) {
        String base = team.unitId() + "|" + team.foldedName() + "|" + foldedName + "|";
        List<String> ids = new ArrayList<>();
        if (phone != null) {
            ids.add(base + "p" + phone);
        }
        if (year != null) {
            ids.add(base + "y" + year);
        }
        if (ids.isEmpty()) {
            ids.add(base);
        }
        return ids;
    }

    private void required(TabularFile file, Map<String, Integer> col, String key, String... aliases) {
        file.column(aliases).ifPresentOrElse(i -> col.put(key, i),
                () -> problems.add(new Problem(1, Kind.MISSING_COLUMN, aliases[0])));
    }

    private static void optional(TabularFile file, Map<String, Integer> col, String key, String... aliases) {
        file.column(aliases).ifPresent(i -> col.put(key, i));
    }

    private static String cell(TabularFile.Line line, Map<String, Integer> col, String key) {
        Integer index = col.get(key);
        return index == null ? "" : line.cell(index);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** dd/MM/yyyy as Vietnamese write it, ISO, or the day number an XLSX date cell holds. */
    static Optional<LocalDate> parseDate(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.matches("\\d{5}(\\.0+)?")) {
            return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(t.replaceFirst("\\..*", ""))));
        }
        if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(t, format.withResolverStyle(java.time.format.ResolverStyle.STRICT));
                return date.getYear() >= 2000 && date.getYear() <= Year.now().getValue() + 1 ? Optional.of(date)
                        : Optional.empty();
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** A plausible year of birth for someone on a team: 1930 to fourteen years ago. */
    static Optional<Integer> parseYear(String text) {
        String t = text == null ? "" : text.trim().replaceFirst("\\.0+$", "");
        if (!t.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(t);
        return validYear(year) ? Optional.of(year) : Optional.empty();
    }

    static boolean validYear(int year) {
        return year >= MIN_BIRTH_YEAR && year <= Year.now().getValue() - 14;
    }

    /** "Có"/"Không", "x"/"", "yes"/"no", "1"/"0", "true"/"false". */
    static Optional<Boolean> yesNo(String text) {
        return switch (VietnameseText.fold(text)) {
            case "co", "x", "yes", "y", "1", "true" -> Optional.of(true);
            case "", "khong", "no", "n", "0", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
