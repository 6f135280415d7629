package vn.dvctt.training.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TrainingSessions extends JpaRepository<TrainingSession, Long> {

    /** Sessions at the venue, not cancelled, whose time range overlaps [start, end). */
    @Query("select s from TrainingSession s where s.venueId = :venueId and s.status <> "
            + "vn.dvctt.training.SessionStatus.CANCELLED and s.startsAt < :end and s.endsAt > :start "
            + "and (:self is null or s.id <> :self) order by s.startsAt")
    List<TrainingSession> overlapping(@Param("venueId") long venueId, @Param("start") LocalDateTime start,
                                      @Param("end") LocalDateTime end, @Param("self") Long self);

    @Query("select s from TrainingSession s where s.unitPath like :pathPrefix escape '\\' "
            + "and s.startsAt >= :from and s.startsAt < :to order by s.startsAt, s.id")
    List<TrainingSession> within(@Param("pathPrefix") String pathPrefix, @Param("from") LocalDateTime from,
                                 @Param("to") LocalDateTime to);

    long countByVenueId(long venueId);

    /** The venue's schedule: sessions planned by organizers, not those its runner started on its own. */
    @Query("select s from TrainingSession s where s.venueId = :venueId and s.startsAt >= :from and s.startsAt < :to "
            + "and s.origin = 'PLANNED' order by s.startsAt, s.id")
    List<TrainingSession> atVenue(@Param("venueId") long venueId, @Param("from") LocalDateTime from,
                                  @Param("to") LocalDateTime to);

    @Query("select distinct s.unitId from TrainingSession s")
    Set<Long> findUnitIds();

    @Modifying
    @Query("update TrainingSession s set s.unitPath = :path where s.unitId = :unitId")
    int updateUnitPath(@Param("unitId") long unitId, @Param("path") String path);
}
