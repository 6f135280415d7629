package vn.dvctt.team.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamPeople extends JpaRepository<TeamPerson, Long> {
}
