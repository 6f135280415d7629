package vn.dvctt.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.device.ContentCoverage;
import vn.dvctt.device.DeviceData;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.ui.NavEntry;
import vn.dvctt.venue.VenueData;

/** The devices of the caller's area: online or not, last seen, version, disk, content completeness; register one. */
@Route("devices")
@PermitAll
class FleetView extends VerticalLayout implements HasDynamicTitle {

    private final DeviceService devices;
    private final Grid<DeviceData> grid = new Grid<>();
    private final Grid<ContentCoverage> coverage = new Grid<>();

    FleetView(DeviceService devices) {
        this.devices = devices;
        setSizeFull();
        HorizontalLayout toolbar = new HorizontalLayout();
        if (devices.canManage()) {
            Button register = new Button(getTranslation("device.register"), VaadinIcon.PLUS.create(), e -> register());
            register.setId("device-register");
            register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(register);
        }
        grid.setId("device-grid");
        grid.addComponentColumn(d -> {
            Button open = new Button(d.deviceId(), e -> getUI().ifPresent(ui -> ui.navigate(DeviceView.class,
                    new RouteParameters("deviceId", d.deviceId()))));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setKey("id").setHeader(getTranslation("device.id")).setAutoWidth(true);
        grid.addColumn(DeviceData::venueName).setHeader(getTranslation("device.venue")).setFlexGrow(2);
        grid.addColumn(DeviceData::unitName).setHeader(getTranslation("device.unit")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setKey("state").setHeader(getTranslation("device.state")).setAutoWidth(true);
        grid.addColumn(d -> time(d.lastSeenAt())).setHeader(getTranslation("device.lastSeen")).setAutoWidth(true);
        grid.addColumn(d -> d.agentVersion() == null ? "—" : d.agentVersion())
                .setHeader(getTranslation("device.version")).setAutoWidth(true);
        grid.addColumn(d -> disk(d.freeDiskBytes())).setHeader(getTranslation("device.freeDisk")).setAutoWidth(true);
        grid.addColumn(this::completeness).setKey("complete").setHeader(getTranslation("device.complete"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("device.none"));
        coverage.setId("device-coverage");
        coverage.addColumn(c -> c.contentId().substring(0, 12) + "…").setHeader(getTranslation("device.content.id"))
                .setAutoWidth(true);
        coverage.addColumn(ContentCoverage::devicesComplete).setKey("complete")
                .setHeader(getTranslation("device.coverage.complete"));
        coverage.addColumn(ContentCoverage::devicesHolding).setHeader(getTranslation("device.coverage.holding"));
        coverage.addColumn(ContentCoverage::devicesExpecting).setHeader(getTranslation("device.coverage.expecting"));
        coverage.setAllRowsVisible(true);
        add(toolbar, grid, new H3(getTranslation("device.coverage")), coverage);
        refresh();
    }

    private Span state(DeviceData d) {
        String key = switch (d.state()) {
            case ENROLLED -> d.online() ? "device.online" : "device.offline";
            case PENDING -> d.codeOutstanding(Instant.now()) ? "device.state.PENDING" : "device.state.EXPIRED";
            case REVOKED -> "device.state.REVOKED";
        };
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add("badge" + (d.online() ? " success" : d.state().name().equals("REVOKED")
                ? " error" : " contrast"));
        return badge;
    }

    String completeness(DeviceData d) {
        if (d.completePercent() == null) {
            return "—";
        }
        String text = d.completePercent() + " % (" + d.contentComplete() + "/" + d.contentCounted() + ")";
        return d.measuredAgainstManifest() ? text : text + " " + getTranslation("device.complete.inventoryOnly");
    }

    static String time(Instant at) {
        return at == null ? "—" : CodeDialog.TIME.format(at);
    }

    static String disk(Long bytes) {
        return bytes == null ? "—" : String.format("%.1f GB", bytes / 1e9);
    }

    private void refresh() {
        grid.setItems(devices.fleet());
        coverage.setItems(devices.contentCoverage());
    }

    private void register() {
        Dialog dialog = new Dialog(getTranslation("device.register"));
        dialog.setWidth("min(95vw, 32rem)");
        Select<VenueData> venue = new Select<>();
        venue.setId("device-venue");
        venue.setLabel(getTranslation("device.venue"));
        venue.setItems(devices.venuesWithoutDevice());
        venue.setItemLabelGenerator(v -> v.name() + " — " + v.unitName());
        venue.setWidthFull();
        Span error = new Span();
        error.setId("device-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("device.register.save"), e -> {
            if (venue.isEmpty()) {
                error.setText(getTranslation("device.error.venue"));
                return;
            }
            try {
                IssuedCode code = devices.register(venue.getValue().id(), serverUrl());
                dialog.close();
                refresh();
                new CodeDialog(code).open();
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("device-register-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(venue, error));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The URL the organizer's browser used: the agent usually reaches the server the same way. */
    static String serverUrl() {
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return "";
        }
        HttpServletRequest request = current.getHttpServletRequest();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("https".equals(request.getScheme()) && port == 443)
                || ("http".equals(request.getScheme()) && port == 80);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("device.nav");
    }

    @Configuration
    static class DeviceNavigation {
        @Bean
        NavEntry devicesNav() {
            return new NavEntry(45, "device.nav", VaadinIcon.DESKTOP, FleetView.class);
        }
    }
}
