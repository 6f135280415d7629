package vn.dvctt.geo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.ImportProblem;
import vn.dvctt.geo.UnitImportReport;
import vn.dvctt.shared.ui.SpreadsheetUpload;

/** Upload a CSV/XLSX of units; shows what changed, or every refused line and why. */
class UnitImportDialog extends Dialog {

    private final Runnable onApplied;
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>();

    UnitImportDialog(AdminUnitService units, Runnable onApplied) {
        this.onApplied = onApplied;
        setHeaderTitle(getTranslation("units.import"));
        setWidth("min(95vw, 48rem)");

        Paragraph help = new Paragraph(getTranslation("units.import.help"));
        SpreadsheetUpload upload = new SpreadsheetUpload((in, fileName) -> show(units.importUnits(in, fileName)));
        upload.setId("unit-import-upload");
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));

        summary.setId("unit-import-summary");
        problems.setId("unit-import-problems");
        problems.addColumn(ImportProblem::line).setHeader(getTranslation("import.line")).setAutoWidth(true);
        problems.addColumn(ImportProblem::code).setHeader(getTranslation("units.code")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.detail())).setHeader(getTranslation("import.reason"))
                .setFlexGrow(1);
        problems.setVisible(false);
        problems.setAllRowsVisible(false);
        problems.setHeight("18rem");
        add(help, upload, summary, problems);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private void show(UnitImportReport report) {
        if (report.applied()) {
            summary.setText(getTranslation("units.import.applied", report.lines(), report.created(), report.updated(),
                    report.unchanged()));
            problems.setVisible(false);
            onApplied.run();
        } else {
            summary.setText(getTranslation("units.import.refused", report.problems().size()));
            problems.setItems(report.problems());
            problems.setVisible(true);
        }
    }
}
