package vn.dvctt.procedure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.procedure.ProcedureData;
import vn.dvctt.procedure.ProcedureImportReport;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.shared.ui.SpreadsheetUpload;
import vn.dvctt.ui.NavEntry;

/** The procedure catalogue: search without accents, filter to essential services, import for admins. */
@Route("procedures")
@PermitAll
class ProceduresView extends VerticalLayout implements HasDynamicTitle {

    private final ProcedureService procedures;
    private final TextField search = new TextField();
    private final Checkbox essentialOnly = new Checkbox();
    private final Grid<ProcedureData> grid = new Grid<>();

    ProceduresView(ProcedureService procedures) {
        this.procedures = procedures;
        setSizeFull();
        search.setId("procedure-search");
        search.setPlaceholder(getTranslation("procedures.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(100%, 28rem)");
        search.addValueChangeListener(e -> refresh());
        essentialOnly.setLabel(getTranslation("procedures.essentialOnly"));
        essentialOnly.setId("procedure-essential-only");
        essentialOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(search, essentialOnly);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (procedures.canImport()) {
            Button importButton = new Button(getTranslation("procedures.import"), VaadinIcon.UPLOAD.create(),
                    e -> importDialog());
            importButton.setId("procedure-import");
            toolbar.add(importButton);
        }

        grid.setId("procedure-grid");
        grid.addColumn(ProcedureData::code).setHeader(getTranslation("procedures.code")).setAutoWidth(true);
        grid.addColumn(ProcedureData::name).setHeader(getTranslation("procedures.name")).setFlexGrow(3);
        grid.addColumn(ProcedureData::field).setHeader(getTranslation("procedures.field")).setAutoWidth(true);
        grid.addComponentColumn(p -> p.essential() ? badge(getTranslation("procedures.essential")) : new Span())
                .setHeader(getTranslation("procedures.essential")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("onlineLevel." + p.onlineLevel().name()))
                .setHeader(getTranslation("procedures.online")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("procedures.none"));
        grid.setSizeFull();
        add(toolbar, grid);
        refresh();
    }

    private static Span badge(String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge success");
        return badge;
    }

    private void refresh() {
        grid.setItems(procedures.search(search.getValue(), essentialOnly.getValue(), ProcedureService.MAX_HITS));
    }

    private void importDialog() {
        Dialog dialog = new Dialog(getTranslation("procedures.import"));
        dialog.setWidth("min(95vw, 44rem)");
        Paragraph summary = new Paragraph(getTranslation("procedures.import.help"));
        SpreadsheetUpload upload = new SpreadsheetUpload((in, fileName) -> {
            ProcedureImportReport report = procedures.importFile(in, fileName);
            summary.setText(report.applied()
                    ? getTranslation("procedures.import.applied", report.lines(), report.created(), report.updated(),
                            report.unchanged())
                    : getTranslation("procedures.import.refused") + " " + String.join("; ", report.problems().stream()
                            .map(p -> getTranslation("import.line") + " " + p.line() + ": "
                                    + getTranslation(p.messageKey(), p.detail())).toList()));
            refresh();
        });
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));
        dialog.add(upload, summary);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.procedures");
    }

    @Configuration
    static class ProcedureNavigation {
        @Bean
        NavEntry proceduresNav() {
            return new NavEntry(20, "nav.procedures", VaadinIcon.FILE_TEXT_O, ProceduresView.class);
        }
    }
}
