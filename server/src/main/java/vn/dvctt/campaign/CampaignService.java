package vn.dvctt.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.campaign.internal.Campaign;
import vn.dvctt.campaign.internal.CampaignIndicator;
import vn.dvctt.campaign.internal.CampaignIndicators;
import vn.dvctt.campaign.internal.Campaigns;
import vn.dvctt.campaign.internal.Indicator;
import vn.dvctt.campaign.internal.IndicatorTarget;
import vn.dvctt.campaign.internal.IndicatorTargets;
import vn.dvctt.campaign.internal.IndicatorValue;
import vn.dvctt.campaign.internal.IndicatorValues;
import vn.dvctt.campaign.internal.Indicators;
import vn.dvctt.campaign.internal.LiveRollups;
import vn.dvctt.campaign.internal.Rollup;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.shared.TabularFile;

/**
 * Campaigns, their indicators and targets, and the values units report. Progress rolls up the
 * tree by summing numerators and denominators of each unit's latest reading, never by averaging
 * percentages (a commune of 10 dossiers must not weigh like a district of 10,000).
 */
@Service
public class CampaignService {

    /** A value within this many percentage points below its target counts as close. */
    static final BigDecimal CLOSE_MARGIN = BigDecimal.valueOf(5);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String AUDIT_VALUE = "IndicatorValue";
    private static final String AUDIT_CAMPAIGN = "Campaign";

    private final Campaigns campaigns;
    private final Indicators indicators;
    private final CampaignIndicators campaignIndicators;
    private final IndicatorTargets targets;
    private final IndicatorValues values;
    private final UnitPaths unitPaths;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final LiveRollups live;
    private final CampaignApprovals approvals;
    private final vn.dvctt.campaign.internal.ComputedIndicators computed;
    private final vn.dvctt.team.TeamService teams;

