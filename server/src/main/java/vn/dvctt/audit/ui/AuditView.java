package vn.dvctt.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.audit.AuditEntry;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.ui.NavEntry;

/** The latest changes in the administrator's subtree. */
@Route("audit")
@RolesAllowed("ADMIN")
class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    AuditView(AuditLog audit) {
        setSizeFull();
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addColumn(e -> TIME.format(e.at())).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> e.entityType() + " " + e.entityId()).setHeader(getTranslation("audit.entity"));
        grid.addColumn(AuditEntry::before).setHeader(getTranslation("audit.before"));
        grid.addColumn(AuditEntry::after).setHeader(getTranslation("audit.after"));
        grid.setItems(audit.recent(500));
        grid.setSizeFull();
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }

    @Configuration
    static class AuditNavigation {
        @Bean
        NavEntry auditNav() {
            return new NavEntry(95, "nav.audit", VaadinIcon.RECORDS, AuditView.class);
        }
    }
}
