package vn.dvctt.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Lumo (the default theme) plus one plain stylesheet linked as a static file: no frontend build,
 * no npm. (In 24.9 {@code @StyleSheet} is not honoured on the app shell; a link is.)
 */
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("stylesheet", "styles/dvctt.css");
        settings.setPageTitle("DVCTT");
    }
}
