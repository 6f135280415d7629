package vn.dvctt.training.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;
import java.util.List;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitSearchHit;

/** Chooses a unit of the caller's area: his own unit and its children at first, any unit by search. */
class UnitPicker extends ComboBox<UnitData> {

    UnitPicker(AdminUnitService units, String label) {
        super(label);
        UnitData mine = units.myUnit();
        setItems(query -> {
            String filter = query.getFilter().orElse("");
            List<UnitData> found = new ArrayList<>();
            if (filter.isBlank()) {
                found.add(mine);
                if (mine.hasChildren()) {
                    found.addAll(units.children(mine.id()));
                }
            } else {
                units.search(filter, AdminUnitService.MAX_SEARCH_HITS).stream().map(UnitSearchHit::unit)
                        .forEach(found::add);
            }
            return found.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        setItemLabelGenerator(UnitData::displayName);
        setValue(mine);
        setAllowCustomValue(false);
        setWidth("min(100%, 20rem)");
    }
}
