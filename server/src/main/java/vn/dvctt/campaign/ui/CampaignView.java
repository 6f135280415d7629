package vn.dvctt.campaign.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.dvctt.campaign.ApprovalData;
import vn.dvctt.campaign.CampaignApprovals;
import vn.dvctt.campaign.CampaignData;
import vn.dvctt.campaign.CampaignId;
import vn.dvctt.campaign.CampaignIndicatorData;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.CampaignSnapshots;
import vn.dvctt.campaign.CampaignStatus;
import vn.dvctt.campaign.IndicatorData;
import vn.dvctt.campaign.IndicatorKind;
import vn.dvctt.campaign.CampaignReport;
import vn.dvctt.campaign.CampaignTasks;
import vn.dvctt.campaign.Lag;
import vn.dvctt.campaign.TaskData;
import vn.dvctt.campaign.Progress;
import vn.dvctt.campaign.TrafficLight;
import vn.dvctt.campaign.TrendPoint;
import vn.dvctt.campaign.UnitProgress;
import vn.dvctt.campaign.ValueEntry;
import vn.dvctt.campaign.ValueImportReport;
import vn.dvctt.campaign.ValueSource;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitData;
import vn.dvctt.geo.UnitLevel;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.ui.SpreadsheetUpload;
import vn.dvctt.shared.ui.TrendChart;

/**
 * One campaign: its indicators with the user's area's progress against target as of a date, the
 * ranking of the units below, and for organizers the plan (indicators, targets, milestones), value
 * entry and import.
 */
