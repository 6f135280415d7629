package vn.dvctt.training.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dvctt.training.AssistedSubmission;
import vn.dvctt.training.RecordedResults;
import vn.dvctt.training.ResultSource;
import vn.dvctt.training.SessionResults;

/** One source's results for one session. */
@Entity
@Table(name = "training_result")
public class SessionResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "session_id")
    private long sessionId;
    @Enumerated(EnumType.STRING)
    private ResultSource source;
    private int participants;
    private Integer women;
    private Integer men;
    @Column(name = "age_under_18")
    private Integer ageUnder18;
    @Column(name = "age_18_35")
    private Integer age18To35;
    @Column(name = "age_36_59")
    private Integer age36To59;
    @Column(name = "age_60_plus")
    private Integer age60Plus;
    private String notes;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Version
    private long version;
    @ElementCollection
    @CollectionTable(name = "training_result_submission", joinColumns = @JoinColumn(name = "result_id"))
    private List<Submission> submissions = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "training_result_dossier", joinColumns = @JoinColumn(name = "result_id"))
    private List<Dossier> dossiers = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "training_result_guide", joinColumns = @JoinColumn(name = "result_id"))
    @OrderColumn(name = "seq")
    @Column(name = "guide")
    private List<String> guides = new ArrayList<>();

    @Embeddable
    public static class Submission {
        @Column(name = "procedure_code")
        private String procedureCode;
        @Column(name = "submissions")
        private int count;

        protected Submission() {
        }

        Submission(String procedureCode, int count) {
            this.procedureCode = procedureCode;
            this.count = count;
        }
    }

    @Embeddable
    public static class Dossier {
        @Column(name = "procedure_code")
        private String procedureCode;
        @Column(name = "dossier_code")
        private String dossierCode;

        protected Dossier() {
        }

        Dossier(String procedureCode, String dossierCode) {
            this.procedureCode = procedureCode;
            this.dossierCode = dossierCode;
        }
    }

    protected SessionResult() {
    }

    public SessionResult(long sessionId, ResultSource source) {
        this.sessionId = sessionId;
        this.source = source;
    }

    public void apply(SessionResults r, String actor) {
        participants = r.participants();
        women = r.women();
        men = r.men();
        ageUnder18 = r.ageUnder18();
        age18To35 = r.age18To35();
        age36To59 = r.age36To59();
        age60Plus = r.age60Plus();
        notes = r.notes();
        submissions.clear();
        dossiers.clear();
        for (AssistedSubmission s : r.submissions()) {
            submissions.add(new Submission(s.procedureCode(), s.count()));
            s.dossierCodes().forEach(code -> dossiers.add(new Dossier(s.procedureCode(), code)));
        }
        guides.clear();
        guides.addAll(r.guidesPlayed());
        recordedAt = Instant.now();
        recordedBy = actor;
    }

    public long getSessionId() {
        return sessionId;
    }

    public ResultSource getSource() {
        return source;
    }

    public SessionResults toResults() {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        dossiers.stream().sorted(java.util.Comparator.comparing((Dossier d) -> d.dossierCode))
                .forEach(d -> codes.computeIfAbsent(d.procedureCode, k -> new ArrayList<>()).add(d.dossierCode));
        List<AssistedSubmission> assisted = submissions.stream()
                .map(s -> new AssistedSubmission(s.procedureCode, s.count, codes.getOrDefault(s.procedureCode, List.of())))
                .sorted(java.util.Comparator.comparing(AssistedSubmission::procedureCode))
                .toList();
        return new SessionResults(participants, women, men, ageUnder18, age18To35, age36To59, age60Plus, assisted,
                List.copyOf(guides), notes);
    }

    public RecordedResults toRecorded() {
        return new RecordedResults(source, toResults(), recordedAt, recordedBy);
    }
}
