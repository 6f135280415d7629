package vn.dvctt.campaign;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.campaign.internal.Campaign;
import vn.dvctt.campaign.internal.Campaigns;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.shared.InvalidInputException;

/**
 * A commune's values for a period are submitted by the commune, approved by the level above and
 * then locked; the level above may reopen them. Every step is audited.
 */
@Service
public class CampaignApprovals {

    private static final String AUDIT_TYPE = "ValueApproval";
    private final Campaigns campaigns;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    CampaignApprovals(Campaigns campaigns, UnitPaths unitPaths, CurrentUser currentUser, AuditLog audit,
                      JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The unit's own organizers (or anyone entitled above) hand in the period's values. */
    @Transactional
    public void submit(CampaignId id, UnitId unit, LocalDate period) {
        Campaign campaign = campaign(id);
        String path = path(unit);
        Scope scope = requireOrganizer(path, false);
        if (!campaign.covers(period)) {
            throw new InvalidInputException("campaign.error.periodOutside", "The period is outside the campaign", period);
        }
        if (state(id, unit, period).isPresent()) {
            throw new InvalidInputException("campaign.error.alreadySubmitted", "Already submitted", period);
        }
        jdbc.update("insert into value_approval (campaign_id, unit_id, unit_path, period_on, state, submitted_by, "
                        + "submitted_at) values (?, ?, ?, ?, ?, ?, ?)", id.value(), unit.value(), path,
                Date.valueOf(period), ApprovalState.SUBMITTED.name(), scope.username(), Timestamp.from(Instant.now()));
        audit.record("submit", AUDIT_TYPE, id.value() + "@" + period, path, null, ApprovalState.SUBMITTED.name());
    }

    /** The level above approves: from now on nobody changes the unit's values for that period. */
    @Transactional
    public void approve(CampaignId id, UnitId unit, LocalDate period) {
        campaign(id);
        String path = path(unit);
        Scope scope = requireOrganizer(path, true);
        if (state(id, unit, period).orElse(null) != ApprovalState.SUBMITTED) {
            throw new InvalidInputException("campaign.error.notSubmitted", "Nothing submitted to approve", period);
        }
        jdbc.update("update value_approval set state = ?, approved_by = ?, approved_at = ? where campaign_id = ? "
                        + "and unit_id = ? and period_on = ?", ApprovalState.APPROVED.name(), scope.username(),
                Timestamp.from(Instant.now()), id.value(), unit.value(), Date.valueOf(period));
        audit.record("approve", AUDIT_TYPE, id.value() + "@" + period, path, ApprovalState.SUBMITTED.name(),
                ApprovalState.APPROVED.name());
    }

    /** The level above sends submitted values back or reopens approved ones; audited with the state left. */
    @Transactional
    public void reopen(CampaignId id, UnitId unit, LocalDate period, String reason) {
        campaign(id);
        String path = path(unit);
        requireOrganizer(path, true);
        ApprovalState before = state(id, unit, period).orElseThrow(() -> new InvalidInputException(
                "campaign.error.notSubmitted", "Nothing to reopen", period));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("campaign.error.reasonMissing", "Say why the values are reopened");
        }
        jdbc.update("delete from value_approval where campaign_id = ? and unit_id = ? and period_on = ?", id.value(),
                unit.value(), Date.valueOf(period));
        audit.record("reopen", AUDIT_TYPE, id.value() + "@" + period, path, before.name(), "OPEN: " + reason.strip());
    }

    @Transactional(readOnly = true)
    public Optional<ApprovalState> state(CampaignId id, UnitId unit, LocalDate period) {
        return jdbc.query("select state from value_approval where campaign_id = ? and unit_id = ? and period_on = ?",
                (rs, i) -> ApprovalState.valueOf(rs.getString(1)), id.value(), unit.value(), Date.valueOf(period))
                .stream().findFirst();
    }

    /** Submissions below the caller's unit waiting for his approval. */
    @Transactional(readOnly = true)
    public List<ApprovalData> waiting(CampaignId id) {
        String mine = currentUser.scope().unitPath();
        List<Object[]> rows = jdbc.query("select unit_id, period_on, state, submitted_by, approved_by, unit_path "
                        + "from value_approval where campaign_id = ? and state = ? order by period_on, unit_path",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)}, id.value(), ApprovalState.SUBMITTED.name());
        List<Object[]> below = rows.stream().filter(r -> {
            String path = (String) r[5];
            return path.startsWith(mine) && path.length() > mine.length();
        }).toList();
        Map<UnitId, UnitLabel> labels = unitPaths.labels(below.stream().map(r -> new UnitId((Long) r[0])).toList());
        return below.stream().map(r -> new ApprovalData(id, labels.get(new UnitId((Long) r[0])), (LocalDate) r[1],
                ApprovalState.valueOf((String) r[2]), (String) r[3], (String) r[4])).toList();
    }

    private Campaign campaign(CampaignId id) {
        return campaigns.findById(id.value()).orElseThrow(() -> new InvalidInputException("campaign.error.unknown",
                "No campaign " + id.value(), id.value()));
    }

    private String path(UnitId unit) {
        return unitPaths.pathOf(unit).orElseThrow(() -> new InvalidInputException("campaign.error.unknownUnit",
                "No unit " + unit.value(), unit.value()));
    }

    /** Organizers and administrators of the unit itself or above it; for approving, strictly above. */
    private Scope requireOrganizer(String path, boolean strictlyAbove) {
        Scope scope = currentUser.scope();
        boolean role = scope.role() == Role.ADMIN || scope.role() == Role.ORGANIZER;
        boolean where = path.startsWith(scope.unitPath()) && (!strictlyAbove || path.length() > scope.unitPath().length());
        if (!role || !where) {
            throw new OutsideScopeException("Approvals of " + path + " are outside " + scope.unitPath());
        }
        return scope;
    }
}
