package vn.dvctt.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the top bar next to the user's name (the notices bell), contributed
 * as a bean so the shell needs no knowledge of features. Called once per page layout.
 */
@FunctionalInterface
public interface HeaderItem {
    Component create();
}
