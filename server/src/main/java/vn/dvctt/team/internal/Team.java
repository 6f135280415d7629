package vn.dvctt.team.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import vn.dvctt.shared.VietnameseText;

@Entity
@Table(name = "team")
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(name = "search_name")
    private String searchName;
    @Column(name = "unit_id")
    private long unitId;
    @Column(name = "unit_path")
    private String unitPath;
    @Column(name = "decision_number")
    private String decisionNumber;
    @Column(name = "decision_date")
    private LocalDate decisionDate;
    @Column(name = "decision_signer")
    private String decisionSigner;
    @Column(name = "disbanded_on")
    private LocalDate disbandedOn;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Team() {
    }

    public Team(long unitId, String unitPath, String name) {
        this.unitId = unitId;
        this.unitPath = unitPath;
        rename(name);
    }

    public void rename(String newName) {
        this.name = newName;
        this.searchName = VietnameseText.fold(newName);
        touch();
    }

    public void moveTo(long newUnitId, String newPath) {
        this.unitId = newUnitId;
        this.unitPath = newPath;
        touch();
    }

    public void repath(String newPath) {
        this.unitPath = newPath;
    }

    public void decide(String number, LocalDate date, String signer) {
        this.decisionNumber = number;
        this.decisionDate = date;
        this.decisionSigner = signer;
        touch();
    }

    public void disband(LocalDate on) {
        this.disbandedOn = on;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public String getDecisionNumber() {
        return decisionNumber;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public String getDecisionSigner() {
        return decisionSigner;
    }

    public LocalDate getDisbandedOn() {
        return disbandedOn;
    }

    public boolean isActive() {
        return disbandedOn == null;
    }
}
