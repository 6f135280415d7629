package vn.dvctt.notice.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Notices extends JpaRepository<Notice, Long> {

    boolean existsByUserIdAndDedupeKey(long userId, String dedupeKey);

    @Query("select n from Notice n where n.userId = :userId order by n.createdAt desc, n.id desc")
    List<Notice> newestFor(@Param("userId") long userId, Pageable page);

    @Query("select count(n) from Notice n where n.userId = :userId and n.readAt is null")
    long countUnread(@Param("userId") long userId);

    @Modifying
    @Query("update Notice n set n.readAt = :now where n.userId = :userId and n.readAt is null")
    int markAllRead(@Param("userId") long userId, @Param("now") java.time.Instant now);
}
