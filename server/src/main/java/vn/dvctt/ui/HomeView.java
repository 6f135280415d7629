package vn.dvctt.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitLevel;

/** The first page after login: the user's area and what it holds. Features add their figures later. */
@Route("")
@PageTitle("DVCTT")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(AdminUnitService units) {
        UnitData mine = units.myUnit();
        add(new H2(getTranslation("home.area", mine.displayName())));
        Map<UnitLevel, Long> counts = units.countByLevel();
        FlexLayout figures = new FlexLayout();
        figures.addClassName("figures");
        for (UnitLevel level : UnitLevel.values()) {
            long n = counts.getOrDefault(level, 0L);
            if (n > 0 && level.ordinal() > mine.level().ordinal()) {
                figures.add(figure(getTranslation("level." + level.name()), n));
            }
        }
        add(figures);
    }

    private Div figure(String label, long value) {
        Span number = new Span(String.format(getLocale(), "%,d", value));
        number.addClassName("figure-value");
        Span caption = new Span(label);
        caption.addClassName("figure-label");
        Div card = new Div(number, caption);
        card.addClassName("figure");
        return card;
    }
}
