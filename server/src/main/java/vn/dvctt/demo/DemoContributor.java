package vn.dvctt.demo;

/**
 * A feature's share of the first-run demo. Contributors run in {@link #order()} inside the demo's
 * single transaction, as the system user, after the demo units, procedures and users exist; they
 * go through their feature's own services, so the demo exercises the same rules as people do.
 * Keep a contributor next to the feature it fills (e.g. {@code team.internal.TeamDemo}).
 */
public interface DemoContributor {

    /** Lower runs first: 100 teams, 200 venues, 250 campaigns (so that the
     * sessions' events reach their computed indicators), 300 training sessions, 400 guides. */
    int order();

    /** Adds the feature's demo rows; throwing aborts the whole demo, which is then retried on the next start. */
    void load();
}
