package vn.dvctt.team;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.content.PinHash;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitNotFoundException;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.TabularFile;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.MemberData.EndReason;
import vn.dvctt.team.TeamImportReport.Kind;
import vn.dvctt.team.TeamImportReport.Problem;
import vn.dvctt.team.internal.Team;
import vn.dvctt.team.internal.TeamMembership;
import vn.dvctt.team.internal.TeamMemberships;
import vn.dvctt.team.internal.TeamPeople;
import vn.dvctt.team.internal.TeamPerson;
import vn.dvctt.team.internal.TeamTraining;
import vn.dvctt.team.internal.TeamTrainings;
import vn.dvctt.team.internal.Teams;

/**
 * Community digital technology teams (Tổ công nghệ số cộng đồng). Everyone sees the teams of his
 * own subtree (a team member only his village); administrators and organizers set teams up and
 * keep their members. Names and phones are personal data: lists mask phones, only administrators
 * and organizers read or export them whole, and neither is ever written to a log or audit entry.
 */
@Service
public class TeamService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final java.security.SecureRandom PIN_RANDOM = new java.security.SecureRandom();
    private static final String AUDIT_TEAM = "Team";
    private static final String AUDIT_MEMBER = "TeamMember";
    private static final Comparator<MemberData> MEMBER_ORDER = Comparator.comparing((MemberData m) -> !m.active())
            .thenComparing(MemberData::role).thenComparing(VietnameseText.byName(MemberData::fullName));

    private final Teams teams;
    private final TeamPeople people;
    private final TeamMemberships memberships;
    private final TeamTrainings trainings;
    private final AdminUnitService units;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    TeamService(Teams teams, TeamPeople people, TeamMemberships memberships, TeamTrainings trainings,
                AdminUnitService units, UnitPaths unitPaths, CurrentUser currentUser, AuditLog audit,
                ApplicationEventPublisher events) {
        this.teams = teams;
        this.people = people;
        this.memberships = memberships;
        this.trainings = trainings;
        this.units = units;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
    }

    /** Active teams set up in {@code unit} or below it, for a caller who may see that unit. */
    @Transactional(readOnly = true)
    public List<TeamSummary> teamsWithin(UnitId unit) {
        Scope scope = currentUser.scope();
        String path = unitPaths.pathOf(unit).orElseThrow(() -> new UnitNotFoundException(unit.toString()));
        requireView(scope, path);
        List<Team> found = teams.findActiveWithin(VietnameseText.likeLiteral(path) + "%");
        Map<Long, Integer> counts = activeCounts(found);
        Map<UnitId, UnitLabel> labels = labels(found);
        return found.stream().map(t -> summary(t, counts, labels))
                .sorted(VietnameseText.byName(TeamSummary::unitName).thenComparing(VietnameseText.byName(TeamSummary::name)))
                .toList();
    }

    /** The team, if it exists and the caller may see its unit; empty otherwise (outsiders learn nothing). */
    @Transactional(readOnly = true)
    public Optional<TeamSummary> find(long teamId) {
        Scope scope = currentUser.scope();
        return teams.findById(teamId).filter(t -> scope.canView(t.getUnitPath()))
                .map(t -> summary(t, activeCounts(List.of(t)), labels(List.of(t))));
    }

    /**
     * Teams in the caller's subtree, or below {@code within} when given, whose name or unit matches
     * {@code text} without accents; disbanded teams only when asked for.
     */
    @Transactional(readOnly = true)
    public List<TeamData> search(String text, UnitId within, boolean includeDisbanded) {
        Scope scope = currentUser.scope();
        String path = scope.unitPath();
        if (within != null) {
            path = unitPaths.pathOf(within).orElseThrow(() -> new UnitNotFoundException(within.toString()));
            requireView(scope, path);
        }
        List<Team> found = teams.findWithin(VietnameseText.likeLiteral(path) + "%").stream()
                .filter(t -> includeDisbanded || t.isActive()).toList();
        List<TeamData> data = toData(found);
        String folded = VietnameseText.fold(text);
        return data.stream()
                .filter(t -> folded.isEmpty() || VietnameseText.fold(t.name() + " " + t.unitName() + " " + t.unitCode())
                        .contains(folded))
                .sorted(VietnameseText.byName(TeamData::unitName).thenComparing(VietnameseText.byName(TeamData::name)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<TeamData> team(long teamId) {
        Scope scope = currentUser.scope();
        return teams.findById(teamId).filter(t -> scope.canView(t.getUnitPath())).map(t -> toData(List.of(t)).get(0));
    }

    /** Whether the caller may set up teams and keep members here; the actions check again themselves. */
    @Transactional(readOnly = true)
    public boolean canManage(String unitPath) {
        return mayManage(currentUser.scope(), unitPath);
    }

    @Transactional(readOnly = true)
    public boolean canImport() {
        Role role = currentUser.scope().role();
        return role == Role.ADMIN || role == Role.ORGANIZER;
    }

    /** Exports carry whole phone numbers: administrators and organizers only. */
    @Transactional(readOnly = true)
    public boolean canExport() {
        return canImport();
    }

    @Transactional
    public TeamData create(TeamDraft draft) {
        Scope scope = currentUser.scope();
        UnitData unit = teamUnit(scope, draft.unit());
        String name = requireText(draft.name(), TeamImportPlan.MAX_NAME, "team.error.name");
        if (teams.findByUnitAndName(unit.id().value(), VietnameseText.fold(name)).isPresent()) {
            throw new InvalidInputException("team.error.nameTaken", "A team of this name exists in the unit", name);
        }
        Team team = new Team(unit.id().value(), unit.path(), name);
        team.decide(optionalText(draft.decisionNumber(), 100), draft.decisionDate(),
                optionalText(draft.decisionSigner(), 200));
        teams.save(team);
        audit.record("CREATE", AUDIT_TEAM, String.valueOf(team.getId()), team.getUnitPath(), null, describe(team));
        events.publishEvent(new TeamSetUp(team.getId(), unit.id(), unit.path(), team.getDecisionDate()));
        return toData(List.of(team)).get(0);
    }

    @Transactional
    public TeamData update(long teamId, TeamDraft draft) {
        Scope scope = currentUser.scope();
        Team team = managedTeam(scope, teamId);
        String before = describe(team);
        String name = requireText(draft.name(), TeamImportPlan.MAX_NAME, "team.error.name");
        if (draft.unit() != null && draft.unit().value() != team.getUnitId()) {
            UnitData unit = teamUnit(scope, draft.unit());
            team.moveTo(unit.id().value(), unit.path());
        }
        Optional<Team> clash = teams.findByUnitAndName(team.getUnitId(), VietnameseText.fold(name));
        if (clash.isPresent() && !clash.get().getId().equals(team.getId())) {
            throw new InvalidInputException("team.error.nameTaken", "A team of this name exists in the unit", name);
        }
        if (!name.equals(team.getName())) {
            team.rename(name);
        }
        team.decide(optionalText(draft.decisionNumber(), 100), draft.decisionDate(),
                optionalText(draft.decisionSigner(), 200));
        audit.record("UPDATE", AUDIT_TEAM, String.valueOf(teamId), team.getUnitPath(), before, describe(team));
        return toData(List.of(team)).get(0);
    }

    /** Stops a team: its open memberships close on that day, nothing is deleted. */
    @Transactional
    public TeamData disband(long teamId, LocalDate on) {
        Scope scope = currentUser.scope();
        Team team = managedTeam(scope, teamId);
        if (!team.isActive()) {
            return toData(List.of(team)).get(0);
        }
        LocalDate day = on == null ? today() : on;
        for (TeamMembership m : memberships.findActiveByTeam(teamId)) {
            m.end(day, EndReason.DISBANDED);
        }
        team.disband(day);
        audit.record("DISBAND", AUDIT_TEAM, String.valueOf(teamId), team.getUnitPath(), describe(team), "disbanded " + day);
        events.publishEvent(new TeamDisbanded(teamId, new UnitId(team.getUnitId()), team.getUnitPath(), day));
        membershipChanged(team);
        return toData(List.of(team)).get(0);
    }

    /** Adds a person; naming him leader makes the previous leader an ordinary member. */
    @Transactional
    public MemberData addMember(long teamId, MemberDraft draft, LocalDate joinedOn) {
        Scope scope = currentUser.scope();
        Team team = managedTeam(scope, teamId);
        requireActive(team);
        MemberDraft clean = validated(draft);
        if (findSamePerson(teamId, clean).isPresent()) {
            throw new InvalidInputException("team.error.duplicateMember", "This person is on the team already");
        }
        TeamPerson person = new TeamPerson(clean.fullName());
        apply(person, clean);
        people.save(person);
        if (clean.role() == MemberRole.LEADER) {
            demoteLeader(teamId, null);
        }
        TeamMembership m = memberships.save(new TeamMembership(teamId, person, clean.role(),
                joinedOn == null ? today() : joinedOn));
        audit.record("ADD", AUDIT_MEMBER, String.valueOf(m.getId()), team.getUnitPath(), null, describe(m, team));
        membershipChanged(team);
        return toMember(m, scope, false);
    }

    @Transactional
    public MemberData updateMember(long membershipId, MemberDraft draft) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team team = managedTeam(scope, m.getTeamId());
        MemberDraft clean = validated(draft);
        String before = describe(m, team);
        boolean changed = apply(m.getPerson(), clean);
        if (m.isActive() && clean.role() != m.getRole()) {
            if (clean.role() == MemberRole.LEADER) {
                demoteLeader(team.getId(), m.getId());
            }
            m.changeRole(clean.role());
            changed = true;
        }
        if (changed) {
            audit.record("UPDATE", AUDIT_MEMBER, String.valueOf(membershipId), team.getUnitPath(), before,
                    describe(m, team));
            membershipChanged(team);
        }
        return toMember(m, scope, false);
    }

    // ---- session runner access

    /**
     * Sets the PIN an active member signs in with on the session runners of the team's area (4 to 8
     * digits). Only its PBKDF2 hash is kept, and only the hash travels to the venues' computers.
     */
    @Transactional
    public void setRunnerPin(long membershipId, String pin) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team team = managedTeam(scope, m.getTeamId());
        if (!m.isActive()) {
            throw new InvalidInputException("team.error.pinInactive", "Only an active member can have a PIN");
        }
        if (!PinHash.isValidPin(pin)) {
            throw new InvalidInputException("team.error.pin", "A PIN is 4 to 8 digits", PinHash.MIN_DIGITS,
                    PinHash.MAX_DIGITS);
        }
        m.getPerson().setRunnerPinHash(PinHash.hash(pin, PIN_RANDOM));
        audit.record("SET_RUNNER_PIN", AUDIT_MEMBER, String.valueOf(membershipId), team.getUnitPath(), null, null);
        events.publishEvent(new RunnerAccessChanged(team.getUnitPath()));
    }

    /** Withdraws a member's runner PIN: the venues' computers refuse him at their next brief. */
    @Transactional
    public void clearRunnerPin(long membershipId) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team team = managedTeam(scope, m.getTeamId());
        if (m.getPerson().getRunnerPinHash() != null) {
            m.getPerson().setRunnerPinHash(null);
            audit.record("CLEAR_RUNNER_PIN", AUDIT_MEMBER, String.valueOf(membershipId), team.getUnitPath(), null, null);
            events.publishEvent(new RunnerAccessChanged(team.getUnitPath()));
        }
    }

    /** The memberships of a team the caller sees whose member has a runner PIN. */
    @Transactional(readOnly = true)
    public Set<Long> withRunnerPin(long teamId) {
        Scope scope = currentUser.scope();
        Team team = teams.findById(teamId).orElseThrow(() -> new OutsideScopeException("No such team in your area"));
        if (!scope.canView(team.getUnitPath())) {
            throw new OutsideScopeException("No such team in your area");
        }
        return memberships.findActiveByTeam(teamId).stream().filter(m -> m.getPerson().getRunnerPinHash() != null)
                .map(TeamMembership::getId).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Who may sign in on the runner of a venue at {@code venueUnitPath}: active members with a PIN of the
     * active teams of that unit and the units above it (a commune's team also serves its villages).
     * System work for the runner feature; a device is no user.
     */
    @Transactional(readOnly = true)
    public List<RunnerMember> runnerMembers(String venueUnitPath) {
        currentUser.scope();
        List<String> paths = new ArrayList<>();
        int slash = venueUnitPath.indexOf('/', 1);
        while (slash > 0) {
            paths.add(venueUnitPath.substring(0, slash + 1));
            slash = venueUnitPath.indexOf('/', slash + 1);
        }
        Map<Long, RunnerMember> byPerson = new java.util.LinkedHashMap<>();
        for (Team team : teams.findActiveAt(paths)) {
            for (TeamMembership m : memberships.findActiveByTeam(team.getId())) {
                String hash = m.getPerson().getRunnerPinHash();
                if (hash != null) {
                    byPerson.putIfAbsent(m.getPerson().getId(), new RunnerMember(m.getPerson().getId(),
                            m.getPerson().getFullName(), m.getRole(), hash));
                }
            }
        }
        return byPerson.values().stream().sorted(java.util.Comparator.comparing(RunnerMember::fullName,
                VietnameseText.collator())).toList();
    }

    @Transactional
    public MemberData setLeader(long membershipId) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team team = managedTeam(scope, m.getTeamId());
        if (!m.isActive()) {
            throw new InvalidInputException("team.error.notActive", "This person is no longer on the team");
        }
        if (m.getRole() != MemberRole.LEADER) {
            demoteLeader(team.getId(), m.getId());
            m.changeRole(MemberRole.LEADER);
            audit.record("SET_LEADER", AUDIT_TEAM, String.valueOf(team.getId()), team.getUnitPath(), null,
                    "leader=membership#" + membershipId);
            membershipChanged(team);
        }
        return toMember(m, scope, false);
    }

    /**
     * Moves a member to another team from {@code on}: his membership here closes (kept as history)
     * and a new one opens there as an ordinary member, with his trainings following him.
     */
    @Transactional
    public MemberData move(long membershipId, long toTeamId, LocalDate on) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team from = managedTeam(scope, m.getTeamId());
        Team to = managedTeam(scope, toTeamId);
        requireActive(to);
        if (!m.isActive()) {
            throw new InvalidInputException("team.error.notActive", "This person is no longer on the team");
        }
        if (from.getId().equals(to.getId())) {
            throw new InvalidInputException("team.error.sameTeam", "The member is on this team already");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isBefore(m.getJoinedOn())) {
            throw new InvalidInputException("team.error.dateBeforeJoin", "The date is before the member joined");
        }
        m.end(day, EndReason.MOVED);
        TeamMembership moved = memberships.save(new TeamMembership(to.getId(), m.getPerson(), MemberRole.MEMBER, day));
        audit.record("MOVE", AUDIT_MEMBER, String.valueOf(membershipId), from.getUnitPath(), "team#" + from.getId(),
                "team#" + to.getId() + " membership#" + moved.getId());
        membershipChanged(from);
        membershipChanged(to);
        return toMember(moved, scope, false);
    }

    /** The member leaves on {@code on}; the membership stays as history. */
    @Transactional
    public MemberData leave(long membershipId, LocalDate on) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team team = managedTeam(scope, m.getTeamId());
        if (!m.isActive()) {
            throw new InvalidInputException("team.error.notActive", "This person is no longer on the team");
        }
        LocalDate day = on == null ? today() : on;
        if (day.isBefore(m.getJoinedOn())) {
            throw new InvalidInputException("team.error.dateBeforeJoin", "The date is before the member joined");
        }
        m.end(day, EndReason.LEFT);
        audit.record("LEAVE", AUDIT_MEMBER, String.valueOf(membershipId), team.getUnitPath(), describe(m, team),
                "left " + day);
        membershipChanged(team);
        return toMember(m, scope, false);
    }

    @Transactional
    public TrainingRecord recordTraining(long membershipId, String name, LocalDate completedOn) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        Team team = managedTeam(scope, m.getTeamId());
        String title = requireText(name, 300, "team.error.trainingName");
        if (completedOn == null || completedOn.isAfter(today())) {
            throw new InvalidInputException("team.error.trainingDate", "A completion date not in the future is required");
        }
        TeamTraining t = trainings.save(new TeamTraining(m.getPerson().getId(), title, completedOn));
        audit.record("TRAINING", AUDIT_MEMBER, String.valueOf(membershipId), team.getUnitPath(), null,
                title + " " + completedOn);
        membershipChanged(team);
        return new TrainingRecord(t.getId(), t.getName(), t.getCompletedOn());
    }

    /** A team's members, phones masked; with {@code history} also those who left or moved away. */
    @Transactional(readOnly = true)
    public List<MemberData> members(long teamId, boolean history) {
        Scope scope = currentUser.scope();
        Team team = visibleTeam(scope, teamId);
        List<TeamMembership> rows = history ? memberships.findByTeam(team.getId())
                : memberships.findActiveByTeam(team.getId());
        Map<Long, List<TrainingRecord>> trained = trainingsOf(rows.stream().map(r -> r.getPerson().getId()).toList());
        return rows.stream().map(r -> toMember(r, trained, true)).sorted(MEMBER_ORDER).toList();
    }

    /** One membership in detail; the phone is whole for administrators and organizers of the unit. */
    @Transactional(readOnly = true)
    public MemberData member(long membershipId) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        visibleTeam(scope, m.getTeamId());
        return toMember(m, scope, !(scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER));
    }

    /** Every team a person has served on, oldest first. */
    @Transactional(readOnly = true)
    public List<MemberData> historyOf(long membershipId) {
        Scope scope = currentUser.scope();
        TeamMembership m = membership(membershipId);
        visibleTeam(scope, m.getTeamId());
        List<TeamMembership> all = memberships.findByPerson(m.getPerson().getId());
        Map<Long, List<TrainingRecord>> trained = trainingsOf(List.of(m.getPerson().getId()));
        Set<Long> visible = new HashSet<>();
        teams.findAllById(all.stream().map(TeamMembership::getTeamId).toList()).stream()
                .filter(t -> scope.canView(t.getUnitPath())).forEach(t -> visible.add(t.getId()));
        return all.stream().filter(r -> visible.contains(r.getTeamId())).map(r -> toMember(r, trained, true)).toList();
    }

    /**
     * Imports teams and members, one line per member. The whole file is checked first; with any bad
     * line nothing is applied and every bad line is reported. Importing the same file again changes
     * nothing: a person is the same name on the same team with the same phone or year of birth.
     */
    @Transactional
    public TeamImportReport importFile(InputStream content, String fileName) {
        Scope scope = currentUser.scope();
        if (!(scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER)) {
            throw new OutsideScopeException("Only administrators and organizers import teams");
        }
        TabularFile file;
        try {
            file = TabularFile.read(content, fileName);
        } catch (IOException e) {
            return refused(0, List.of(new Problem(0, Kind.UNREADABLE_FILE, e.getMessage())));
        }
        TeamImportPlan plan = TeamImportPlan.of(file, code -> lookup(scope, code));
        if (!plan.problems.isEmpty()) {
            return refused(plan.lines, plan.problems);
        }
        int teamsCreated = 0;
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Map<TeamImportPlan.TeamKey, Team> byKey = new HashMap<>();
        Set<Team> touched = new HashSet<>();
        for (TeamImportPlan.TeamRow row : plan.teams.values()) {
            Optional<Team> existing = teams.findByUnitAndName(row.key().unitId(), row.key().foldedName());
            Team team;
            if (existing.isEmpty()) {
                team = new Team(row.unit().id().value(), row.unit().path(), row.name());
                team.decide(row.decisionNumber(), row.decisionDate(), row.decisionSigner());
                teams.save(team);
                teamsCreated++;
                audit.record("CREATE", AUDIT_TEAM, String.valueOf(team.getId()), team.getUnitPath(), null, describe(team));
                events.publishEvent(new TeamSetUp(team.getId(), row.unit().id(), row.unit().path(),
                        team.getDecisionDate()));
            } else {
                team = existing.get();
                boolean newDecision = row.decisionNumber() != null && !row.decisionNumber().equals(team.getDecisionNumber())
                        || row.decisionDate() != null && !row.decisionDate().equals(team.getDecisionDate())
                        || row.decisionSigner() != null && !row.decisionSigner().equals(team.getDecisionSigner());
                if (newDecision) {
                    String before = describe(team);
                    team.decide(Objects.requireNonNullElse(row.decisionNumber(), team.getDecisionNumber()),
                            Objects.requireNonNullElse(row.decisionDate(), team.getDecisionDate()),
                            Objects.requireNonNullElse(row.decisionSigner(), team.getDecisionSigner()));
                    audit.record("UPDATE", AUDIT_TEAM, String.valueOf(team.getId()), team.getUnitPath(), before,
                            describe(team));
                }
            }
            byKey.put(row.key(), team);
        }
        for (TeamImportPlan.MemberRow row : plan.members) {
            Team team = byKey.get(row.team());
            LocalDate joined = team.getDecisionDate() != null ? team.getDecisionDate() : today();
            Optional<TeamMembership> same = findSamePerson(team.getId(), row.member());
            if (same.isEmpty()) {
                TeamPerson person = new TeamPerson(row.member().fullName());
                apply(person, row.member());
                people.save(person);
                if (row.member().role() == MemberRole.LEADER) {
                    demoteLeader(team.getId(), null);
                }
                TeamMembership m = memberships.save(new TeamMembership(team.getId(), person, row.member().role(), joined));
                audit.record("ADD", AUDIT_MEMBER, String.valueOf(m.getId()), team.getUnitPath(), null, describe(m, team));
                added++;
                touched.add(team);
                continue;
            }
            TeamMembership m = same.get();
            String before = describe(m, team);
            boolean changed = apply(m.getPerson(), row.member());
            if (row.member().role() != m.getRole()) {
                if (row.member().role() == MemberRole.LEADER) {
                    demoteLeader(team.getId(), m.getId());
                }
                m.changeRole(row.member().role());
                changed = true;
            }
            if (changed) {
                audit.record("UPDATE", AUDIT_MEMBER, String.valueOf(m.getId()), team.getUnitPath(), before,
                        describe(m, team));
                updated++;
                touched.add(team);
            } else {
                unchanged++;
            }
        }
        touched.forEach(this::membershipChanged);
        audit.record("IMPORT", AUDIT_TEAM, fileName == null ? "" : fileName, scope.unitPath(), null,
                "lines=" + plan.lines + ", teams created=" + teamsCreated + ", members added=" + added
                        + ", updated=" + updated + ", unchanged=" + unchanged);
        return new TeamImportReport(plan.lines, teamsCreated, added, updated, unchanged, List.of());
    }

    /**
     * Writes the active members of the teams in {@code unit}'s subtree as XLSX, with whole phone
     * numbers and the import's column names, so the file can be corrected and imported back.
     */
    @Transactional(readOnly = true)
    public void exportMembers(UnitId unit, OutputStream out) throws IOException {
        Scope scope = currentUser.scope();
        String path = unitPaths.pathOf(unit).orElseThrow(() -> new UnitNotFoundException(unit.toString()));
        if (!mayManage(scope, path)) {
            throw new OutsideScopeException("Only administrators and organizers of the unit export members");
        }
        List<Team> found = teams.findActiveWithin(VietnameseText.likeLiteral(path) + "%");
        Map<UnitId, UnitLabel> labels = labels(found);
        Workbook workbook = new Workbook(out, "dvctt", "1.0");
        Worksheet sheet = workbook.newWorksheet("To CNS");
        String[] header = {"Mã thôn", "Tên tổ", "Số quyết định", "Ngày quyết định", "Người ký", "Họ và tên",
            "Vai trò", "Số điện thoại", "Năm sinh", "Giới tính", "Đoàn viên", "Cán bộ xã", "Kỹ năng"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        int r = 1;
        for (Team team : found.stream().sorted(Comparator.comparing(Team::getUnitPath)).toList()) {
            UnitLabel label = labels.get(new UnitId(team.getUnitId()));
            for (TeamMembership m : memberships.findActiveByTeam(team.getId())) {
                TeamPerson p = m.getPerson();
                Object[] cells = {label == null ? "" : label.code(), team.getName(), team.getDecisionNumber(),
                    team.getDecisionDate() == null ? null : team.getDecisionDate().format(
                            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    team.getDecisionSigner(), p.getFullName(), roleLabel(m.getRole()), p.getPhone(),
                    p.getBirthYear() == null ? null : String.valueOf(p.getBirthYear()),
                    p.getGender() == null ? null : (p.getGender() == Gender.MALE ? "Nam" : "Nữ"),
                    p.isYouthUnion() ? "Có" : "Không", p.isCommuneOfficial() ? "Có" : "Không", p.getSkills()};
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        // Text, not numbers: a phone keeps its leading zero.
                        sheet.value(r, c, String.valueOf(cells[c]));
                    }
                }
                r++;
            }
        }
        workbook.finish();
        audit.record("EXPORT", AUDIT_MEMBER, "unit#" + unit.value(), path, null, "rows=" + (r - 1));
    }

    /**
     * Coverage under {@code unit}: its villages and communes, how many have an active team, the
     * teams' members and how many of them completed a training, in total and per child unit.
     */
    @Transactional(readOnly = true)
    public TeamCoverage coverage(UnitId unit) {
        currentUser.scope();
        UnitData top = unitData(unit);
        List<UnitData> children = top.level() == UnitLevel.VILLAGE ? List.of() : units.children(top.id());
        List<UnitData> all = new ArrayList<>();
        all.add(top);
        for (UnitData child : children) {
            all.add(child);
            collectBelow(child, all);
        }
        List<Team> active = teams.findActiveWithin(VietnameseText.likeLiteral(top.path()) + "%");
        Map<Long, Integer> members = counts(memberships.countActive(ids(active)));
        Map<Long, Integer> trained = counts(memberships.countTrained(ids(active)));
        TeamCoverage.Row total = row(top, all, active, members, trained);
        List<TeamCoverage.Row> rows = children.stream().map(c -> row(c, all, active, members, trained)).toList();
        return new TeamCoverage(total, rows);
    }

    /** Keeps each team's copy of its unit's path current when units move in the tree. */
    @EventListener
    void onUnitsRepathed(UnitsRepathed moved) {
        List<Long> ids = moved.newPaths().keySet().stream().map(UnitId::value).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            for (Team team : teams.findByUnitIdIn(ids.subList(from, Math.min(ids.size(), from + 500)))) {
                team.repath(moved.newPaths().get(new UnitId(team.getUnitId())));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void collectBelow(UnitData unit, List<UnitData> into) {
        if (unit.level() == UnitLevel.VILLAGE || !unit.hasChildren()) {
            return;
        }
        for (UnitData child : units.children(unit.id())) {
            into.add(child);
            collectBelow(child, into);
        }
    }

    private static TeamCoverage.Row row(UnitData top, List<UnitData> all, List<Team> active,
                                        Map<Long, Integer> members, Map<Long, Integer> trained) {
        List<UnitData> within = all.stream().filter(u -> u.path().startsWith(top.path())).toList();
        List<Team> teamsHere = active.stream().filter(t -> t.getUnitPath().startsWith(top.path())).toList();
        Set<Long> unitsWithTeam = teamsHere.stream().map(Team::getUnitId).collect(Collectors.toSet());
        int communes = 0;
        int communesWithTeam = 0;
        int villages = 0;
        int villagesWithTeam = 0;
        for (UnitData u : within) {
            if (u.level() == UnitLevel.VILLAGE) {
                villages++;
                if (unitsWithTeam.contains(u.id().value())) {
                    villagesWithTeam++;
                }
            } else if (u.level() == UnitLevel.COMMUNE) {
                communes++;
                if (teamsHere.stream().anyMatch(t -> t.getUnitPath().startsWith(u.path()))) {
                    communesWithTeam++;
                }
            }
        }
        int memberCount = teamsHere.stream().mapToInt(t -> members.getOrDefault(t.getId(), 0)).sum();
        int trainedCount = teamsHere.stream().mapToInt(t -> trained.getOrDefault(t.getId(), 0)).sum();
        return new TeamCoverage.Row(top.id(), top.code(), top.displayName(), communes, communesWithTeam, villages,
                villagesWithTeam, teamsHere.size(), memberCount, trainedCount);
    }

    private static Map<Long, Integer> counts(List<Object[]> rows) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((Long) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    private static List<Long> ids(List<Team> list) {
        List<Long> ids = list.stream().map(Team::getId).toList();
        // An empty IN list is not valid SQL everywhere; -1 matches no team.
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private TeamImportPlan.UnitLookup lookup(Scope scope, String code) {
        if (code.isEmpty() || unitPaths.idOfCode(code).isEmpty()) {
            return new TeamImportPlan.Unknown();
        }
        try {
            UnitData unit = units.get(code);
            return mayManage(scope, unit.path()) ? new TeamImportPlan.Found(unit) : new TeamImportPlan.Outside();
        } catch (OutsideScopeException e) {
            return new TeamImportPlan.Outside();
        }
    }

    private static TeamImportReport refused(int lines, List<Problem> problems) {
        return new TeamImportReport(lines, 0, 0, 0, 0, List.copyOf(problems));
    }

    private Optional<TeamMembership> findSamePerson(long teamId, MemberDraft draft) {
        String folded = VietnameseText.fold(draft.fullName());
        List<TeamMembership> sameName = memberships.findActiveByTeam(teamId).stream()
                .filter(m -> m.getPerson().getSearchName().equals(folded)).toList();
        if (draft.phone() == null && draft.birthYear() == null) {
            return sameName.size() == 1 ? Optional.of(sameName.get(0)) : Optional.empty();
        }
        return sameName.stream().filter(m -> draft.phone() != null && draft.phone().equals(m.getPerson().getPhone())
                || draft.birthYear() != null && draft.birthYear().equals(m.getPerson().getBirthYear())).findFirst();
    }

    private void demoteLeader(long teamId, Long except) {
        for (TeamMembership m : memberships.findActiveByTeam(teamId)) {
            if (m.getRole() == MemberRole.LEADER && !m.getId().equals(except)) {
                m.changeRole(MemberRole.MEMBER);
            }
        }
    }

    private static boolean apply(TeamPerson person, MemberDraft d) {
        return person.update(d.fullName(), d.phone(), d.birthYear(), d.gender(), d.youthUnion(), d.communeOfficial(),
                d.skills());
    }

    /** Checks a member's details; the phone comes back in its one stored form. */
    static MemberDraft validated(MemberDraft d) {
        String name = requireText(d.fullName() == null ? null : d.fullName().replaceAll("\\s+", " "),
                TeamImportPlan.MAX_NAME, "team.error.memberName");
        String phone = null;
        if (d.phone() != null && !d.phone().isBlank()) {
            phone = PhoneNumbers.normalize(d.phone()).orElseThrow(() -> new InvalidInputException("team.error.phone",
                    "Not a Vietnamese phone number"));
        }
        if (d.birthYear() != null && !TeamImportPlan.validYear(d.birthYear())) {
            throw new InvalidInputException("team.error.birthYear", "Implausible year of birth", String.valueOf(d.birthYear()));
        }
        return new MemberDraft(name, d.role() == null ? MemberRole.MEMBER : d.role(), phone, d.birthYear(), d.gender(),
                d.youthUnion(), d.communeOfficial(), optionalText(d.skills(), TeamImportPlan.MAX_SKILLS));
    }

    private static String requireText(String text, int max, String key) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || t.length() > max) {
            throw new InvalidInputException(key, "A text of 1 to " + max + " characters is required", max);
        }
        return t;
    }

    private static String optionalText(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static boolean mayManage(Scope scope, String path) {
        return (scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER) && path.startsWith(scope.unitPath());
    }

    private static void requireView(Scope scope, String path) {
        if (!scope.canView(path)) {
            throw new OutsideScopeException("Unit outside your area");
        }
    }

    private static void requireActive(Team team) {
        if (!team.isActive()) {
            throw new InvalidInputException("team.error.disbanded", "The team was disbanded");
        }
    }

    private UnitData unitData(UnitId id) {
        UnitLabel label = unitPaths.labels(List.of(id)).get(id);
        if (label == null) {
            throw new UnitNotFoundException(id.toString());
        }
        return units.get(label.code());
    }

    /** A team serves a village or a commune the caller may manage. */
    private UnitData teamUnit(Scope scope, UnitId id) {
        if (id == null) {
            throw new InvalidInputException("team.error.unit", "A village or commune is required");
        }
        UnitData unit = unitData(id);
        if (unit.level() != UnitLevel.VILLAGE && unit.level() != UnitLevel.COMMUNE) {
            throw new InvalidInputException("team.error.unit", "A team serves a village or a commune");
        }
        if (!mayManage(scope, unit.path())) {
            throw new OutsideScopeException("You may not set up teams here");
        }
        return unit;
    }

    private Team visibleTeam(Scope scope, long teamId) {
        Team team = teams.findById(teamId).orElseThrow(() -> new OutsideScopeException("No such team in your area"));
        requireView(scope, team.getUnitPath());
        return team;
    }

    private Team managedTeam(Scope scope, long teamId) {
        Team team = visibleTeam(scope, teamId);
        if (!mayManage(scope, team.getUnitPath())) {
            throw new OutsideScopeException("You may not change this team");
        }
        return team;
    }

    private TeamMembership membership(long id) {
        return memberships.findById(id).orElseThrow(() -> new OutsideScopeException("No such member in your area"));
    }

    private void membershipChanged(Team team) {
        List<Long> id = List.of(team.getId());
        int active = counts(memberships.countActive(id)).getOrDefault(team.getId(), 0);
        int trainedCount = counts(memberships.countTrained(id)).getOrDefault(team.getId(), 0);
        events.publishEvent(new TeamMembershipChanged(team.getId(), new UnitId(team.getUnitId()), team.getUnitPath(),
                active, trainedCount));
    }

    private Map<Long, Integer> activeCounts(List<Team> list) {
        return counts(memberships.countActive(ids(list)));
    }

    private Map<UnitId, UnitLabel> labels(Collection<Team> list) {
        return unitPaths.labels(list.stream().map(t -> new UnitId(t.getUnitId())).toList());
    }

    private TeamSummary summary(Team t, Map<Long, Integer> counts, Map<UnitId, UnitLabel> labels) {
        UnitId unit = new UnitId(t.getUnitId());
        UnitLabel label = labels.get(unit);
        return new TeamSummary(t.getId(), t.getName(), unit, label == null ? "" : label.displayName(),
                counts.getOrDefault(t.getId(), 0));
    }

    private List<TeamData> toData(List<Team> list) {
        Map<Long, Integer> counts = activeCounts(list);
        Map<UnitId, UnitLabel> labels = labels(list);
        Map<Long, String> leaders = new HashMap<>();
        for (Team t : list) {
            memberships.findActiveByTeam(t.getId()).stream().filter(m -> m.getRole() == MemberRole.LEADER).findFirst()
                    .ifPresent(m -> leaders.put(t.getId(), m.getPerson().getFullName()));
        }
        return list.stream().map(t -> {
            UnitId unit = new UnitId(t.getUnitId());
            UnitLabel label = labels.get(unit);
            return new TeamData(t.getId(), t.getName(), unit, label == null ? "" : label.code(),
                    label == null ? "" : label.displayName(), t.getUnitPath(), t.getDecisionNumber(),
                    t.getDecisionDate(), t.getDecisionSigner(), t.getDisbandedOn(), counts.getOrDefault(t.getId(), 0),
                    leaders.get(t.getId()));
        }).toList();
    }

    private Map<Long, List<TrainingRecord>> trainingsOf(List<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return trainings.findByPersonIdInOrderByCompletedOn(personIds).stream().collect(Collectors.groupingBy(
                TeamTraining::getPersonId, Collectors.mapping(t -> new TrainingRecord(t.getId(), t.getName(),
                        t.getCompletedOn()), Collectors.toList())));
    }

    private MemberData toMember(TeamMembership m, Scope scope, boolean masked) {
        return toMember(m, trainingsOf(List.of(m.getPerson().getId())), masked);
    }

    private static MemberData toMember(TeamMembership m, Map<Long, List<TrainingRecord>> trained, boolean masked) {
        TeamPerson p = m.getPerson();
        String phone = p.getPhone() == null ? null : masked ? PhoneNumbers.mask(p.getPhone()) : p.getPhone();
        return new MemberData(m.getId(), p.getId(), m.getTeamId(), p.getFullName(), m.getRole(), phone,
                masked && phone != null, p.getBirthYear(), p.getGender(), p.isYouthUnion(), p.isCommuneOfficial(),
                p.getSkills(), m.getJoinedOn(), m.getLeftOn(), m.getEndReason(),
                List.copyOf(trained.getOrDefault(p.getId(), List.of())));
    }

    /** Audit text without personal data: the person by id, never by name or phone. */
    private static String describe(TeamMembership m, Team team) {
        return "person#" + m.getPerson().getId() + " team#" + team.getId() + " role=" + m.getRole()
                + (m.isActive() ? "" : " left=" + m.getLeftOn());
    }

    private static String describe(Team t) {
        return t.getName() + " | QĐ " + Objects.toString(t.getDecisionNumber(), "-") + " "
                + Objects.toString(t.getDecisionDate(), "-") + " " + Objects.toString(t.getDecisionSigner(), "-");
    }

    private static String roleLabel(MemberRole role) {
        return switch (role) {
            case LEADER -> "Tổ trưởng";
            case DEPUTY -> "Tổ phó";
            case MEMBER -> "Thành viên";
        };
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
