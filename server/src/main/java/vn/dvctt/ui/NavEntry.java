package vn.dvctt.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A feature's place in the side navigation, contributed as a bean by the feature itself. */
public record NavEntry(int order, String labelKey, VaadinIcon icon, Class<? extends Component> view) {
}