@Route("campaigns/:id")
@PermitAll
class CampaignView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    private final CampaignSnapshots snapshots;
    private final CampaignApprovals approvals;
    private final AdminUnitService units;
    private final Grid<TrendPoint> trend = new Grid<>();
    private final H3 trendTitle = new H3();
    private final TrendChart chart = new TrendChart();
    private final CampaignTasks tasks;
    private final CampaignReport report;
    private CampaignData campaign;
    private UnitData myUnit;
    /** The unit whose figures are shown: the user's own, or one below it he drilled down to. */
    private UnitData focus;
    private final Grid<Lag> lagging = new Grid<>();
    private final H3 laggingTitle = new H3();
    private final ComboBox<UnitLevel> laggingLevel = new ComboBox<>();
    private final DatePicker asOf = new DatePicker();
    private final Grid<Row> indicators = new Grid<>();
    private final Grid<UnitProgress> ranking = new Grid<>();
    private final H3 rankingTitle = new H3();

    /** An indicator with the user's unit's progress. */
    record Row(CampaignIndicatorData indicator, Progress progress) {
    }

    CampaignView(CampaignService campaigns, CampaignSnapshots snapshots, CampaignApprovals approvals,
                 AdminUnitService units, CampaignTasks tasks, CampaignReport report) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.report = report;
        this.approvals = approvals;
        this.snapshots = snapshots;
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
        myUnit = units.myUnit();
        focus = myUnit;
        Optional<String> code = event.getLocation().getQueryParameters().getSingleParameter("unit");
        if (code.isPresent()) {
            try {
                focus = units.get(code.get());
            } catch (RuntimeException outsideOrUnknown) {
                focus = myUnit; // a link from someone else's area shows one's own figures
            }
        }
        build();
    }

    private void build() {
        removeAll();
        H2 title = new H2(campaign.title());
        title.setId("campaign-heading");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Text(getTranslation("campaign.kind." + campaign.kind().name())),
                getTranslation("campaign.kind"));
        facts.addFormItem(new Text(Optional.ofNullable(campaign.legalBasis()).orElse("—")),
                getTranslation("campaign.legalBasis"));
        facts.addFormItem(new Text(CampaignsView.DATE.format(campaign.startsOn()) + " – "
                + CampaignsView.DATE.format(campaign.endsOn())), getTranslation("campaign.dates"));
        Span status = new Span(getTranslation("campaign.status." + campaign.status().name()));
        status.setId("campaign-status");
        facts.addFormItem(status, getTranslation("campaign.status"));
        facts.addFormItem(new Text(campaign.milestones().isEmpty() ? "—" : String.join(", ", campaign.milestones()
                .stream().map(m -> m.name() + " " + CampaignsView.DATE.format(m.dueOn())).toList())),
                getTranslation("campaign.milestones"));
        add(title, facts, actions(), breadcrumb());

        LocalDate today = LocalDate.now();
        asOf.setLabel(getTranslation("campaign.asOf"));
        asOf.setId("campaign-as-of");
        asOf.setValue(today.isAfter(campaign.endsOn()) ? campaign.endsOn()
                : today.isBefore(campaign.startsOn()) ? campaign.startsOn() : today);
        asOf.addValueChangeListener(e -> refresh());

        indicators.removeAllColumns();
        indicators.setId("campaign-indicators");
        indicators.addColumn(r -> r.indicator().indicator().code()).setHeader(getTranslation("campaign.indicator.code"))
                .setAutoWidth(true);
        indicators.addColumn(r -> r.indicator().indicator().name()).setHeader(getTranslation("campaign.indicator"))
                .setFlexGrow(3);
        indicators.addColumn(r -> format(r.indicator().indicator(), r.progress().value()))
                .setHeader(getTranslation("campaign.value", focus.displayName())).setAutoWidth(true);
        indicators.addColumn(r -> format(r.indicator().indicator(), r.progress().target()))
                .setHeader(getTranslation("campaign.target")).setAutoWidth(true);
        indicators.addComponentColumn(r -> light(r.progress().light())).setHeader(getTranslation("campaign.light"))
                .setAutoWidth(true);
        indicators.addColumn(r -> r.progress().reportingUnits()).setHeader(getTranslation("campaign.reporting"))
                .setAutoWidth(true);
        indicators.setAllRowsVisible(true);
        indicators.setEmptyStateText(getTranslation("campaign.noIndicators"));
        indicators.addSelectionListener(e -> showRanking());

        ranking.removeAllColumns();
        ranking.setId("campaign-ranking");
        ranking.addColumn(u -> u.unit().displayName()).setHeader(getTranslation("campaign.unit")).setFlexGrow(2);
        ranking.addColumn(u -> format(selected().map(r -> r.indicator().indicator()).orElse(null), u.progress().value()))
                .setHeader(getTranslation("campaign.value.short")).setAutoWidth(true);
        ranking.addColumn(u -> format(selected().map(r -> r.indicator().indicator()).orElse(null), u.progress().target()))
                .setHeader(getTranslation("campaign.target")).setAutoWidth(true);
        ranking.addComponentColumn(u -> light(u.progress().light())).setHeader(getTranslation("campaign.light"))
                .setAutoWidth(true);
        ranking.setAllRowsVisible(true);
        // drill down: a unit's row opens the same dashboard for that unit
        ranking.addItemClickListener(e -> drillTo(e.getItem().unit().code()));
        ranking.getStyle().set("cursor", "pointer");
        ranking.setVisible(false);
        rankingTitle.setVisible(false);
        trend.removeAllColumns();
        trend.setId("campaign-trend");
        trend.addColumn(p -> CampaignsView.DATE.format(p.asOf())).setHeader(getTranslation("campaign.snapshot.asOf"))
                .setAutoWidth(true);
        trend.addColumn(p -> switch (p.reason()) {
            case MILESTONE -> p.label();
            case CADENCE -> getTranslation("campaign.snapshot.CADENCE");
            case MANUAL -> getTranslation("campaign.snapshot.MANUAL");
        }).setHeader(getTranslation("campaign.snapshot.label")).setFlexGrow(1);
        trend.addColumn(p -> format(selected().map(r -> r.indicator().indicator()).orElse(null), p.value()))
                .setHeader(getTranslation("campaign.value.short")).setAutoWidth(true);
        trend.addColumn(p -> format(selected().map(r -> r.indicator().indicator()).orElse(null), p.target()))
                .setHeader(getTranslation("campaign.target")).setAutoWidth(true);
        trend.addComponentColumn(p -> light(p.light())).setHeader(getTranslation("campaign.light")).setAutoWidth(true);
        trend.setAllRowsVisible(true);
        trend.setVisible(false);
        trendTitle.setVisible(false);
        chart.setId("campaign-trend-chart");
        chart.setVisible(false);
        lagging.removeAllColumns();
        lagging.setId("campaign-lagging");
        lagging.addColumn(l -> l.unit().displayName()).setHeader(getTranslation("campaign.unit")).setFlexGrow(2);
        lagging.addColumn(l -> l.unreported() ? getTranslation("campaign.lag.unreported")
                        : format(selected().map(r -> r.indicator().indicator()).orElse(null), l.progress().value()))
                .setHeader(getTranslation("campaign.value.short")).setAutoWidth(true);
        lagging.addColumn(l -> format(selected().map(r -> r.indicator().indicator()).orElse(null), l.progress().target()))
                .setHeader(getTranslation("campaign.target")).setAutoWidth(true);
        lagging.addColumn(l -> l.unreported() ? "—"
                        : format(selected().map(r -> r.indicator().indicator()).orElse(null), l.gap()))
                .setHeader(getTranslation("campaign.lag.gap")).setAutoWidth(true);
        lagging.addItemClickListener(e -> drillTo(e.getItem().unit().code()));
        lagging.setHeight("22rem");
        laggingLevel.setId("campaign-lagging-level");
        laggingLevel.setLabel(getTranslation("campaign.level"));
        laggingLevel.setItemLabelGenerator(l -> getTranslation("level." + l.name()));
        List<UnitLevel> below = levelsBelow(focus.level());
        laggingLevel.setItems(below);
        // communes are where campaigns are won or lost: the default wherever they lie below
        laggingLevel.setValue(below.contains(UnitLevel.COMMUNE) ? UnitLevel.COMMUNE : below.isEmpty() ? null : below.get(0));
        laggingLevel.addValueChangeListener(e -> showRanking());
        add(asOf, indicators, trendTitle, chart, trend, rankingTitle, ranking, laggingTitle, laggingLevel, lagging);
        if (campaigns.canEnterValues()) {
            List<ApprovalData> waiting = approvals.waiting(campaign.id());
            if (!waiting.isEmpty()) {
                Grid<ApprovalData> grid = new Grid<>();
                grid.setId("campaign-approvals");
                grid.addColumn(a -> a.unit().displayName()).setHeader(getTranslation("campaign.unit")).setFlexGrow(2);
                grid.addColumn(a -> CampaignsView.DATE.format(a.period())).setHeader(getTranslation("campaign.period"))
                        .setAutoWidth(true);
                grid.addColumn(ApprovalData::submittedBy).setHeader(getTranslation("campaign.approval.submittedBy"))
                        .setAutoWidth(true);
                grid.addComponentColumn(a -> new HorizontalLayout(
                        new Button(getTranslation("campaign.approval.approve"), e -> {
                            approvals.approve(campaign.id(), a.unit().id(), a.period());
                            build();
                        }),
                        new Button(getTranslation("campaign.approval.return"), e -> returnDialog(a))))
                        .setKey("actions").setAutoWidth(true);
                grid.setItems(waiting);
                grid.setAllRowsVisible(true);
                add(new H3(getTranslation("campaign.approval.waiting")), grid);
            }
        }
        refresh();
    }

    private Component actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        if (campaigns.canPlan(campaign.id())) {
            if (campaign.status() == CampaignStatus.DRAFT) {
                bar.add(button("campaign.activate", "campaign-activate", VaadinIcon.PLAY,
                        () -> setStatus(CampaignStatus.ACTIVE)));
            } else if (campaign.status() == CampaignStatus.ACTIVE) {
                bar.add(button("campaign.close", "campaign-close", VaadinIcon.STOP, () -> setStatus(CampaignStatus.CLOSED)));
            }
            bar.add(button("campaign.addIndicator", "campaign-add-indicator", VaadinIcon.PLUS, this::addIndicatorDialog),
                    button("campaign.setTarget", "campaign-set-target", VaadinIcon.BULLSEYE, this::targetDialog),
                    button("campaign.addMilestone", "campaign-add-milestone", VaadinIcon.CALENDAR, this::milestoneDialog));
        }
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            snapshots.exportXlsx(campaign.id(), buffer);
            return new DownloadResponse(new java.io.ByteArrayInputStream(buffer.toByteArray()),
                    "chien-dich-" + campaign.id().value() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer.size());
        }), "");
        export.setId("campaign-export");
        export.add(new Button(getTranslation("campaign.export"), VaadinIcon.DOWNLOAD.create()));
        bar.add(export);
        UnitData reportUnit = focus;
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            report.writePdf(campaign.id(), reportUnit.id(), asOf.getValue() == null ? LocalDate.now() : asOf.getValue(),
                    buffer);
            return new DownloadResponse(new java.io.ByteArrayInputStream(buffer.toByteArray()),
                    "bao-cao-" + campaign.id().value() + "-" + reportUnit.code() + ".pdf", "application/pdf",
                    buffer.size());
        }), "");
        pdf.setId("campaign-export-pdf");
        pdf.add(new Button(getTranslation("campaign.export.pdf"), VaadinIcon.FILE_TEXT_O.create()));
        bar.add(pdf);
        List<TaskData> all = tasks.tasks(campaign.id(), LocalDate.now());
        long late = all.stream().filter(TaskData::overdue).count();
        RouterLink taskLink = new RouterLink(getTranslation("campaign.tasks.link", all.size(), late),
                CampaignTasksView.class, new RouteParameters("id", String.valueOf(campaign.id().value())));
        taskLink.setId("campaign-tasks-link");
        if (late > 0) {
            taskLink.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        bar.add(taskLink);
        if (snapshots.canTakeNow(campaign.id()) && campaign.status() != CampaignStatus.DRAFT) {
            bar.add(button("campaign.snapshot.take", "campaign-snapshot", VaadinIcon.CAMERA, () -> {
                snapshots.takeNow(campaign.id(), asOf.getValue());
                build();
            }));
        }
        if (campaigns.canEnterValues() && campaign.status() == CampaignStatus.ACTIVE) {
            bar.add(button("campaign.approval.submit", "campaign-submit", VaadinIcon.CHECK, () -> {
                try {
                    approvals.submit(campaign.id(), myUnit.id(), asOf.getValue());
                    com.vaadin.flow.component.notification.Notification.show(
                            getTranslation("campaign.approval.state.SUBMITTED"));
                } catch (InvalidInputException ex) {
                    com.vaadin.flow.component.notification.Notification.show(getTranslation(ex.messageKey(), ex.args()));
                }
            }));
            bar.add(button("campaign.enterValue", "campaign-enter-value", VaadinIcon.EDIT, this::valueDialog),
                    button("campaign.importValues", "campaign-import-values", VaadinIcon.UPLOAD, this::importDialog));
        }
        return bar;
    }

    private Button button(String key, String id, VaadinIcon icon, Runnable action) {
        Button button = new Button(getTranslation(key), icon.create(), e -> action.run());
        button.setId(id);
        return button;
    }

    private void refresh() {
        LocalDate date = asOf.getValue() == null ? campaign.endsOn() : asOf.getValue();
        List<Row> rows = new ArrayList<>();
        for (CampaignIndicatorData ci : campaign.indicators()) {
            rows.add(new Row(ci, campaigns.progress(ci.id(), focus.id(), date)));
        }
        Optional<Long> selectedId = selected().map(r -> r.indicator().id());
        indicators.setItems(rows);
        selectedId.flatMap(id -> rows.stream().filter(r -> r.indicator().id() == id).findFirst())
                .ifPresent(indicators::select);
        showRanking();
    }

    private Optional<Row> selected() {
        return indicators.getSelectedItems().stream().findFirst();
    }

    private void showRanking() {
        Optional<Row> row = selected();
        trend.setVisible(row.isPresent());
        trendTitle.setVisible(row.isPresent());
        chart.setVisible(row.isPresent());
        row.ifPresent(r -> {
            trendTitle.setText(getTranslation("campaign.trend", r.indicator().indicator().name(), focus.displayName()));
            List<TrendPoint> points = snapshots.trend(r.indicator().id(), focus.id());
            trend.setItems(points);
            chart.setPoints(getTranslation("campaign.value.short"), getTranslation("campaign.target"), points.stream()
                    .map(p -> new TrendChart.Point(CampaignsView.DATE.format(p.asOf()), p.value(), p.target())).toList());
        });
        boolean show = row.isPresent() && focus.hasChildren();
        ranking.setVisible(show);
        rankingTitle.setVisible(show);
        if (show) {
            rankingTitle.setText(getTranslation("campaign.ranking", row.get().indicator().indicator().name()));
            ranking.setItems(campaigns.ranking(row.get().indicator().id(), focus.id(), asOf.getValue()));
        }
        boolean lags = show && laggingLevel.getValue() != null;
        lagging.setVisible(lags);
        laggingTitle.setVisible(lags);
        laggingLevel.setVisible(lags);
        if (lags) {
            List<Lag> found = campaigns.lagging(row.get().indicator().id(), focus.id(), laggingLevel.getValue(),
                    asOf.getValue());
            laggingTitle.setText(getTranslation("campaign.lag.title", row.get().indicator().indicator().name(),
                    found.size()));
            lagging.setItems(found);
        }
    }

    /** Own unit › … › the unit shown; each step links back up. */
    private Component breadcrumb() {
        HorizontalLayout trail = new HorizontalLayout();
        trail.setId("campaign-breadcrumb");
        trail.setSpacing(false);
        trail.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        List<UnitData> lineage = units.lineage(focus);
        for (int i = 0; i < lineage.size(); i++) {
            UnitData step = lineage.get(i);
            if (i > 0) {
                trail.add(new Span("›"));
            }
            if (i == lineage.size() - 1) {
                Span here = new Span(step.displayName());
                here.getStyle().set("font-weight", "600");
                trail.add(here);
            } else {
                RouterLink up = new RouterLink(step.displayName(), CampaignView.class,
                        new RouteParameters("id", String.valueOf(campaign.id().value())));
                if (!step.code().equals(myUnit.code())) {
                    up.setQueryParameters(QueryParameters.of("unit", step.code()));
                }
                trail.add(up);
            }
        }
        return trail;
    }

    private void drillTo(String unitCode) {
        getUI().ifPresent(ui -> ui.navigate(CampaignView.class,
                new RouteParameters("id", String.valueOf(campaign.id().value())),
                unitCode.equals(myUnit.code()) ? QueryParameters.empty() : QueryParameters.of("unit", unitCode)));
    }

    private static List<UnitLevel> levelsBelow(UnitLevel level) {
        return java.util.Arrays.stream(UnitLevel.values()).filter(l -> l.ordinal() > level.ordinal()).toList();
    }

    private void setStatus(CampaignStatus status) {
        campaign = campaigns.setStatus(campaign.id(), status);
        build();
    }

    private Span light(TrafficLight light) {
        Span badge = new Span(getTranslation("campaign.light." + light.name()));
        badge.getElement().getThemeList().add(switch (light) {
            case MET -> "badge success";
            case CLOSE -> "badge";
            case BEHIND -> "badge error";
            case NO_TARGET -> "badge contrast";
        });
        return badge;
    }

    private String format(IndicatorData indicator, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        String number = String.format(getLocale(), "%,.2f", value).replaceAll("[.,]00$", "");
        return indicator != null && indicator.kind() != IndicatorKind.COUNT ? number + " %" : number;
    }

    private void addIndicatorDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.addIndicator"));
        ComboBox<IndicatorData> choice = new ComboBox<>(getTranslation("campaign.indicator"));
        choice.setId("campaign-indicator-choice");
        choice.setItems(campaigns.library());
        choice.setItemLabelGenerator(i -> i.code() + " — " + i.name());
        choice.setWidth("min(90vw, 36rem)");
        dialog.add(choice);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                saveButton(dialog, () -> {
                    if (choice.getValue() != null) {
                        campaigns.addIndicator(campaign.id(), choice.getValue().code());
                    }
                }));
        dialog.open();
    }

    private void targetDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.setTarget"));
        ComboBox<CampaignIndicatorData> indicator = indicatorChoice(false);
        ComboBox<UnitLevel> level = new ComboBox<>(getTranslation("campaign.level"),
                UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE, UnitLevel.VILLAGE);
        level.setId("campaign-target-level");
        level.setItemLabelGenerator(l -> getTranslation("level." + l.name()));
        DatePicker due = new DatePicker(getTranslation("campaign.dueOn"), campaign.endsOn());
        BigDecimalField target = new BigDecimalField(getTranslation("campaign.target"));
        target.setId("campaign-target-value");
        dialog.add(new FormLayout(indicator, level, due, target));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                saveButton(dialog, () -> campaigns.setLevelTarget(indicator.getValue() == null ? -1
                        : indicator.getValue().id(), level.getValue(), due.getValue(), target.getValue())));
        dialog.open();
    }

    private void milestoneDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.addMilestone"));
        TextField name = new TextField(getTranslation("campaign.milestone"));
        name.setPlaceholder(getTranslation("campaign.milestone.example"));
        DatePicker due = new DatePicker(getTranslation("campaign.dueOn"));
        dialog.add(new FormLayout(name, due));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                saveButton(dialog, () -> campaigns.addMilestone(campaign.id(), name.getValue(), due.getValue())));
        dialog.open();
    }

    private void valueDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.enterValue"));
        ComboBox<CampaignIndicatorData> indicator = indicatorChoice(true);
        ComboBox<UnitData> unit = new ComboBox<>(getTranslation("campaign.unit"));
        unit.setId("campaign-value-unit");
        List<UnitData> choices = new ArrayList<>();
        choices.add(focus);
        choices.addAll(units.children(focus.id()));
        unit.setItems(choices);
        unit.setItemLabelGenerator(UnitData::displayName);
        unit.setValue(focus);
        DatePicker period = new DatePicker(getTranslation("campaign.period"), asOf.getValue());
        period.setId("campaign-value-period");
        BigDecimalField numerator = new BigDecimalField(getTranslation("campaign.numerator"));
        numerator.setId("campaign-value-numerator");
        BigDecimalField denominator = new BigDecimalField(getTranslation("campaign.denominator"));
        denominator.setId("campaign-value-denominator");
        BigDecimalField amount = new BigDecimalField(getTranslation("campaign.amount"));
        amount.setId("campaign-value-amount");
        TextField comment = new TextField(getTranslation("campaign.comment"));
        indicator.addValueChangeListener(e -> {
            boolean ratio = e.getValue() != null && e.getValue().indicator().kind() == IndicatorKind.RATIO;
            numerator.setVisible(ratio);
            denominator.setVisible(ratio);
            amount.setVisible(!ratio);
        });
        dialog.add(new FormLayout(indicator, unit, period, numerator, denominator, amount, comment));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                saveButton(dialog, () -> campaigns.enterValue(new ValueEntry(indicator.getValue() == null ? -1
                        : indicator.getValue().id(), unit.getValue() == null ? myUnit.id() : unit.getValue().id(),
                        period.getValue(), numerator.getValue(), denominator.getValue(), amount.getValue(),
                        comment.getValue()))));
        dialog.open();
    }

    private void importDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.importValues"));
        dialog.setWidth("min(95vw, 48rem)");
        Paragraph summary = new Paragraph(getTranslation("campaign.import.help"));
        summary.setId("campaign-import-summary");
        Grid<ValueImportReport.Problem> problems = new Grid<>();
        problems.setId("campaign-import-problems");
        problems.addColumn(ValueImportReport.Problem::line).setHeader(getTranslation("import.line")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.args().toArray()))
                .setHeader(getTranslation("import.reason")).setFlexGrow(1);
        problems.setVisible(false);
        problems.setHeight("16rem");
        SpreadsheetUpload upload = new SpreadsheetUpload((in, fileName) -> {
            ValueImportReport report = campaigns.importValues(campaign.id(), in, fileName);
            if (report.applied()) {
                summary.setText(getTranslation("campaign.import.applied", report.lines(), report.entered(),
                        report.corrected()));
                problems.setVisible(false);
                refresh();
            } else {
                summary.setText(getTranslation("campaign.import.refused", report.problems().size()));
                problems.setItems(report.problems());
                problems.setVisible(true);
            }
        });
        upload.setId("campaign-import-upload");
        upload.addFileRejectedListener(e -> summary.setText(e.getErrorMessage()));
        dialog.add(upload, summary, problems);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void returnDialog(ApprovalData approval) {
        Dialog dialog = new Dialog(getTranslation("campaign.approval.return"));
        TextField reason = new TextField(getTranslation("campaign.approval.reason"));
        reason.setWidthFull();
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()),
                saveButton(dialog, () -> approvals.reopen(campaign.id(), approval.unit().id(), approval.period(),
                        reason.getValue())));
        dialog.open();
    }

    private ComboBox<CampaignIndicatorData> indicatorChoice(boolean enteredOnly) {
        ComboBox<CampaignIndicatorData> choice = new ComboBox<>(getTranslation("campaign.indicator"));
        choice.setId("campaign-indicator-pick");
        choice.setItems(campaign.indicators().stream()
                .filter(ci -> !enteredOnly || ci.indicator().source() != ValueSource.COMPUTED).toList());
        choice.setItemLabelGenerator(ci -> ci.indicator().code() + " — " + ci.indicator().name());
        choice.setWidthFull();
        return choice;
    }

    /** Saves, then reloads the campaign; a refusal is shown in the dialog in the user's language. */
    private Button saveButton(Dialog dialog, Runnable save) {
        Span error = new Span();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.addClassName("campaign-error");
        dialog.add(error);
        Button button = new Button(getTranslation("action.save"), e -> {
            try {
                save.run();
                dialog.close();
                campaign = campaigns.find(campaign.id()).orElseThrow();
                build();
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            } catch (OutsideScopeException ex) {
                error.setText(getTranslation("campaign.error.outsideScope"));
            }
        });
        button.setId("campaign-dialog-save");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("nav.campaigns") : campaign.title();
    }
}
