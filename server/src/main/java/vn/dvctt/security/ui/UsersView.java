package vn.dvctt.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.security.CreatedUser;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.NewUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Role;
import vn.dvctt.security.UserData;
import vn.dvctt.security.UserService;
import vn.dvctt.shared.InvalidInputException;

/** Users of the caller's subtree; administrators and organizers create users below their unit. */
@Route("users")
@RolesAllowed({"ADMIN", "ORGANIZER"})
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final Grid<UserData> grid = new Grid<>();

    UsersView(UserService users, AdminUnitService units, CurrentUser currentUser) {
        this.users = users;
        this.units = units;
        this.currentUser = currentUser;
        setSizeFull();
        Button create = new Button(getTranslation("users.create"), VaadinIcon.PLUS.create(), e -> createDialog());
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("user-grid");
        grid.addColumn(UserData::username).setHeader(getTranslation("users.username")).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(UserData::displayName).setHeader(getTranslation("users.displayName")).setAutoWidth(true)
                .setFlexGrow(2);
        grid.addColumn(u -> getTranslation("role." + u.role().name())).setHeader(getTranslation("users.role"))
                .setAutoWidth(true);
        grid.addColumn(UserData::unitName).setHeader(getTranslation("users.unit")).setAutoWidth(true);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader(getTranslation("users.email")).setAutoWidth(true);
        grid.addComponentColumn(this::statusCell).setHeader(getTranslation("users.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setSizeFull();
        add(create, grid);
        refresh();
    }

    private Span statusCell(UserData u) {
        Span badge = new Span(getTranslation(u.enabled() ? "users.enabled" : "users.disabled"));
        badge.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private com.vaadin.flow.component.Component actions(UserData u) {
        if (!u.manageable()) {
            return new Span();
        }
        Button toggle = new Button(getTranslation(u.enabled() ? "users.disable" : "users.enable"),
                e -> run(() -> users.setEnabled(u.id(), !u.enabled())));
        Button reset = new Button(getTranslation("users.resetPassword"),
                e -> run(() -> showPassword(u.username(), users.resetPassword(u.id()))));
        Button email = new Button(getTranslation("users.email"), e -> emailDialog(u));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        email.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new com.vaadin.flow.component.orderedlayout.HorizontalLayout(toggle, reset, email);
    }

    private void emailDialog(UserData u) {
        Dialog dialog = new Dialog(getTranslation("users.email.edit") + ": " + u.username());
        com.vaadin.flow.component.textfield.EmailField email =
                new com.vaadin.flow.component.textfield.EmailField(getTranslation("users.email"));
        email.setId("user-email");
        email.setValue(u.email() == null ? "" : u.email());
        email.setWidthFull();
        dialog.add(email);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                new Button(getTranslation("action.save"), e -> {
                    run(() -> users.setEmail(u.id(), email.getValue()));
                    dialog.close();
                }));
        dialog.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (InvalidInputException e) {
            error(getTranslation(e.messageKey(), e.args()));
        } catch (OutsideScopeException e) {
            error(getTranslation("error.notAllowed"));
        }
    }

    private void createDialog() {
        Dialog dialog = new Dialog(getTranslation("users.create"));
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        TextField displayName = new TextField(getTranslation("users.displayName"));
        Select<Role> role = new Select<>();
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Arrays.stream(Role.values())
                .filter(r -> currentUser.scope().role() == Role.ADMIN || r != Role.ADMIN).toList());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        ComboBox<UnitSearchHit> unit = new ComboBox<>(getTranslation("users.unit"));
        unit.setId("user-unit");
        // Organizers create users strictly below their own unit: do not offer the unit itself.
        String ownPath = units.myUnit().path();
        boolean ownUnitAllowed = currentUser.scope().role() == Role.ADMIN;
        unit.setItems(query -> units.search(query.getFilter().orElse(""), AdminUnitService.MAX_SEARCH_HITS).stream()
                .filter(h -> ownUnitAllowed || !h.unit().path().equals(ownPath))
                .skip(query.getOffset()).limit(query.getLimit()));
        unit.setItemLabelGenerator(h -> h.unit().displayName() + (h.ancestors().isEmpty() ? ""
                : " — " + h.ancestors().get(h.ancestors().size() - 1)));
        unit.setHelperText(getTranslation("users.unit.help"));
        Button save = new Button(getTranslation("action.save"), e -> {
            if (role.isEmpty() || unit.isEmpty()) {
                error(getTranslation("users.error.required"));
                return;
            }
            try {
                CreatedUser created = users.create(new NewUser(username.getValue(), displayName.getValue(),
                        role.getValue(), unit.getValue().unit().id()));
                dialog.close();
                refresh();
                showPassword(created.user().username(), created.initialPassword());
            } catch (InvalidInputException ex) {
                error(getTranslation(ex.messageKey(), ex.args()));
            } catch (OutsideScopeException ex) {
                error(getTranslation("error.notAllowed"));
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(username, displayName, role, unit));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The one time anybody sees this password: it is stored only as a hash. */
    private void showPassword(String username, String password) {
        Dialog dialog = new Dialog(getTranslation("users.password.title", username));
        Span secret = new Span(password);
        secret.setId("user-initial-password");
        secret.addClassName("secret");
        dialog.add(new Paragraph(getTranslation("users.password.once")), secret);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
