package vn.dvctt.device.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Optional;
import vn.dvctt.device.DeviceContentData;
import vn.dvctt.device.DeviceData;
import vn.dvctt.device.DeviceService;
import vn.dvctt.device.DeviceState;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;

/** One device: where it is, what it last said, what it holds; revoke it or issue a new enrollment code. */
@Route("devices/:deviceId")
@PermitAll
class DeviceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DeviceService devices;
    private String deviceId;

    DeviceView(DeviceService devices) {
        this.devices = devices;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        deviceId = event.getRouteParameters().get("deviceId").orElse("");
        build();
    }

    private void build() {
        removeAll();
        Optional<DeviceData> found;
        try {
            found = devices.find(deviceId);
        } catch (OutsideScopeException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            add(new H2(getTranslation("device.notFound", deviceId)));
            return;
        }
        DeviceData d = found.get();
        H2 title = new H2(d.deviceId());
        title.setId("device-title");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Text(d.venueName() + " — " + d.unitName()), getTranslation("device.venue"));
        Span state = new Span(stateText(d));
        state.setId("device-state");
        facts.addFormItem(state, getTranslation("device.state"));
        facts.addFormItem(new Text(FleetView.time(d.enrolledAt())), getTranslation("device.enrolledAt"));
        facts.addFormItem(new Text(FleetView.time(d.lastSeenAt())), getTranslation("device.lastSeen"));
        facts.addFormItem(new Text(d.agentVersion() == null ? "—" : d.agentVersion()), getTranslation("device.version"));
        facts.addFormItem(new Text(FleetView.disk(d.freeDiskBytes())), getTranslation("device.freeDisk"));
        facts.addFormItem(new Text(FleetView.time(d.lastSyncAt())), getTranslation("device.lastSync"));
        add(title, facts);
        if (devices.canManage()) {
            Button reenrol = new Button(getTranslation("device.reenrol"), e -> reenrol());
            reenrol.setId("device-reenrol");
            Button revoke = new Button(getTranslation("device.revoke"), e -> confirmRevoke());
            revoke.setId("device-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            revoke.setEnabled(d.state() != DeviceState.REVOKED);
            add(new HorizontalLayout(reenrol, revoke));
        }
        Grid<DeviceContentData> content = new Grid<>();
        content.setId("device-content");
        content.addColumn(DeviceContentData::contentId).setHeader(getTranslation("device.content.id")).setFlexGrow(2);
        content.addColumn(c -> FleetView.disk(c.bytesHeld())).setHeader(getTranslation("device.content.held"));
        content.addColumn(c -> getTranslation(c.complete() ? "device.content.complete" : "device.content.partial"))
                .setHeader(getTranslation("device.content.state"));
        content.addColumn(c -> c.expected() ? "✓" : "").setHeader(getTranslation("device.content.expected"));
        content.setItems(devices.contentOf(deviceId));
        content.setEmptyStateText(getTranslation("device.content.none"));
        add(new H3(getTranslation("device.content")), content);
    }

    private String stateText(DeviceData d) {
        return switch (d.state()) {
            case ENROLLED -> getTranslation(d.online() ? "device.online" : "device.offline");
            case PENDING -> d.codeOutstanding(Instant.now())
                    ? getTranslation("device.state.pendingUntil", FleetView.time(d.codeExpiresAt()))
                    : getTranslation("device.state.EXPIRED");
            case REVOKED -> getTranslation("device.state.REVOKED");
        };
    }

    private void reenrol() {
        try {
            new CodeDialog(devices.reenrol(deviceId, FleetView.serverUrl())).open();
            build();
        } catch (InvalidInputException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void confirmRevoke() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("device.revoke"),
                getTranslation("device.revoke.confirm", deviceId), getTranslation("device.revoke"), e -> {
                    devices.revoke(deviceId);
                    Notification.show(getTranslation("device.revoked", deviceId));
                    build();
                });
        confirm.setId("device-revoke-confirm");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return deviceId == null ? getTranslation("device.nav") : deviceId;
    }
}
