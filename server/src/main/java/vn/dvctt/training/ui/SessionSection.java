package vn.dvctt.training.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the session dialog that another feature contributes (the runner's proof of play), so the
 * training feature shows it without knowing that feature. Implementations are Spring beans; they
 * check the caller's scope themselves and answer empty when they have nothing to show.
 */
public interface SessionSection {

    Optional<Component> sectionFor(long sessionId);
}
