package vn.dvctt.training;

import java.util.List;
import java.util.Optional;

/** Everything the session page shows: the plan, both sources' results, where they differ, photos. */
public record SessionDetails(SessionData session, Optional<RecordedResults> manual, Optional<RecordedResults> agent,
                             List<ResultDifference> differences, List<SessionPhoto> photos) {

    /** The agent's figures when it sent any, else the team's. */
    public Optional<RecordedResults> effective() {
        return agent.isPresent() ? agent : manual;
    }
}
