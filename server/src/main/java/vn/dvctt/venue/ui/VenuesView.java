package vn.dvctt.venue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.ui.NavEntry;
import vn.dvctt.venue.InternetKind;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueInput;
import vn.dvctt.venue.VenueService;

/** The venues of the caller's area: accent-insensitive search, add and edit in a dialog. */
@Route("venues")
@PermitAll
class VenuesView extends VerticalLayout implements HasDynamicTitle {

    private final VenueService venues;
    private final AdminUnitService units;
    private final TextField search = new TextField();
    private final Grid<VenueData> grid = new Grid<>();

    VenuesView(VenueService venues, AdminUnitService units) {
        this.venues = venues;
        this.units = units;
        setSizeFull();
        search.setId("venue-search");
        search.setPlaceholder(getTranslation("venue.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 28rem)");
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(search);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (venues.canManage()) {
            Button add = new Button(getTranslation("venue.add"), VaadinIcon.PLUS.create(), e -> edit(null));
            add.setId("venue-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(add);
        }
        grid.setId("venue-grid");
        grid.addColumn(VenueData::name).setKey("name").setHeader(getTranslation("venue.name")).setFlexGrow(2);
        grid.addColumn(VenueData::unitName).setHeader(getTranslation("venue.unit")).setAutoWidth(true);
        grid.addColumn(VenueData::capacity).setHeader(getTranslation("venue.capacity")).setAutoWidth(true);
        grid.addColumn(this::equipment).setHeader(getTranslation("venue.equipment")).setFlexGrow(2);
        grid.addColumn(this::internet).setHeader(getTranslation("venue.internet")).setAutoWidth(true);
        grid.addColumn(v -> v.deviceId() == null ? getTranslation("venue.device.none") : v.deviceId())
                .setHeader(getTranslation("venue.device")).setAutoWidth(true);
        grid.addComponentColumn(v -> {
            if (!venues.canManage(v)) {
                return new Span();
            }
            Button edit = new Button(getTranslation("venue.edit"), e -> edit(v));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return edit;
        }).setKey("actions").setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("venue.none"));
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private String equipment(VenueData v) {
        List<String> parts = new ArrayList<>();
        if (v.computers() > 0) {
            parts.add(v.computers() + " " + getTranslation("venue.computers").toLowerCase());
        }
        if (v.projector()) {
            parts.add(getTranslation("venue.projector"));
        }
        if (v.screen()) {
            parts.add(getTranslation("venue.screen"));
        }
        if (v.speakers()) {
            parts.add(getTranslation("venue.speakers"));
        }
        return String.join(", ", parts);
    }

    private String internet(VenueData v) {
        String kind = getTranslation("venue.internet." + v.internetKind().name());
        return v.internetMbps() == null ? kind : kind + " · " + v.internetMbps() + " Mbit/s";
    }

    private void refresh() {
        grid.setItems(venues.search(search.getValue()));
    }

    private void edit(VenueData existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "venue.dialog.new" : "venue.dialog.edit"));
        dialog.setWidth("min(95vw, 44rem)");
        ComboBox<UnitSearchHit> unit = new ComboBox<>(getTranslation("venue.unit"));
        unit.setId("venue-unit");
        unit.setItems(query -> units.search(query.getFilter().orElse(""), AdminUnitService.MAX_SEARCH_HITS).stream()
                .filter(h -> h.unit().level() == UnitLevel.COMMUNE || h.unit().level() == UnitLevel.VILLAGE)
                .skip(query.getOffset()).limit(query.getLimit()));
        unit.setItemLabelGenerator(h -> h.unit().displayName()
                + (h.ancestors().isEmpty() ? "" : " — " + h.ancestors().get(h.ancestors().size() - 1)));
        TextField name = new TextField(getTranslation("venue.name"));
        name.setId("venue-name");
        TextField address = new TextField(getTranslation("venue.address"));
        address.setId("venue-address");
        IntegerField capacity = new IntegerField(getTranslation("venue.capacity"));
        capacity.setId("venue-capacity");
        IntegerField computers = new IntegerField(getTranslation("venue.computers"));
        computers.setId("venue-computers");
        computers.setValue(0);
        Checkbox projector = new Checkbox(getTranslation("venue.projector"));
        Checkbox screen = new Checkbox(getTranslation("venue.screen"));
        Checkbox speakers = new Checkbox(getTranslation("venue.speakers"));
        Select<InternetKind> internet = new Select<>();
        internet.setLabel(getTranslation("venue.internet"));
        internet.setId("venue-internet");
        internet.setItems(InternetKind.values());
        internet.setItemLabelGenerator(k -> getTranslation("venue.internet." + k.name()));
        internet.setValue(InternetKind.NONE);
        IntegerField mbps = new IntegerField(getTranslation("venue.internetMbps"));
        mbps.setId("venue-mbps");
        TextArea notes = new TextArea(getTranslation("venue.notes"));
        notes.setId("venue-notes");
        if (existing != null) {
            units.search(existing.unitPath().replaceAll(".*/([^/]+)/$", "$1"), 5).stream()
                    .filter(h -> h.unit().id().equals(existing.unit())).findFirst().ifPresent(unit::setValue);
            name.setValue(existing.name());
            address.setValue(existing.address());
            capacity.setValue(existing.capacity());
            computers.setValue(existing.computers());
            projector.setValue(existing.projector());
            screen.setValue(existing.screen());
            speakers.setValue(existing.speakers());
            internet.setValue(existing.internetKind());
            mbps.setValue(existing.internetMbps());
            notes.setValue(existing.openingNotes());
        }
        Span error = new Span();
        error.setId("venue-error");
        error.addClassName("error-text");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                VenueInput input = new VenueInput(unit.isEmpty() ? null : unit.getValue().unit().id(),
                        name.getValue(), address.getValue(), capacity.getValue() == null ? 0 : capacity.getValue(),
                        computers.getValue() == null ? 0 : computers.getValue(), projector.getValue(),
                        screen.getValue(), speakers.getValue(), internet.getValue(), mbps.getValue(),
                        notes.getValue());
                VenueData saved = existing == null ? venues.create(input) : venues.update(existing.id(), input);
                Notification.show(getTranslation("venue.saved", saved.name()));
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("venue-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(unit, name, address, capacity, computers, internet, mbps, projector, screen,
                speakers, notes);
        form.setColspan(notes, 2);
        dialog.add(form, error);
        if (existing != null && venues.canManage(existing)) {
            Button delete = new Button(getTranslation("venue.delete"), e -> {
                try {
                    venues.delete(existing.id());
                    Notification.show(getTranslation("venue.deleted", existing.name()));
                    dialog.close();
                    refresh();
                } catch (InvalidInputException ex) {
                    error.setText(getTranslation(ex.messageKey(), ex.args()));
                }
            });
            delete.setId("venue-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("venue.nav");
    }

    @Configuration
    static class VenueNavigation {
        @Bean
        NavEntry venuesNav() {
            return new NavEntry(40, "venue.nav", VaadinIcon.HOME_O, VenuesView.class);
        }
    }
}
