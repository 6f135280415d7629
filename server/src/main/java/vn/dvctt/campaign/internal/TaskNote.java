package vn.dvctt.campaign.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.dvctt.campaign.TaskNoteData;

@Entity
@Table(name = "campaign_task_note")
public class TaskNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "task_id")
    private long taskId;
    @Column(name = "written_at")
    private Instant writtenAt;
    private String author;
    private String note;
    @Column(name = "evidence_url")
    private String evidenceUrl;
    @Column(name = "evidence_sha256")
    private String evidenceSha256;
    @Column(name = "evidence_name")
    private String evidenceName;
    @Column(name = "evidence_type")
    private String evidenceType;

    protected TaskNote() {
    }

    public TaskNote(long taskId, String author, String note, String evidenceUrl, String evidenceSha256,
                    String evidenceName, String evidenceType) {
        this.taskId = taskId;
        this.writtenAt = Instant.now();
        this.author = author;
        this.note = note;
        this.evidenceUrl = evidenceUrl;
        this.evidenceSha256 = evidenceSha256;
        this.evidenceName = evidenceName;
        this.evidenceType = evidenceType;
    }

    public long getTaskId() {
        return taskId;
    }

    public TaskNoteData toData() {
        return new TaskNoteData(id, writtenAt, author, note, evidenceUrl, evidenceSha256, evidenceName, evidenceType);
    }
}