    CampaignService(Campaigns campaigns, Indicators indicators, CampaignIndicators campaignIndicators,
                    IndicatorTargets targets, IndicatorValues values, UnitPaths unitPaths,
                    AdminUnitService units, CurrentUser currentUser, AuditLog audit,
                    LiveRollups live, CampaignApprovals approvals,
                    vn.dvctt.campaign.internal.ComputedIndicators computed, vn.dvctt.team.TeamService teams) {
        this.computed = computed;
        this.teams = teams;
        this.live = live;
        this.approvals = approvals;
        this.units = units;
        this.campaigns = campaigns;
        this.indicators = indicators;
        this.campaignIndicators = campaignIndicators;
        this.targets = targets;
        this.values = values;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The indicator library; everyone signed in may read it. */
    @Transactional(readOnly = true)
    public List<IndicatorData> library() {
        return indicators.findAllByOrderByCode().stream().map(Indicator::toData).toList();
    }

    @Transactional
    public CampaignData create(NewCampaign data) {
        if (data.title() == null || data.title().isBlank()) {
            throw new InvalidInputException("campaign.error.titleMissing", "A campaign needs a title");
        }
        if (data.kind() == null || data.startsOn() == null || data.endsOn() == null || data.scopeUnit() == null) {
            throw new InvalidInputException("campaign.error.incomplete", "Kind, dates and unit are required");
        }
        if (data.endsOn().isBefore(data.startsOn())) {
            throw new InvalidInputException("campaign.error.endsBeforeStart", "The campaign ends before it starts",
                    data.startsOn(), data.endsOn());
        }
        String path = pathOf(data.scopeUnit());
        requireOrganizerOver(path);
        Campaign campaign = campaigns.save(new Campaign(data, path));
        audit.record("create", AUDIT_CAMPAIGN, campaign.getId().toString(), path, null, campaign.getTitle());
        return toData(campaign);
    }

    /** Campaigns over the caller's unit (his province's) and those inside his area. */
    @Transactional(readOnly = true)
    public List<CampaignData> visibleCampaigns() {
        return campaigns.visibleFrom(currentUser.scope().unitPath()).stream().map(this::toData).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CampaignData> find(CampaignId id) {
        return campaigns.findById(id.value()).filter(this::visible).map(this::toData);
    }

    @Transactional
    public CampaignData addMilestone(CampaignId id, String name, LocalDate dueOn) {
        Campaign campaign = editable(id);
        if (name == null || name.isBlank() || dueOn == null) {
            throw new InvalidInputException("campaign.error.milestoneIncomplete", "A milestone needs a name and a date");
        }
        if (!campaign.covers(dueOn)) {
            throw new InvalidInputException("campaign.error.outsideCampaign", "The date is outside the campaign",
                    dueOn);
        }
        campaign.addMilestone(name, dueOn);
        audit.record("milestone", AUDIT_CAMPAIGN, id.value() + "", campaign.getScopeUnitPath(), null,
                name.strip() + " " + dueOn);
        return toData(campaign);
    }

    /** Adds a library indicator to the campaign; adding it twice is a no-op. */
    @Transactional
    public CampaignIndicatorData addIndicator(CampaignId id, String indicatorCode) {
        Campaign campaign = editable(id);
        Indicator indicator = indicators.findByCode(indicatorCode).orElseThrow(() -> new InvalidInputException(
                "campaign.error.unknownIndicator", "No indicator " + indicatorCode, indicatorCode));
        List<CampaignIndicator> existing = campaignIndicators.findByCampaignIdOrderByPosition(campaign.getId());
        Optional<CampaignIndicator> already = existing.stream().filter(ci -> ci.getIndicator() == indicator).findFirst();
        if (already.isPresent()) {
            return already.get().toData();
        }
        CampaignIndicator added = campaignIndicators.saveAndFlush(new CampaignIndicator(campaign.getId(), indicator,
                existing.size() + 1));
        if (Rollup.TEAM_COVERAGE.equals(indicatorCode)) {
            // teams set up before the campaign count from its start; later ones arrive as events
            computed.backfillTeams(added.getId(), campaign.getStartsOn(),
                    teams.teamsWithin(new UnitId(campaign.getScopeUnitId())),
                    unit -> unitPaths.pathOf(unit).orElseThrow());
        }
        return added.toData();
    }

    @Transactional
    public CampaignData setStatus(CampaignId id, CampaignStatus status) {
        Campaign campaign = editable(id);
        CampaignStatus from = campaign.getStatus();
        boolean allowed = (from == CampaignStatus.DRAFT && status == CampaignStatus.ACTIVE)
                || (from == CampaignStatus.ACTIVE && status == CampaignStatus.CLOSED);
        if (!allowed) {
            throw new InvalidInputException("campaign.error.statusChange", "Cannot go from " + from + " to " + status,
                    from, status);
        }
        campaign.setStatus(status);
        audit.record("status", AUDIT_CAMPAIGN, id.value() + "", campaign.getScopeUnitPath(), from.name(),
                status.name());
        return toData(campaign);
    }

    /** The target for every unit of a level from a date on ("province 50%, district 40%, commune 30%"). */
    @Transactional
    public void setLevelTarget(long campaignIndicatorId, UnitLevel level, LocalDate dueOn, BigDecimal target) {
        CampaignIndicator ci = campaignIndicator(campaignIndicatorId);
        Campaign campaign = editable(new CampaignId(ci.getCampaignId()));
        if (level == null) {
            throw new InvalidInputException("campaign.error.targetIncomplete", "Choose the level the target is for");
        }
        checkTarget(ci, campaign, dueOn, target);
        IndicatorTarget row = targets.findByCampaignIndicatorIdAndUnitLevelAndDueOn(campaignIndicatorId, level, dueOn)
                .orElseGet(() -> IndicatorTarget.forLevel(campaignIndicatorId, level, dueOn, target));
        row.setTarget(target);
        targets.save(row);
        audit.record("target", AUDIT_CAMPAIGN, ci.getCampaignId() + "", campaign.getScopeUnitPath(), null,
                ci.getIndicator().toData().code() + " " + level + " " + dueOn + " " + target.toPlainString());
    }

    /** Overrides the level's target for one unit in the caller's area. */
    @Transactional
    public void setUnitTarget(long campaignIndicatorId, UnitId unit, LocalDate dueOn, BigDecimal target) {
        CampaignIndicator ci = campaignIndicator(campaignIndicatorId);
        Campaign campaign = campaigns.findById(ci.getCampaignId()).orElseThrow();
        String unitPath = pathOf(unit);
        if (!unitPath.startsWith(campaign.getScopeUnitPath())) {
            throw new InvalidInputException("campaign.error.unitOutsideCampaign", "The unit is outside the campaign");
        }
        requireOrganizerOver(unitPath);
        checkTarget(ci, campaign, dueOn, target);
        IndicatorTarget row = targets.findByCampaignIndicatorIdAndUnitIdAndDueOn(campaignIndicatorId, unit.value(),
                dueOn).orElseGet(() -> IndicatorTarget.forUnit(campaignIndicatorId, unit.value(), dueOn, target));
        row.setTarget(target);
        targets.save(row);
        audit.record("target", AUDIT_CAMPAIGN, ci.getCampaignId() + "", unitPath, null,
                ci.getIndicator().toData().code() + " " + dueOn + " " + target.toPlainString());
    }

    /**
     * A unit's reading for a period. Entered by the unit's own organizers or corrected by those
     * above, both audited with the figures before and after.
     */
    @Transactional
    public void enterValue(ValueEntry entry) {
        apply(validate(entry, new HashMap<>()));
    }

    /**
     * Values from a CSV/XLSX file (unit code, indicator code, period, numerator, denominator,
     * value, comment): every bad line is reported with its spreadsheet line number, and a file
     * with any bad line changes nothing.
     */
    @Transactional
    public ValueImportReport importValues(CampaignId id, InputStream content, String fileName) {
        Campaign campaign = campaigns.findById(id.value()).filter(this::visible).orElseThrow(
                () -> new InvalidInputException("campaign.error.unknown", "No campaign " + id.value(), id.value()));
        TabularFile file;
        try {
            file = TabularFile.read(content, fileName);
        } catch (IOException e) {
            return new ValueImportReport(0, 0, 0, List.of(new ValueImportReport.Problem(0,
                    "campaign.import.unreadable", List.of(String.valueOf(e.getMessage())))));
        }
        List<ValueImportReport.Problem> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        importColumn(file, "unit", true, columns, problems, "unit", "unit code", "mã đơn vị", "đơn vị");
        importColumn(file, "indicator", true, columns, problems, "indicator", "indicator code", "mã chỉ tiêu", "chỉ tiêu");
        importColumn(file, "period", true, columns, problems, "period", "kỳ", "ngày", "kỳ báo cáo");
        importColumn(file, "numerator", false, columns, problems, "numerator", "tử số");
        importColumn(file, "denominator", false, columns, problems, "denominator", "mẫu số");
        importColumn(file, "value", false, columns, problems, "value", "giá trị", "số lượng");
        importColumn(file, "comment", false, columns, problems, "comment", "ghi chú");
        if (!problems.isEmpty()) {
            return new ValueImportReport(file.lines().size(), 0, 0, problems);
        }
        Map<String, CampaignIndicator> byCode = new HashMap<>();
        campaignIndicators.findByCampaignIdOrderByPosition(campaign.getId())
                .forEach(ci -> byCode.put(ci.getIndicator().toData().code(), ci));
        Map<String, Integer> seen = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (TabularFile.Line line : file.lines()) {
            if (line.isBlank()) {
                continue;
            }
            try {
                String unitCode = line.cell(columns.get("unit"));
                UnitId unit = unitPaths.idOfCode(unitCode).orElseThrow(() -> new InvalidInputException(
                        "campaign.import.unknownUnit", "No unit " + unitCode, unitCode));
                String indicatorCode = line.cell(columns.get("indicator"));
                CampaignIndicator ci = byCode.get(indicatorCode);
                if (ci == null) {
                    throw new InvalidInputException("campaign.import.indicatorNotInCampaign",
                            "Indicator " + indicatorCode + " is not in this campaign", indicatorCode);
                }
                LocalDate period = date(line.cell(columns.get("period")));
                String key = unitCode + "|" + indicatorCode + "|" + period;
                Integer first = seen.putIfAbsent(key, line.number());
                if (first != null) {
                    throw new InvalidInputException("campaign.import.duplicate", "Same unit, indicator and period as line "
                            + first, first);
                }
                ValueEntry entry = new ValueEntry(ci.getId(), unit, period, number(line, columns.get("numerator")),
                        number(line, columns.get("denominator")), number(line, columns.get("value")),
                        columns.containsKey("comment") ? line.cell(columns.get("comment")) : null);
                checked.add(validate(entry, paths));
            } catch (InvalidInputException e) {
                problems.add(new ValueImportReport.Problem(line.number(), e.messageKey(), List.of(e.args())));
            } catch (OutsideScopeException e) {
                problems.add(new ValueImportReport.Problem(line.number(), "campaign.import.outsideScope",
                        List.of(line.cell(columns.get("unit")))));
            }
        }
        if (!problems.isEmpty()) {
            return new ValueImportReport(file.lines().size(), 0, 0, problems);
        }
        int corrected = 0;
        for (Checked row : checked) {
            corrected += apply(row) ? 1 : 0;
        }
        audit.record("import", AUDIT_VALUE, fileName == null ? "" : fileName, campaign.getScopeUnitPath(), null,
                "lines=" + checked.size() + ", corrected=" + corrected);
        return new ValueImportReport(checked.size(), checked.size() - corrected, corrected, List.of());
    }

    private static void importColumn(TabularFile file, String name, boolean required, Map<String, Integer> columns,
                                     List<ValueImportReport.Problem> problems, String... aliases) {
        Optional<Integer> index = file.column(aliases);
        if (index.isPresent()) {
            columns.put(name, index.get());
        } else if (required) {
            problems.add(new ValueImportReport.Problem(1, "campaign.import.missingColumn", List.of(aliases[0])));
        }
    }

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** 30/06/2022 as Vietnamese reports write it, or 2022-06-30. */
    private static LocalDate date(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text.strip(), VIETNAMESE_DATE) : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("campaign.import.badDate", "Not a date: " + text, text);
        }
    }

