package vn.dvctt.campaign;

import java.time.Instant;

/** A progress note, with its evidence: a link, a stored file (by SHA-256), both or neither. */
public record TaskNoteData(long id, Instant writtenAt, String author, String note, String evidenceUrl,
                           String evidenceSha256, String evidenceName, String evidenceType) {
}
