package vn.dvctt.notice;

import java.time.Instant;
import java.util.List;

/** A notice as its reader sees it: a message key with its arguments, told in the reader's language. */
public record NoticeData(long id, Instant createdAt, String messageKey, List<String> args, String link,
                         boolean read) {
}
