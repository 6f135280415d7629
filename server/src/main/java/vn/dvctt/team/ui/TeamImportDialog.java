package vn.dvctt.team.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import vn.dvctt.shared.ui.SpreadsheetUpload;
import vn.dvctt.team.TeamImportReport;
import vn.dvctt.team.TeamService;

/** Upload a CSV/XLSX of teams and members; shows what changed, or every refused line and why. */
class TeamImportDialog extends Dialog {

    private final Runnable onApplied;
    private final Paragraph summary = new Paragraph();
    private final Grid<TeamImportReport.Problem> problems = new Grid<>();

    TeamImportDialog(TeamService teams, Runnable onApplied) {
        this.onApplied = onApplied;
        setHeaderTitle(getTranslation("team.import"));
        setWidth("min(95vw, 48rem)");
        Paragraph help = new Paragraph(getTranslation("team.import.help"));
        Anchor sample = new Anchor(DownloadHandler.forClassResource(TeamImportDialog.class, "/demo/teams-sample.csv",
                "teams-sample.csv"), getTranslation("team.import.sample"));
        sample.setId("team-import-sample");
        SpreadsheetUpload upload = new SpreadsheetUpload((in, fileName) -> show(teams.importFile(in, fileName)));
        upload.setId("team-import-upload");
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));
        summary.setId("team-import-summary");
        problems.setId("team-import-problems");
        problems.addColumn(TeamImportReport.Problem::line).setHeader(getTranslation("import.line")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.detail())).setHeader(getTranslation("import.reason"))
                .setFlexGrow(1);
        problems.setVisible(false);
        problems.setHeight("18rem");
        add(help, sample, upload, summary, problems);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    void show(TeamImportReport report) {
        if (report.applied()) {
            summary.setText(getTranslation("team.import.applied", report.lines(), report.teamsCreated(),
                    report.membersAdded(), report.membersUpdated(), report.unchanged()));
            problems.setVisible(false);
            onApplied.run();
        } else {
            summary.setText(getTranslation("team.import.refused", report.problems().size()));
            problems.setItems(report.problems());
            problems.setVisible(true);
        }
    }
}