    /**
     * Vietnamese reports group thousands with dots and use a decimal comma ("1.234,5"); "1.200" is
     * read as twelve hundred, "1234.5" as written. An empty cell is no value.
     */
    private static BigDecimal number(TabularFile.Line line, Integer column) {
        if (column == null) {
            return null;
        }
        String text = line.cell(column).strip().replace(" ", "");
        if (text.isEmpty()) {
            return null;
        }
        String normalized = text.matches("[0-9.]*,[0-9]+") || text.matches("[0-9]{1,3}(\\.[0-9]{3})+")
                ? text.replace(".", "").replace(',', '.') : text;
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("campaign.import.badNumber", "Not a number: " + text, text);
        }
    }

    /** An entry that passed every check, with what applying it needs. */
    private record Checked(CampaignIndicator ci, ValueEntry entry, String unitPath, IndicatorData indicator,
                           Figures figures, String by) {
    }

    private Checked validate(ValueEntry entry, Map<Long, String> paths) {
        CampaignIndicator ci = campaignIndicator(entry.campaignIndicatorId());
        Campaign campaign = campaigns.findById(ci.getCampaignId()).orElseThrow();
        String unitPath = paths.computeIfAbsent(entry.unit().value(), u -> pathOf(entry.unit()));
        Scope scope = currentUser.scope();
        if (!scope.canView(unitPath) || !(scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER)) {
            throw new OutsideScopeException("Values for " + unitPath + " are outside " + scope.unitPath());
        }
        if (!unitPath.startsWith(campaign.getScopeUnitPath())) {
            throw new InvalidInputException("campaign.error.unitOutsideCampaign", "The unit is outside the campaign");
        }
        if (campaign.getStatus() != CampaignStatus.ACTIVE) {
            throw new InvalidInputException("campaign.error.notActive", "Values are entered while a campaign is active");
        }
        if (entry.period() == null || !campaign.covers(entry.period())) {
            throw new InvalidInputException("campaign.error.periodOutside", "The period is outside the campaign",
                    entry.period());
        }
        Optional<ApprovalState> approval = approvals.state(new CampaignId(campaign.getId()), entry.unit(),
                entry.period());
        if (approval.orElse(null) == ApprovalState.APPROVED) {
            throw new InvalidInputException("campaign.error.locked", "Approved values are locked", entry.period());
        }
        if (approval.orElse(null) == ApprovalState.SUBMITTED && unitPath.equals(scope.unitPath())) {
            throw new InvalidInputException("campaign.error.submitted", "Submitted values wait for approval",
                    entry.period());
        }
        IndicatorData indicator = ci.getIndicator().toData();
        if (indicator.source() == ValueSource.COMPUTED) {
            throw new InvalidInputException("campaign.error.computed", "This indicator is computed by the platform",
                    indicator.code());
        }
        UnitLevel level = unitPaths.levelOf(entry.unit()).orElseThrow();
        if (!indicator.entryLevels().contains(level)) {
            throw new InvalidInputException("campaign.error.wrongLevel", "This indicator is not entered at " + level,
                    indicator.code());
        }
        return new Checked(ci, entry, unitPath, indicator, figures(indicator, entry), scope.username());
    }

    /** Writes a checked entry; returns whether it corrected an earlier reading. */
    private boolean apply(Checked row) {
        ValueEntry entry = row.entry();
        IndicatorValue value = values.findByCampaignIndicatorIdAndUnitIdAndPeriodOn(row.ci().getId(),
                entry.unit().value(), entry.period()).orElseGet(() -> new IndicatorValue(row.ci().getId(),
                entry.unit().value(), row.unitPath(), entry.period()));
        String before = value.isNew() ? null : value.summary();
        Figures figures = row.figures();
        value.set(figures.numerator(), figures.denominator(), figures.amount(), blankToNull(entry.comment()), row.by());
        values.saveAndFlush(value); // the rollup reads with JDBC, past JPA's unflushed changes
        live.changed(row.ci().getId());
        audit.record(before == null ? "enter" : "correct", AUDIT_VALUE,
                row.indicator().code() + "@" + entry.period(), row.unitPath(), before, value.summary());
        return before != null;
    }

    /** The unit's progress (itself and everything below it) as of a date, against its target. */
    @Transactional(readOnly = true)
    public Progress progress(long campaignIndicatorId, UnitId unit, LocalDate asOf) {
        CampaignIndicator ci = campaignIndicator(campaignIndicatorId);
        String path = pathOf(unit);
        if (!currentUser.scope().canView(path)) {
            throw new OutsideScopeException("Progress of " + path + " is outside " + currentUser.scope().unitPath());
        }
        BigDecimal target = targetFor(ci.getId(), unit, asOf).orElse(null);
        return progressOf(ci, unit, path, asOf, target);
    }

    private Progress progressOf(CampaignIndicator ci, UnitId unit, String path, LocalDate asOf, BigDecimal target) {
        IndicatorData indicator = ci.getIndicator().toData();
        Rollup.Sums sums = live.sums(ci.getId(), path, asOf);
        BigDecimal numerator = sums == null ? null : sums.numerator();
        BigDecimal denominator = sums == null ? null : sums.denominator();
        BigDecimal amount = sums == null ? null : sums.amount();
        int reporting = sums == null ? 0 : sums.reporting();
        BigDecimal value = valueOf(indicator.kind(), numerator, denominator, amount, reporting);
        if (indicator.kind() == IndicatorKind.COVERAGE) {
            numerator = amount;
            denominator = reporting == 0 ? null : BigDecimal.valueOf(reporting);
        }
        return new Progress(ci.getId(), unit, asOf, numerator, denominator, value, reporting, target,
                light(indicator.direction(), value, target));
    }

    /**
     * The units directly below {@code parent}, best first for the indicator's direction; units with
     * no reading come last. The end of the list is the "who lags" list. A fixed number of queries
     * whatever the number of units: their sums come from the rollup, their targets from one list.
     */
    @Transactional(readOnly = true)
    public List<UnitProgress> ranking(long campaignIndicatorId, UnitId parent, LocalDate asOf) {
        CampaignIndicator ci = campaignIndicator(campaignIndicatorId);
        Direction direction = ci.getIndicator().toData().direction();
        List<UnitData> children = units.children(parent);
        List<IndicatorTarget> all = targets.findByCampaignIndicatorId(ci.getId());
        Comparator<UnitProgress> byValue = Comparator.comparing(u -> u.progress().value(),
                Comparator.nullsLast(direction == Direction.HIGHER ? Comparator.<BigDecimal>reverseOrder()
                        : Comparator.<BigDecimal>naturalOrder()));
        return children.stream().map(c -> new UnitProgress(new UnitLabel(c.id(), c.code(), c.displayName()),
                        progressOf(ci, c.id(), c.path(), asOf, IndicatorTarget.applicable(all, c.id().value(), c.level(),
                                asOf).orElse(null))))
                .sorted(byValue).toList();
    }

    /**
     * "Who lags": the units of one level under {@code area} (say every commune of a province) that are
     * behind the target applying to them, the furthest behind first, then those that reported nothing
     * although a target applies. Units without a target are not listed: nobody asked anything of them.
     */
    @Transactional(readOnly = true)
    public List<Lag> lagging(long campaignIndicatorId, UnitId area, UnitLevel level, LocalDate asOf) {
        CampaignIndicator ci = campaignIndicator(campaignIndicatorId);
        String areaPath = pathOf(area);
        if (!currentUser.scope().canView(areaPath)) {
            throw new OutsideScopeException("Units under " + areaPath + " are outside " + currentUser.scope().unitPath());
        }
        Direction direction = ci.getIndicator().toData().direction();
        List<IndicatorTarget> all = targets.findByCampaignIndicatorId(ci.getId());
        List<Lag> lags = new ArrayList<>();
        live.unitsAtLevel(areaPath, level, () -> unitPaths.labelsAtLevel(areaPath, level)).forEach((path, label) -> {
            BigDecimal target = IndicatorTarget.applicable(all, label.id().value(), level, asOf).orElse(null);
            if (target == null) {
                return;
            }
            Progress progress = progressOf(ci, label.id(), path, asOf, target);
            if (progress.value() == null) {
                lags.add(new Lag(label, progress, null));
            } else if (progress.light() != TrafficLight.MET) {
                BigDecimal gap = direction == Direction.HIGHER ? target.subtract(progress.value())
                        : progress.value().subtract(target);
                lags.add(new Lag(label, progress, gap));
            }
        });
        Comparator<Lag> worstFirst = Comparator.comparing(Lag::gap, Comparator.nullsLast(Comparator.reverseOrder()));
        lags.sort(worstFirst.thenComparing(VietnameseText.byName(l -> l.unit().displayName())));
        return lags;
    }

    /** Whether the caller may change the campaign's plan (indicators, targets, milestones, status). */
    @Transactional(readOnly = true)
    public boolean canPlan(CampaignId id) {
        Scope scope = currentUser.scope();
        return (scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER) && campaigns.findById(id.value())
                .filter(c -> c.getScopeUnitPath().startsWith(scope.unitPath())).isPresent();
    }

    /** Whether the caller enters values at all (organizers and administrators, for their own area). */
    public boolean canEnterValues() {
        Role role = currentUser.scope().role();
        return role == Role.ADMIN || role == Role.ORGANIZER;
    }

    /** Whether the caller may start campaigns (for his own area). */
    public boolean canCreate() {
        return canEnterValues();
    }

    Optional<BigDecimal> targetFor(long campaignIndicatorId, UnitId unit, LocalDate asOf) {
        UnitLevel level = unitPaths.levelOf(unit).orElseThrow();
        return IndicatorTarget.applicable(targets.applicable(campaignIndicatorId, unit.value(), level), unit.value(),
                level, asOf);
    }

    /** What a unit's sums read as: a percentage for ratios and coverage, the sum for counts. */
    static BigDecimal valueOf(IndicatorKind kind, BigDecimal numerator, BigDecimal denominator, BigDecimal amount,
                              int reporting) {
        return switch (kind) {
            case RATIO -> denominator == null || denominator.signum() == 0 ? null
                    : numerator.multiply(HUNDRED).divide(denominator, 2, RoundingMode.HALF_UP);
            case COUNT -> amount;
            case COVERAGE -> reporting == 0 || amount == null ? null
                    : amount.multiply(HUNDRED).divide(BigDecimal.valueOf(reporting), 2, RoundingMode.HALF_UP);
        };
    }

    static TrafficLight light(Direction direction, BigDecimal value, BigDecimal target) {
        if (target == null || value == null) {
            return TrafficLight.NO_TARGET;
        }
        int cmp = value.compareTo(target);
        if (direction == Direction.LOWER) {
            cmp = -cmp;
        }
        if (cmp >= 0) {
            return TrafficLight.MET;
        }
        BigDecimal gap = value.subtract(target).abs();
        return gap.compareTo(CLOSE_MARGIN) <= 0 ? TrafficLight.CLOSE : TrafficLight.BEHIND;
    }

    /** Drops the short-lived unit lists of "who lags" when units are added, renamed or imported. */
    @EventListener
    public void on(vn.dvctt.geo.UnitsChanged event) {
        live.unitsChanged();
    }

    /** Keeps the copies of unit paths current when an import moves units. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        event.newPaths().forEach((unit, path) -> {
            campaigns.repath(unit.value(), path);
            values.repath(unit.value(), path);
        });
        live.clear();
    }

    private record Figures(BigDecimal numerator, BigDecimal denominator, BigDecimal amount) {
    }

    private static Figures figures(IndicatorData indicator, ValueEntry entry) {
        switch (indicator.kind()) {
            case RATIO -> {
                BigDecimal n = entry.numerator();
                BigDecimal d = entry.denominator();
                if (n == null || d == null) {
                    throw new InvalidInputException("campaign.error.ratioNeedsBoth",
                            "A ratio needs a numerator and a denominator", indicator.code());
                }
                if (n.signum() < 0 || d.signum() < 0) {
                    throw new InvalidInputException("campaign.error.negative", "Values cannot be negative");
                }
                if (n.compareTo(d) > 0) {
                    throw new InvalidInputException("campaign.error.numeratorAboveDenominator",
                            "The numerator is larger than the denominator", n.toPlainString(), d.toPlainString());
                }
                return new Figures(n, d, d.signum() == 0 ? BigDecimal.ZERO
                        : n.multiply(HUNDRED).divide(d, 4, RoundingMode.HALF_UP));
            }
            case COUNT -> {
                BigDecimal a = entry.amount();
                if (a == null || a.signum() < 0 || a.stripTrailingZeros().scale() > 0) {
                    throw new InvalidInputException("campaign.error.count", "A count is a whole number, 0 or more");
                }
                return new Figures(null, null, a);
            }
            case COVERAGE -> {
                BigDecimal a = entry.amount();
                if (a == null || !(a.compareTo(BigDecimal.ZERO) == 0 || a.compareTo(BigDecimal.ONE) == 0)) {
                    throw new InvalidInputException("campaign.error.yesNo", "Coverage is yes (1) or no (0)");
                }
                return new Figures(null, null, a);
            }
            default -> throw new IllegalStateException(indicator.kind().name());
        }
    }

    /** A target may fall due after the campaign ends ("80% by 02/9/2022" for a campaign ending 31/8). */
    private void checkTarget(CampaignIndicator ci, Campaign campaign, LocalDate dueOn, BigDecimal target) {
        if (dueOn == null || dueOn.isBefore(campaign.getStartsOn())) {
            throw new InvalidInputException("campaign.error.outsideCampaign", "The date is outside the campaign",
                    dueOn);
        }
        IndicatorKind kind = ci.getIndicator().toData().kind();
        boolean percentage = kind != IndicatorKind.COUNT;
        if (target == null || target.signum() < 0 || (percentage && target.compareTo(HUNDRED) > 0)) {
            throw new InvalidInputException("campaign.error.targetRange", "A target is 0..100 % or a count of 0 or more",
                    target == null ? "" : target.toPlainString());
        }
    }

    private CampaignIndicator campaignIndicator(long id) {
        return campaignIndicators.findById(id).filter(ci -> campaigns.findById(ci.getCampaignId())
                .filter(this::visible).isPresent()).orElseThrow(() -> new InvalidInputException(
                "campaign.error.unknownIndicator", "No campaign indicator " + id, id));
    }

    private Campaign editable(CampaignId id) {
        Campaign campaign = campaigns.findById(id.value()).filter(this::visible).orElseThrow(
                () -> new InvalidInputException("campaign.error.unknown", "No campaign " + id.value(), id.value()));
        requireOrganizerOver(campaign.getScopeUnitPath());
        return campaign;
    }

    /** Plans are made by organizers (or administrators) whose area contains the campaign's. */
    private void requireOrganizerOver(String path) {
        Scope scope = currentUser.scope();
        if (!(scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER) || !path.startsWith(scope.unitPath())) {
            throw new OutsideScopeException("Campaigns over " + path + " are outside " + scope.unitPath());
        }
    }

    private boolean visible(Campaign campaign) {
        String mine = currentUser.scope().unitPath();
        return campaign.getScopeUnitPath().startsWith(mine) || mine.startsWith(campaign.getScopeUnitPath());
    }

    private String pathOf(UnitId unit) {
        return unitPaths.pathOf(unit).orElseThrow(() -> new InvalidInputException("campaign.error.unknownUnit",
                "No unit " + unit.value(), unit.value()));
    }

    private CampaignData toData(Campaign campaign) {
        return campaign.toData(campaignIndicators.findByCampaignIdOrderByPosition(campaign.getId()).stream()
                .map(CampaignIndicator::toData).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
