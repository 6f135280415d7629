package vn.dvctt.team.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TeamMemberships extends JpaRepository<TeamMembership, Long> {

    @Query("select m from TeamMembership m join fetch m.person where m.teamId = :teamId "
            + "order by m.leftOn desc nulls first, m.joinedOn, m.id")
    List<TeamMembership> findByTeam(@Param("teamId") long teamId);

    @Query("select m from TeamMembership m join fetch m.person where m.teamId = :teamId and m.leftOn is null")
    List<TeamMembership> findActiveByTeam(@Param("teamId") long teamId);

    @Query("select m from TeamMembership m join fetch m.person where m.person.id = :personId order by m.joinedOn, m.id")
    List<TeamMembership> findByPerson(@Param("personId") long personId);

    @Query("select m.teamId, count(m) from TeamMembership m where m.leftOn is null and m.teamId in :teamIds "
            + "group by m.teamId")
    List<Object[]> countActive(@Param("teamIds") Collection<Long> teamIds);

    /** Active members with at least one completed training, per team. */
    @Query("select m.teamId, count(distinct m.person.id) from TeamMembership m where m.leftOn is null "
            + "and m.teamId in :teamIds and exists (select 1 from TeamTraining t where t.personId = m.person.id) "
            + "group by m.teamId")
    List<Object[]> countTrained(@Param("teamIds") Collection<Long> teamIds);
}
