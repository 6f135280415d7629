package vn.dvctt.guide.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideFilter;
import vn.dvctt.guide.GuideInput;
import vn.dvctt.guide.GuideLanguage;
import vn.dvctt.guide.GuideService;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.ui.NavEntry;

/** The guide library of the caller's area: search without accents, filter, open a guide, add one. */
@Route("guides")
@PermitAll
class GuidesView extends VerticalLayout implements HasDynamicTitle {

    /** The three choices of the essential filter; null in a Select would mean "no value". */
    enum Essential { ALL, YES, NO }

    private final GuideService guides;
    private final TextField search = new TextField();
    private final Select<GuideStatus> status = new Select<>();
    private final Select<Essential> essential = new Select<>();
    private final Select<GuideLanguage> language = new Select<>();
    private final Grid<GuideData> grid = new Grid<>();

    GuidesView(GuideService guides) {
        this.guides = guides;
        setSizeFull();
        search.setId("guide-search");
        search.setPlaceholder(getTranslation("guide.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 24rem)");
        search.addValueChangeListener(e -> refresh());
        status.setId("guide-status-filter");
        status.setLabel(getTranslation("guide.filter.status"));
        status.setItems(GuideStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("guide.filter.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("guide.filter.all") : statusLabel(s));
        status.addValueChangeListener(e -> refresh());
        essential.setId("guide-essential-filter");
        essential.setLabel(getTranslation("guide.filter.essential"));
        essential.setItems(Essential.values());
        essential.setValue(Essential.ALL);
        essential.setItemLabelGenerator(e -> getTranslation("guide.filter." + e.name().toLowerCase()));
        essential.addValueChangeListener(e -> refresh());
        language.setId("guide-language-filter");
        language.setLabel(getTranslation("guide.filter.language"));
        language.setItems(GuideLanguage.values());
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("guide.filter.all"));
        language.setItemLabelGenerator(l -> l == null ? getTranslation("guide.filter.all") : languageLabel(l));
        language.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(search, status, essential, language);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        if (guides.canCreate()) {
            Button add = new Button(getTranslation("guide.add"), VaadinIcon.PLUS.create(), e -> create());
            add.setId("guide-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(add);
        }
        grid.setId("guide-grid");
        grid.addComponentColumn(g -> {
            Button open = new Button(g.title(), e -> open(g));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            open.addClassName("guide-link");
            return open;
        }).setKey("title").setHeader(getTranslation("guide.title")).setFlexGrow(3)
                .setComparator(VietnameseText.byName(GuideData::title));
        grid.addColumn(g -> languageLabel(g.language())).setHeader(getTranslation("guide.language")).setAutoWidth(true);
        grid.addColumn(g -> g.essential() ? "✓" : "").setHeader(getTranslation("guide.essential.short"))
                .setAutoWidth(true);
        grid.addComponentColumn(g -> badge(statusLabel(g.status()), g.status()))
                .setHeader(getTranslation("guide.status")).setAutoWidth(true);
        grid.addColumn(g -> GuideView.duration(g.durationSeconds())).setHeader(getTranslation("guide.duration.short"))
                .setAutoWidth(true);
        grid.addColumn(g -> g.currentFile() == null ? getTranslation("guide.version.none")
                : "v" + g.currentFile().version() + " · " + GuideView.megabytes(g.currentFile().sizeBytes()) + " MB")
                .setHeader(getTranslation("guide.version")).setAutoWidth(true);
        grid.addColumn(GuideData::ownerName).setHeader(getTranslation("guide.owner")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("guide.none"));
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    static Span badge(String text, GuideStatus status) {
        Span badge = new Span(text);
        String theme = switch (status) {
            case PLANNED -> "badge contrast";
            case IN_PRODUCTION, IN_REVIEW -> "badge";
            case PUBLISHED -> "badge success";
            case RETIRED -> "badge error";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        return badge;
    }

    private String statusLabel(GuideStatus s) {
        return getTranslation("guide.status." + s.name());
    }

    private String languageLabel(GuideLanguage l) {
        return getTranslation("guide.language." + l.code());
    }

    private void open(GuideData guide) {
        getUI().ifPresent(ui -> ui.navigate(GuideView.class, guide.id().value()));
    }

    private void refresh() {
        Boolean essentialOnly = switch (essential.getValue() == null ? Essential.ALL : essential.getValue()) {
            case ALL -> null;
            case YES -> true;
            case NO -> false;
        };
        grid.setItems(guides.search(new GuideFilter(search.getValue(), status.getValue(), essentialOnly,
                language.getValue())));
    }

    private void create() {
        Dialog dialog = new Dialog(getTranslation("guide.dialog.new"));
        dialog.setWidth("min(95vw, 32rem)");
        TextField title = new TextField(getTranslation("guide.title"));
        title.setId("guide-new-title");
        Select<GuideLanguage> lang = new Select<>();
        lang.setLabel(getTranslation("guide.language"));
        lang.setItems(GuideLanguage.values());
        lang.setItemLabelGenerator(this::languageLabel);
        lang.setValue(GuideLanguage.VI);
        Checkbox essentialBox = new Checkbox(getTranslation("guide.essential"));
        essentialBox.setId("guide-new-essential");
        Span error = new Span();
        error.setId("guide-new-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button(getTranslation("guide.save"), e -> {
            try {
                GuideData created = guides.create(new GuideInput(null, title.getValue(), "", List.of(),
                        essentialBox.getValue(), lang.getValue(), null));
                dialog.close();
                open(created);
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("guide-new-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(title, lang, essentialBox), error);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guide.nav");
    }

    @Configuration
    static class GuideNavigation {
        @Bean
        NavEntry guidesNav() {
            return new NavEntry(40, "guide.nav", VaadinIcon.FILM, GuidesView.class);
        }
    }
}
