package vn.dvctt.team.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "team_training")
public class TeamTraining {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "person_id")
    private long personId;
    private String name;
    @Column(name = "completed_on")
    private LocalDate completedOn;

    protected TeamTraining() {
    }

    public TeamTraining(long personId, String name, LocalDate completedOn) {
        this.personId = personId;
        this.name = name;
        this.completedOn = completedOn;
    }

    public Long getId() {
        return id;
    }

    public long getPersonId() {
        return personId;
    }

    public String getName() {
        return name;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }
}
