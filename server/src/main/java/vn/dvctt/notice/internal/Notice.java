package vn.dvctt.notice.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.dvctt.notice.NoticeData;

@Entity
@Table(name = "notice")
public class Notice {

    /** ASCII unit separator: never typed by people, so arguments need no escaping. */
    private static final String SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id")
    private long userId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "dedupe_key")
    private String dedupeKey;
    @Column(name = "message_key")
    private String messageKey;
    private String args;
    private String link;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notice() {
    }

    public Notice(long userId, String dedupeKey, String messageKey, List<String> args, String link) {
        this.userId = userId;
        this.createdAt = Instant.now();
        this.dedupeKey = dedupeKey;
        this.messageKey = messageKey;
        this.args = String.join(SEPARATOR, args);
        this.link = link;
    }

    public long getUserId() {
        return userId;
    }

    public void markRead() {
        if (readAt == null) {
            readAt = Instant.now();
        }
    }

    public NoticeData toData() {
        return new NoticeData(id, createdAt, messageKey, args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1)),
                link, readAt != null);
    }
}
