package vn.dvctt.geo.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitNotFoundException;
import vn.dvctt.geo.UnitType;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;

/** One unit: where it sits, what lies directly below it, and (for those allowed) rename and add. */
@Route("units/:code")
@PermitAll
class UnitDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AdminUnitService units;
    private UnitData unit;

    UnitDetailView(AdminUnitService units) {
        this.units = units;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String code = event.getRouteParameters().get("code").orElse("");
        removeAll();
        try {
            unit = units.get(code);
        } catch (UnitNotFoundException | OutsideScopeException e) {
            // The same answer for "does not exist" and "not yours": outsiders learn nothing.
            unit = null;
            add(new H2(getTranslation("units.notFound", code)));
            return;
        }
        render();
    }

    private void render() {
        HorizontalLayout crumbs = new HorizontalLayout();
        crumbs.addClassName("breadcrumb");
        crumbs.add(new RouterLink(getTranslation("nav.units"), UnitsView.class));
        for (UnitData u : units.lineage(unit)) {
            crumbs.add(new Span("›"));
            crumbs.add(u.code().equals(unit.code()) ? new Span(u.displayName())
                    : new RouterLink(u.displayName(), UnitDetailView.class, new RouteParameters("code", u.code())));
        }
        H2 title = new H2(unit.displayName());
        title.setId("unit-title");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Text(unit.code()), getTranslation("units.code"));
        facts.addFormItem(new Text(getTranslation("unitType." + unit.type().name())), getTranslation("units.type"));
        facts.addFormItem(new Text(getTranslation("level." + unit.level().name())), getTranslation("units.level"));

        HorizontalLayout actions = new HorizontalLayout();
        if (units.canEdit(unit)) {
            Button rename = new Button(getTranslation("units.rename"), VaadinIcon.EDIT.create(), e -> renameDialog());
            rename.setId("unit-rename");
            actions.add(rename);
        }
        if (units.canAddChildTo(unit)) {
            Button addChild = new Button(getTranslation("units.addChild"), VaadinIcon.PLUS.create(), e -> addDialog());
            addChild.setId("unit-add-child");
            actions.add(addChild);
        }

        Grid<UnitData> children = new Grid<>();
        children.setId("unit-children");
        children.addComponentColumn(c -> new RouterLink(c.displayName(), UnitDetailView.class,
                new RouteParameters("code", c.code()))).setHeader(getTranslation("units.children")).setFlexGrow(3);
        children.addColumn(UnitData::code).setHeader(getTranslation("units.code"));
        List<UnitData> below = units.children(unit.id());
        children.setItems(below);
        children.setEmptyStateText(getTranslation("units.noChildren"));
        add(crumbs, title, facts, actions, children);
    }

    private void renameDialog() {
        Dialog dialog = new Dialog(getTranslation("units.rename"));
        TextField name = new TextField(getTranslation("units.name"), unit.name(), "");
        name.setWidthFull();
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                units.rename(unit.id(), name.getValue());
                dialog.close();
                reload();
            } catch (IllegalArgumentException ex) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("units.error.name"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void addDialog() {
        Dialog dialog = new Dialog(getTranslation("units.addChild"));
        TextField code = new TextField(getTranslation("units.code"));
        TextField name = new TextField(getTranslation("units.name"));
        Select<UnitType> type = new Select<>();
        type.setLabel(getTranslation("units.type"));
        type.setItems(Arrays.stream(UnitType.values()).filter(t -> t.level().ordinal() > unit.level().ordinal())
                .toList());
        type.setItemLabelGenerator(t -> getTranslation("unitType." + t.name()));
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                units.addChild(unit.id(), code.getValue(), name.getValue(), type.getValue());
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                Notification.show(getTranslation(ex.messageKey(), ex.args()), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(code, name, type));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void reload() {
        unit = units.get(unit.code());
        removeAll();
        render();
    }

    @Override
    public String getPageTitle() {
        return unit == null ? getTranslation("nav.units") : unit.displayName();
    }
}
