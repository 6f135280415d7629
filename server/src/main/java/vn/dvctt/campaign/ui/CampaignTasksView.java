package vn.dvctt.campaign.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import vn.dvctt.campaign.CampaignData;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.CampaignTasks;
import vn.dvctt.campaign.NewTask;
import vn.dvctt.campaign.SolutionGroupData;
import vn.dvctt.campaign.TaskData;
import vn.dvctt.campaign.TaskNoteData;
import vn.dvctt.campaign.TaskStatus;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;

/**
 * A campaign's tasks by solution group: lead and coordinating agencies, deadline, status; overdue
 * ones in red with how many days late. Planners add groups and tasks; the responsible organizers
 * change the status and add progress notes with evidence.
 */
@Route("campaigns/:id/tasks")
@PermitAll
class CampaignTasksView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final CampaignService campaigns;
    private final CampaignTasks tasks;
    private final AdminUnitService units;
    private final Grid<TaskData> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<TaskStatus> statusFilter = new Select<>();
    private final Checkbox overdueOnly = new Checkbox();
    private final Span summary = new Span();
    private CampaignData campaign;
    private List<TaskData> all = List.of();

    CampaignTasksView(CampaignService campaigns, CampaignTasks tasks, AdminUnitService units) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.units = units;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CampaignData> found = event.getRouteParameters().getLong("id")
                .flatMap(id -> campaigns.find(new CampaignId(id)));
        if (found.isEmpty()) {
            add(new H2(getTranslation("campaign.notFound")));
            return;
        }
        campaign = found.get();
        overdueOnly.setValue(event.getLocation().getQueryParameters().getSingleParameter("overdue").isPresent());
        build();
    }

    private void build() {
        RouterLink back = new RouterLink(campaign.title(), CampaignView.class,
                new RouteParameters("id", String.valueOf(campaign.id().value())));
        H2 title = new H2(getTranslation("campaign.tasks.title"));
        title.setId("tasks-heading");
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        search.setPlaceholder(getTranslation("campaign.tasks.search"));
        search.setId("tasks-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        statusFilter.setId("tasks-status-filter");
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("campaign.tasks.allStatuses"));
        statusFilter.setItems(TaskStatus.values());
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("campaign.tasks.allStatuses")
                : getTranslation("campaign.task.status." + s.name()));
        statusFilter.addValueChangeListener(e -> filter());
        overdueOnly.setLabel(getTranslation("campaign.tasks.overdueOnly"));
        overdueOnly.setId("tasks-overdue-only");
        overdueOnly.addValueChangeListener(e -> filter());
        bar.add(search, statusFilter, overdueOnly);
        if (tasks.canPlan(campaign.id())) {
            Button addGroup = new Button(getTranslation("campaign.group.add"), VaadinIcon.FOLDER_ADD.create(),
                    e -> groupDialog());
            addGroup.setId("tasks-add-group");
            Button addTask = new Button(getTranslation("campaign.task.add"), VaadinIcon.PLUS.create(), e -> taskDialog());
            addTask.setId("tasks-add");
            addTask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(addGroup, addTask);
        }
        summary.setId("tasks-summary");

        grid.removeAllColumns();
        grid.setId("tasks-grid");
        grid.addColumn(t -> t.group() == null ? "" : roman(t.group().position()) + ". " + t.group().name())
                .setHeader(getTranslation("campaign.group")).setFlexGrow(2).setResizable(true);
        grid.addColumn(TaskData::title).setHeader(getTranslation("campaign.task.title")).setFlexGrow(4)
                .setResizable(true);
        grid.addColumn(TaskData::leadAgency).setHeader(getTranslation("campaign.task.lead")).setFlexGrow(2);
        grid.addColumn(t -> String.join("; ", t.coordinatingAgencies()))
                .setHeader(getTranslation("campaign.task.coordinating")).setFlexGrow(2);
        grid.addColumn(t -> CampaignsView.DATE.format(t.deadline())).setHeader(getTranslation("campaign.task.deadline"))
                .setAutoWidth(true).setComparator(TaskData::deadline);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("campaign.task.status")).setAutoWidth(true);
        grid.addColumn(TaskData::notes).setHeader(getTranslation("campaign.task.notes")).setAutoWidth(true);
        grid.setPartNameGenerator(t -> t.overdue() ? "overdue" : null);
        grid.addItemClickListener(e -> taskDetails(e.getItem().id()));
        grid.setSizeFull();
        add(back, title, bar, summary, grid);
        reload();
    }

    private void reload() {
        all = tasks.tasks(campaign.id(), LocalDate.now());
        filter();
    }

    private void filter() {
        String text = VietnameseText.fold(search.getValue() == null ? "" : search.getValue());
        List<TaskData> shown = all.stream()
                .filter(t -> statusFilter.getValue() == null || t.status() == statusFilter.getValue())
                .filter(t -> !overdueOnly.getValue() || t.overdue())
                .filter(t -> text.isBlank() || VietnameseText.fold(t.title() + " " + t.leadAgency() + " "
                        + String.join(" ", t.coordinatingAgencies())).contains(text))
                .toList();
        grid.setItems(shown);
        long late = all.stream().filter(TaskData::overdue).count();
        long done = all.stream().filter(t -> t.status() == TaskStatus.DONE).count();
        summary.setText(getTranslation("campaign.tasks.summary", all.size(), done, late, shown.size()));
    }

    private Component statusBadge(TaskData task) {
        Span badge = new Span(task.overdue() ? getTranslation("campaign.task.overdueDays", task.daysOverdue())
                : getTranslation("campaign.task.status." + task.status().name()));
        badge.getElement().getThemeList().add(task.overdue() ? "badge error primary" : switch (task.status()) {
            case DONE -> "badge success";
            case IN_PROGRESS -> "badge";
            case NOT_STARTED, CANCELLED -> "badge contrast";
        });
        badge.addClassName("task-status");
        return badge;
    }

    private void groupDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.group.add"));
        TextField name = new TextField(getTranslation("campaign.group"));
        name.setId("tasks-group-name");
        name.setWidth("min(90vw, 36rem)");
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                save(dialog, () -> tasks.addGroup(campaign.id(), name.getValue())));
        dialog.open();
    }

    private void taskDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.task.add"));
        dialog.setWidth("min(95vw, 44rem)");
        ComboBox<SolutionGroupData> group = new ComboBox<>(getTranslation("campaign.group"));
        group.setId("task-group");
        group.setItems(tasks.groups(campaign.id()));
        group.setItemLabelGenerator(g -> roman(g.position()) + ". " + g.name());
        TextArea title = new TextArea(getTranslation("campaign.task.title"));
        title.setId("task-title");
        TextField lead = new TextField(getTranslation("campaign.task.lead"));
        lead.setId("task-lead");
        lead.setPlaceholder("Sở Thông tin và Truyền thông");
        TextField coordinating = new TextField(getTranslation("campaign.task.coordinating"));
        coordinating.setId("task-coordinating");
        coordinating.setHelperText(getTranslation("campaign.task.coordinating.help"));
        ComboBox<UnitSearchHit> unit = new ComboBox<>(getTranslation("campaign.task.unit"));
        unit.setId("task-unit");
        unit.setItems(query -> units.search(query.getFilter().orElse(""), AdminUnitService.MAX_SEARCH_HITS).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        unit.setItemLabelGenerator(h -> h.unit().displayName());
        unit.setHelperText(getTranslation("campaign.task.unit.help"));
        DatePicker deadline = new DatePicker(getTranslation("campaign.task.deadline"));
        deadline.setId("task-deadline");
        FormLayout form = new FormLayout(group, title, lead, coordinating, unit, deadline);
        form.setColspan(title, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                save(dialog, () -> tasks.create(new NewTask(campaign.id(), group.getValue() == null ? null
                        : group.getValue().id(), title.getValue(), lead.getValue(),
                        CampaignTasks.splitAgencies(coordinating.getValue()),
                        unit.getValue() == null ? null : unit.getValue().unit().id(), deadline.getValue()))));
        dialog.open();
    }

    private void taskDetails(long taskId) {
        TaskData task = tasks.task(taskId, LocalDate.now());
        Dialog dialog = new Dialog(task.title());
        dialog.setWidth("min(95vw, 48rem)");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(task.leadAgency()), getTranslation("campaign.task.lead"));
        facts.addFormItem(new Span(task.coordinatingAgencies().isEmpty() ? "—"
                : String.join("; ", task.coordinatingAgencies())), getTranslation("campaign.task.coordinating"));
        facts.addFormItem(new Span(task.responsibleUnit() == null ? "—" : task.responsibleUnit().displayName()),
                getTranslation("campaign.task.unit"));
        facts.addFormItem(new Span(CampaignsView.DATE.format(task.deadline())), getTranslation("campaign.task.deadline"));
        facts.addFormItem(statusBadge(task), getTranslation("campaign.task.status"));
        dialog.add(facts);
        Span error = new Span();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        if (task.canUpdate()) {
            Select<TaskStatus> status = new Select<>();
            status.setId("task-status");
            status.setLabel(getTranslation("campaign.task.status"));
            status.setItems(TaskStatus.values());
            status.setItemLabelGenerator(s -> getTranslation("campaign.task.status." + s.name()));
            status.setValue(task.status());
            status.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    run(error, () -> tasks.setStatus(taskId, e.getValue(), LocalDate.now()));
                }
            });
            dialog.add(status);
        }
        dialog.add(new H4(getTranslation("campaign.task.notes")));
        Div notes = new Div();
        notes.setId("task-notes");
        showNotes(notes, taskId);
        dialog.add(notes);
        if (task.canUpdate()) {
            TextArea note = new TextArea(getTranslation("campaign.task.note"));
            note.setId("task-note");
            note.setWidthFull();
            TextField url = new TextField(getTranslation("campaign.task.evidenceUrl"));
            url.setId("task-evidence-url");
            url.setWidthFull();
            EvidenceUpload file = new EvidenceUpload();
            Button add = new Button(getTranslation("campaign.task.addNote"), e -> {
                try {
                    try (InputStream in = file.file == null ? null : Files.newInputStream(file.file)) {
                        tasks.addNote(taskId, note.getValue(), url.getValue(), in, file.name);
                    }
                    file.discard();
                    note.clear();
                    url.clear();
                    error.setText("");
                    showNotes(notes, taskId);
                    reload();
                } catch (InvalidInputException ex) {
                    error.setText(getTranslation(ex.messageKey(), ex.args()));
                } catch (OutsideScopeException ex) {
                    error.setText(getTranslation("campaign.error.outsideScope"));
                } catch (java.io.IOException ex) {
                    error.setText(ex.getMessage());
                }
            });
            add.setId("task-add-note");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(note, url, new Paragraph(getTranslation("campaign.task.evidenceFile")), file, add);
            dialog.addDetachListener(e -> file.discard());
        }
        dialog.add(error);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void showNotes(Div into, long taskId) {
        into.removeAll();
        List<TaskNoteData> list = tasks.notes(taskId);
        if (list.isEmpty()) {
            into.add(new Paragraph(getTranslation("campaign.task.noNotes")));
        }
        for (TaskNoteData n : list) {
            VerticalLayout item = new VerticalLayout();
            item.setPadding(false);
            item.setSpacing(false);
            item.addClassName("task-note");
            Span head = new Span(TIME.format(n.writtenAt()) + " · " + n.author());
            head.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            item.add(head, new Span(n.note()));
            if (n.evidenceUrl() != null) {
                Anchor link = new Anchor(n.evidenceUrl(), n.evidenceUrl());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                item.add(link);
            }
            if (n.evidenceSha256() != null) {
                Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        tasks.openEvidence(taskId, n.evidenceSha256()), n.evidenceName(), n.evidenceType(), -1)),
                        "📎 " + n.evidenceName());
                item.add(download);
            }
            into.add(item);
        }
    }

    /** One evidence file to a temporary file (a scanned PDF can be large), kept until the note is added. */
    private class EvidenceUpload extends Upload {
        private Path file;
        private String name;

        EvidenceUpload() {
            setId("task-evidence-upload");
            setMaxFiles(1);
            setMaxFileSize((int) CampaignTasks.MAX_EVIDENCE_BYTES);
            setAcceptedFileTypes(".pdf", ".jpg", ".jpeg", ".png", "application/pdf", "image/jpeg", "image/png");
            setUploadHandler(UploadHandler.toTempFile((metadata, temp) -> {
                discard();
                file = temp.toPath();
                name = metadata.fileName();
            }));
            addFileRemovedListener(e -> discard());
        }

        void discard() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    // a temp file left behind is removed with the temp directory
                }
                file = null;
                name = null;
                clearFileList();
            }
        }
    }

    private void run(Span error, Runnable action) {
        try {
            action.run();
            error.setText("");
            reload();
        } catch (InvalidInputException ex) {
            error.setText(getTranslation(ex.messageKey(), ex.args()));
        } catch (OutsideScopeException ex) {
            error.setText(getTranslation("campaign.error.outsideScope"));
        }
    }

    private Button save(Dialog dialog, Runnable action) {
        Span error = new Span();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        dialog.add(error);
        Button button = new Button(getTranslation("action.save"), e -> {
            try {
                action.run();
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            } catch (OutsideScopeException ex) {
                error.setText(getTranslation("campaign.error.outsideScope"));
            }
        });
        button.setId("tasks-dialog-save");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** Plans number their solution groups (i), (ii)…: shown the same way. */
    static String roman(int n) {
        String[] numerals = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                out.append(numerals[i]);
                n -= values[i];
            }
        }
        return out.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaign.tasks.title") + (campaign == null ? "" : " — " + campaign.title());
    }
}
