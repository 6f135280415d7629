package vn.dvctt.team.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import vn.dvctt.team.MemberData.EndReason;
import vn.dvctt.team.MemberRole;

/** A person on a team for a period; closed when he leaves or moves, never deleted. */
@Entity
@Table(name = "team_membership")
public class TeamMembership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "team_id")
    private long teamId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private TeamPerson person;
    @Enumerated(EnumType.STRING)
    @Column(name = "member_role")
    private MemberRole role;
    @Column(name = "joined_on")
    private LocalDate joinedOn;
    @Column(name = "left_on")
    private LocalDate leftOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;
    @Version
    private long version;

    protected TeamMembership() {
    }

    public TeamMembership(long teamId, TeamPerson person, MemberRole role, LocalDate joinedOn) {
        this.teamId = teamId;
        this.person = person;
        this.role = role;
        this.joinedOn = joinedOn;
    }

    public void changeRole(MemberRole newRole) {
        this.role = newRole;
    }

    public void end(LocalDate on, EndReason reason) {
        this.leftOn = on;
        this.endReason = reason;
    }

    public boolean isActive() {
        return leftOn == null;
    }

    public Long getId() {
        return id;
    }

    public long getTeamId() {
        return teamId;
    }

    public TeamPerson getPerson() {
        return person;
    }

    public MemberRole getRole() {
        return role;
    }

    public LocalDate getJoinedOn() {
        return joinedOn;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }

    public EndReason getEndReason() {
        return endReason;
    }
}
