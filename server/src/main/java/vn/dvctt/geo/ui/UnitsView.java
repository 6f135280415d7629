package vn.dvctt.geo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitSearchHit;

/**
 * The caller's part of the tree, loaded one level at a time; typing switches to a flat list of
 * accent-insensitive search hits with where each one sits.
 */
@Route("units")
@PermitAll
class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final AdminUnitService units;
    private final TreeGrid<UnitData> tree = new TreeGrid<>();
    private final Grid<UnitSearchHit> hits = new Grid<>();
    private final TextField search = new TextField();

    UnitsView(AdminUnitService units) {
        this.units = units;
        setSizeFull();

        search.setPlaceholder(getTranslation("units.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("unit-search");
        search.setWidth("min(100%, 28rem)");
        search.addValueChangeListener(e -> showSearch(e.getValue()));
        HorizontalLayout toolbar = new HorizontalLayout(search);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (units.canImport()) {
            Button importButton = new Button(getTranslation("units.import"), VaadinIcon.UPLOAD.create(),
                    e -> new UnitImportDialog(units, this::refresh).open());
            importButton.setId("unit-import");
            toolbar.add(importButton);
        }

        tree.setId("unit-tree");
        tree.addComponentHierarchyColumn(this::nameCell).setHeader(getTranslation("units.name")).setFlexGrow(3);
        tree.addColumn(UnitData::code).setHeader(getTranslation("units.code")).setFlexGrow(1);
        tree.addColumn(u -> getTranslation("unitType." + u.type().name())).setHeader(getTranslation("units.type"));
        tree.setDataProvider(new AbstractBackEndHierarchicalDataProvider<UnitData, Void>() {
            // The grid asks for the count and then the items of the same node in one round trip;
            // the answer to the first is kept for the second only, so nothing goes stale.
            private final Map<UnitId, List<UnitData>> counted = new HashMap<>();

            @Override
            protected Stream<UnitData> fetchChildrenFromBackEnd(HierarchicalQuery<UnitData, Void> query) {
                List<UnitData> level = query.getParent() == null ? List.of(units.myUnit())
                        : Optional.ofNullable(counted.remove(query.getParent().id()))
                                .orElseGet(() -> units.children(query.getParent().id()));
                return level.stream().skip(query.getOffset()).limit(query.getLimit());
            }

            @Override
            public int getChildCount(HierarchicalQuery<UnitData, Void> query) {
                if (query.getParent() == null) {
                    return 1;
                }
                List<UnitData> children = units.children(query.getParent().id());
                counted.put(query.getParent().id(), children);
                return children.size();
            }

            @Override
            public boolean hasChildren(UnitData item) {
                return item.hasChildren();
            }

            @Override
            public Object getId(UnitData item) {
                return item.id();
            }
        });
        tree.expand(units.myUnit());
        tree.setSizeFull();

        hits.setId("unit-hits");
        hits.addComponentColumn(h -> nameCell(h.unit())).setHeader(getTranslation("units.name")).setFlexGrow(2)
                .setKey("name");
        hits.addColumn(UnitsView::location)
                .setHeader(getTranslation("units.location")).setFlexGrow(3);
        hits.addColumn(h -> h.unit().code()).setHeader(getTranslation("units.code"));
        hits.setSizeFull();
        hits.setVisible(false);

        add(toolbar, tree, hits);
    }

    private HorizontalLayout nameCell(UnitData unit) {
        Button open = new Button(unit.displayName(), e -> getUI().ifPresent(ui -> ui.navigate(UnitDetailView.class,
                new RouteParameters("code", unit.code()))));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("unit-link");
        return new HorizontalLayout(open);
    }

    private void showSearch(String text) {
        boolean searching = text != null && !text.isBlank();
        tree.setVisible(!searching);
        hits.setVisible(searching);
        if (searching) {
            List<UnitSearchHit> found = units.search(text, AdminUnitService.MAX_SEARCH_HITS);
            hits.setItems(found);
            hits.setEmptyStateText(getTranslation("units.search.none"));
        }
    }

    /** Vietnamese addresses read from the smallest unit up: "Huyện Bình Liêu, Tỉnh Quảng Ninh". */
    private static String location(UnitSearchHit hit) {
        List<String> upwards = new ArrayList<>(hit.ancestors());
        Collections.reverse(upwards);
        return String.join(", ", upwards);
    }

    private void refresh() {
        tree.getDataProvider().refreshAll();
        showSearch(search.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.units");
    }
}
