package vn.dvctt.team.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.Gender;

/** A team member's personal details; never printed (no toString with them). */
@Entity
@Table(name = "team_person")
public class TeamPerson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "full_name")
    private String fullName;
    @Column(name = "search_name")
    private String searchName;
    private String phone;
    @Column(name = "birth_year")
    private Integer birthYear;
    @Enumerated(EnumType.STRING)
    private Gender gender;
    @Column(name = "youth_union")
    private boolean youthUnion;
    @Column(name = "commune_official")
    private boolean communeOfficial;
    private String skills;
    /** PBKDF2 hash of the member's session-runner PIN (content's PinHash); null: cannot sign in there. */
    @Column(name = "runner_pin_hash")
    private String runnerPinHash;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TeamPerson() {
    }

    public TeamPerson(String fullName) {
        this.fullName = fullName;
        this.searchName = VietnameseText.fold(fullName);
    }

    /** Applies new details; returns whether anything changed. */
    public boolean update(String fullName, String phone, Integer birthYear, Gender gender, boolean youthUnion,
                          boolean communeOfficial, String skills) {
        boolean same = Objects.equals(this.fullName, fullName) && Objects.equals(this.phone, phone)
                && Objects.equals(this.birthYear, birthYear) && this.gender == gender
                && this.youthUnion == youthUnion && this.communeOfficial == communeOfficial
                && Objects.equals(this.skills, skills);
        if (same && id != null) {
            return false;
        }
        this.fullName = fullName;
        this.searchName = VietnameseText.fold(fullName);
        this.phone = phone;
        this.birthYear = birthYear;
        this.gender = gender;
        this.youthUnion = youthUnion;
        this.communeOfficial = communeOfficial;
        this.skills = skills;
        this.updatedAt = Instant.now();
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getSearchName() {
        return searchName;
    }

    public String getPhone() {
        return phone;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public Gender getGender() {
        return gender;
    }

    public boolean isYouthUnion() {
        return youthUnion;
    }

    public boolean isCommuneOfficial() {
        return communeOfficial;
    }

    public String getSkills() {
        return skills;
    }

    public String getRunnerPinHash() {
        return runnerPinHash;
    }

    public void setRunnerPinHash(String hash) {
        runnerPinHash = hash;
        updatedAt = Instant.now();
    }

    @Override
    public String toString() {
        return "TeamPerson#" + id;
    }
}
