package vn.dvctt.campaign.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitPaths;

/**
 * Sums one campaign indicator over the whole tree in one pass: each unit's latest reading on or
 * before a date is added to the unit and to every ancestor in its path. One query, then
 * O(readings × depth) in memory, instead of a query per unit.
 */
@Component
public class Rollup {

    /** Sums for a unit and everything below it; the code is the last segment of the path. */
    public record Sums(String path, BigDecimal numerator, BigDecimal denominator, BigDecimal amount, int reporting) {

        Sums add(BigDecimal n, BigDecimal d, BigDecimal a) {
            return new Sums(path, plus(numerator, n), plus(denominator, d), plus(amount, a), reporting + 1);
        }

        public String code() {
            String trimmed = path.substring(0, path.length() - 1);
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }

        private static BigDecimal plus(BigDecimal x, BigDecimal y) {
            return x == null ? y : y == null ? x : x.add(y);
        }
    }

    /** Team coverage: villages with an active community digital technology team / all villages. */
    public static final String TEAM_COVERAGE = "CD92-08";

    private final JdbcTemplate jdbc;
    private final UnitPaths unitPaths;

    Rollup(JdbcTemplate jdbc, UnitPaths unitPaths) {
        this.jdbc = jdbc;
        this.unitPaths = unitPaths;
    }

    /** Sums by path for every unit under {@code scopePath} (inclusive) that has a reading below it. */
    public Map<String, Sums> sums(long campaignIndicatorId, String scopePath, LocalDate asOf) {
        Map<String, Sums> sums = new HashMap<>();
        Map<String, Object> indicator = jdbc.queryForMap("select i.source, i.code from campaign_indicator ci "
                + "join indicator i on i.id = ci.indicator_id where ci.id = ?", campaignIndicatorId);
        String source = (String) indicator.get("source");
        if (TEAM_COVERAGE.equals(indicator.get("code"))) {
            return teamCoverage(campaignIndicatorId, scopePath, asOf);
        }
        // Readings: each unit's latest. Computed indicators: a running total of what sources gave.
        String query = "COMPUTED".equals(source) ? """
                select unit_path, null, null, sum(amount) from computed_contribution
                where campaign_indicator_id = ? and period_on <= ? group by unit_path
                """ : """
                select unit_path, numerator, denominator, amount from (
                  select v.unit_path, v.numerator, v.denominator, v.amount,
                         row_number() over (partition by v.unit_id order by v.period_on desc) as n
                  from indicator_value v where v.campaign_indicator_id = ? and v.period_on <= ?) latest
                where n = 1
                """;
        jdbc.query(query, rs -> {
            String path = rs.getString(1);
            if (!path.startsWith(scopePath)) {
                return;
            }
            BigDecimal n = rs.getBigDecimal(2);
            BigDecimal d = rs.getBigDecimal(3);
            BigDecimal a = rs.getBigDecimal(4);
            addUpwards(sums, path, scopePath, n, d, a);
        }, campaignIndicatorId, asOf);
        return sums;
    }

    /**
     * Every village counts once in the denominator of itself and its ancestors, and once in the
     * numerator when a team set up by {@code asOf} serves it (a team in a village, contributed by
     * the team feature's events).
     */
    private Map<String, Sums> teamCoverage(long campaignIndicatorId, String scopePath, LocalDate asOf) {
        java.util.Set<String> covered = new java.util.HashSet<>(jdbc.queryForList(
                "select distinct unit_path from computed_contribution where campaign_indicator_id = ? and period_on <= ?",
                String.class, campaignIndicatorId, asOf));
        Map<String, Sums> sums = new HashMap<>();
        for (String village : unitPaths.pathsAtLevel(scopePath, UnitLevel.VILLAGE)) {
            BigDecimal has = covered.contains(village) ? BigDecimal.ONE : BigDecimal.ZERO;
            addUpwards(sums, village, scopePath, has, BigDecimal.ONE, has);
        }
        return sums;
    }

    /** "/VN/22/198/06757/": adds to "/VN/22/198/06757/", "/VN/22/198/", "/VN/22/" while within scope. */
    private static void addUpwards(Map<String, Sums> sums, String path, String scopePath, BigDecimal n, BigDecimal d,
                                   BigDecimal a) {
        for (int end = path.length(); end >= scopePath.length(); end = path.lastIndexOf('/', end - 2) + 1) {
            String prefix = path.substring(0, end);
            sums.merge(prefix, new Sums(prefix, n, d, a, 1), (old, x) -> old.add(n, d, a));
            if (end <= 1) {
                break;
            }
        }
    }
}
