package vn.dvctt.team;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.dvctt.geo.UnitId;

/** Community digital technology teams (Tổ công nghệ số cộng đồng). */
@Service
public class TeamService {

    /** Teams set up in {@code unit} or below it, for a caller who may see that unit. */
    public List<TeamSummary> teamsWithin(UnitId unit) {
        throw new UnsupportedOperationException("teams: being built");
    }

    public Optional<TeamSummary> find(long teamId) {
        throw new UnsupportedOperationException("teams: being built");
    }
}
