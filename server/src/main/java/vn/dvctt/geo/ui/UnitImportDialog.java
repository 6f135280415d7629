package vn.dvctt.geo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.ImportProblem;
import vn.dvctt.geo.UnitImportReport;

/** Upload a CSV/XLSX of units; shows what changed, or every refused line and why. */
class UnitImportDialog extends Dialog {

    private static final int MAX_BYTES = 64 * 1024 * 1024;
    private final Runnable onApplied;
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>();

    UnitImportDialog(AdminUnitService units, Runnable onApplied) {
        this.onApplied = onApplied;
        setHeaderTitle(getTranslation("units.import"));
        setWidth("min(95vw, 48rem)");

        Paragraph help = new Paragraph(getTranslation("units.import.help"));
        // The upload goes to a temporary file, not memory: a national file is tens of megabytes.
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> ui.access(() -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                show(units.importUnits(in, metadata.fileName()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } finally {
                file.delete();
            }
        })));
        upload.setId("unit-import-upload");
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFileSize(MAX_BYTES);
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
