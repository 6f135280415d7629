package vn.dvctt.guide.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvctt.content.DownloadWindow;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.geo.UnitSearchHit;
import vn.dvctt.guide.GuideData;
import vn.dvctt.guide.GuideDetails;
import vn.dvctt.guide.GuideFileData;
import vn.dvctt.guide.GuideId;
import vn.dvctt.guide.GuideInput;
import vn.dvctt.guide.GuideLanguage;
import vn.dvctt.guide.GuideService;
import vn.dvctt.guide.GuideStatus;
import vn.dvctt.guide.PublicationData;
import vn.dvctt.guide.PublicationInput;
import vn.dvctt.guide.StatusChange;
import vn.dvctt.procedure.ProcedureData;
import vn.dvctt.procedure.ProcedureService;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.venue.VenueData;
import vn.dvctt.venue.VenueService;

/**
 * One guide: its fields, poster and video versions, pipeline buttons, history and publication rules.
 * Editors of the owning unit's area change it; everyone else sees a published guide read-only.
 */
@Route("guide")
@PermitAll
class GuideView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(GuideView.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int MAX_POSTER_BYTES = 15 * 1024 * 1024;

    private final GuideService guides;
    private final ProcedureService procedures;
    private final AdminUnitService units;
    private final VenueService venues;
    private final Span error = new Span();
    private GuideId id;
    private String title = "";

    GuideView(GuideService guides, ProcedureService procedures, AdminUnitService units, VenueService venues) {
        this.guides = guides;
        this.procedures = procedures;
        this.units = units;
        this.venues = venues;
        error.setId("guide-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        id = new GuideId(parameter);
        render();
    }

    private void render() {
        removeAll();
        GuideDetails details;
        try {
            details = guides.details(id);
        } catch (InvalidInputException | OutsideScopeException e) {
            add(new Span(getTranslation("guide.error.notFound", id.value())));
            return;
        }
        GuideData guide = details.guide();
        title = guide.title();
        boolean editable = guides.canEdit(guide);
        Button back = new Button(getTranslation("guide.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(GuidesView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 heading = new H2(guide.title());
        heading.setId("guide-heading");
        Span status = GuidesView.badge(getTranslation("guide.status." + guide.status().name()), guide.status());
        status.setId("guide-status");
        HorizontalLayout header = new HorizontalLayout(heading, status, new Span(guide.ownerName()));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(back, header, error);
        if (!editable) {
            add(new Span(getTranslation("guide.readOnly")));
        }
        add(fields(guide, editable));
        add(poster(guide, editable));
        add(video(details, editable));
        if (editable) {
            add(pipeline(guide), history(details.history()), publications(details.publications()));
        }
    }

    private Component fields(GuideData guide, boolean editable) {
        TextField titleField = new TextField(getTranslation("guide.title"));
        titleField.setId("guide-title");
        titleField.setValue(guide.title());
        TextArea description = new TextArea(getTranslation("guide.description"));
        description.setId("guide-description");
        description.setValue(guide.description());
        MultiSelectComboBox<String> codes = new MultiSelectComboBox<>(getTranslation("guide.procedures"));
        codes.setId("guide-procedures");
        List<ProcedureData> catalogue = procedures.search("", false, ProcedureService.MAX_HITS);
        Set<String> known = catalogue.stream().map(ProcedureData::code).collect(Collectors.toCollection(LinkedHashSet::new));
        known.addAll(guide.procedureCodes());
        codes.setItems(known);
        codes.setItemLabelGenerator(code -> catalogue.stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> p.code() + " — " + p.name()).orElse(code));
        codes.setValue(new LinkedHashSet<>(guide.procedureCodes()));
        Checkbox essential = new Checkbox(getTranslation("guide.essential"), guide.essential());
        essential.setId("guide-essential");
        Select<GuideLanguage> language = new Select<>();
        language.setId("guide-language");
        language.setLabel(getTranslation("guide.language"));
        language.setItems(GuideLanguage.values());
        language.setItemLabelGenerator(l -> getTranslation("guide.language." + l.code()));
        language.setValue(guide.language());
        IntegerField duration = new IntegerField(getTranslation("guide.duration"));
        duration.setId("guide-duration");
        duration.setValue(guide.durationSeconds());
        FormLayout form = new FormLayout(titleField, language, description, codes, duration, essential);
        form.setColspan(description, 2);
        form.setColspan(codes, 2);
        if (!editable) {
            form.getChildren().forEach(c -> c.getElement().setProperty("readonly", true));
            essential.setReadOnly(true);
            return form;
        }
        Button save = new Button(getTranslation("guide.save"), e -> act(() -> {
            GuideData saved = guides.update(id, new GuideInput(null, titleField.getValue(), description.getValue(),
                    List.copyOf(codes.getValue()), essential.getValue(), language.getValue(), duration.getValue()));
            Notification.show(getTranslation("guide.saved", saved.title()));
        }));
        save.setId("guide-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new VerticalLayout(form, save);
    }

    private Component poster(GuideData guide, boolean editable) {
        Div section = new Div(new H3(getTranslation("guide.poster")));
        if (guide.posterThumbnailSha256() == null) {
            section.add(new Span(getTranslation("guide.poster.none")));
        } else {
            Image image = new Image(posterHandler(guide.posterThumbnailSha256()), getTranslation("guide.poster.alt"));
            image.setId("guide-poster");
            image.setHeight("8rem");
            section.add(image);
        }
        if (editable) {
            Upload upload = new Upload();
            upload.setId("guide-poster-upload");
            upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> {
                try (InputStream in = Files.newInputStream(file.toPath())) {
                    guides.setPoster(id, in, metadata.fileName());
                    Notification.show(getTranslation("guide.poster.saved"));
                    render();
                } catch (InvalidInputException ex) {
                    error.setText(getTranslation(ex.messageKey(), ex.args()));
                } catch (IOException ex) {
                    log.warn("Poster {} for guide {} could not be read", metadata.fileName(), id, ex);
                    error.setText(getTranslation("guide.video.failed", metadata.fileName()));
                } finally {
                    Files.deleteIfExists(file.toPath());
                    upload.clearFileList();
                }
            }));
            upload.setMaxFiles(1);
            upload.setMaxFileSize(MAX_POSTER_BYTES);
            upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
            upload.setUploadButton(new Button(getTranslation("guide.poster.upload")));
            upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
            section.add(upload);
        }
        return section;
    }

    private DownloadHandler posterHandler(String sha256) {
        GuideId guide = id;
        return event -> {
            event.setFileName("poster-" + guide.value() + ".jpg");
            event.setContentType("image/jpeg");
            try (InputStream in = guides.openPoster(guide, sha256)) {
                in.transferTo(event.getOutputStream());
            }
        };
    }

    private Component video(GuideDetails details, boolean editable) {
        Div section = new Div(new H3(getTranslation("guide.video")));
        GuideFileData current = details.guide().currentFile();
        if (current == null) {
            section.add(new Span(getTranslation("guide.version.none")));
        } else {
            Element player = new Element("video");
            player.setAttribute("controls", true);
            player.setAttribute("preload", "metadata");
            player.setAttribute("src", videoHandler(current));
            player.getStyle().set("max-width", "min(100%, 40rem)");
            player.setAttribute("id", "guide-player");
            Div holder = new Div();
            holder.getElement().appendChild(player);
            section.add(holder);
        }
        if (editable) {
            section.add(videoUpload());
        }
        Grid<GuideFileData> versions = new Grid<>();
        versions.setId("guide-versions");
        versions.addColumn(f -> "v" + f.version()).setHeader(getTranslation("guide.version")).setAutoWidth(true);
        versions.addColumn(f -> getTranslation("guide.file." + f.status().name()))
                .setHeader(getTranslation("guide.status")).setAutoWidth(true);
        versions.addColumn(f -> f.sizeBytes() == null ? "" : megabytes(f.sizeBytes()) + " MB")
                .setHeader(getTranslation("guide.video.size")).setAutoWidth(true);
        versions.addColumn(f -> f.chunkHashes().isEmpty() ? "" : String.valueOf(f.chunkHashes().size()))
                .setHeader(getTranslation("guide.video.chunks")).setAutoWidth(true);
        versions.addColumn(f -> f.contentId() == null ? "" : f.contentId().substring(0, 16) + "…")
                .setHeader(getTranslation("guide.video.contentId")).setAutoWidth(true);
        versions.addColumn(GuideFileData::uploadedBy).setHeader(getTranslation("guide.video.uploadedBy"))
                .setAutoWidth(true);
        versions.addColumn(f -> f.completedAt() == null ? TIME.format(f.startedAt()) : TIME.format(f.completedAt()))
                .setHeader(getTranslation("guide.video.completedAt")).setAutoWidth(true);
        versions.addColumn(f -> Objects.toString(f.failure(), "")).setHeader(getTranslation("guide.video.failure"))
                .setFlexGrow(1);
        versions.setItems(details.files());
        versions.setAllRowsVisible(true);
        section.add(new H3(getTranslation("guide.video.versions")), versions);
        return section;
    }

    /**
     * Streams the request body straight into the guide service, which hashes it into the content store:
     * no temporary copy in memory (nor a second one on disk). The browser's upload element shows the
     * progress; the page is updated through {@link UI#access} since the request does not hold the UI.
     */
    private Upload videoUpload() {
        Upload upload = new Upload();
        upload.setId("guide-video-upload");
        GuideId guide = id;
        upload.setUploadHandler(event -> {
            UI ui = event.getUI();
            try (InputStream in = event.getInputStream()) {
                GuideFileData saved = guides.uploadVideo(guide, in, event.getFileName());
                ui.access(() -> {
                    Notification.show(getTranslation("guide.video.saved", saved.version(),
                            megabytes(saved.sizeBytes())));
                    error.setText("");
                    upload.clearFileList();
                    render();
                });
            } catch (InvalidInputException ex) {
                ui.access(() -> {
                    error.setText(getTranslation(ex.messageKey(), ex.args()));
                    upload.clearFileList();
                    render();
                });
            } catch (IOException ex) {
                log.warn("Video {} for guide {} was cut off", event.getFileName(), guide, ex);
                ui.access(() -> {
                    error.setText(getTranslation("guide.video.failed", event.getFileName()));
                    render();
                });
            }
        });
        upload.setMaxFiles(1);
        // the element takes a Number, so past the int that setMaxFileSize accepts
        upload.getElement().setProperty("maxFileSize", (double) guides.maxVideoBytes());
        upload.setAcceptedFileTypes("video/mp4", "video/webm", "video/x-matroska", ".mp4", ".m4v", ".webm", ".mkv");
        upload.setUploadButton(new Button(getTranslation("guide.video.upload")));
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
        return upload;
    }

    private DownloadHandler videoHandler(GuideFileData file) {
        GuideId guide = id;
        int version = file.version();
        String type = file.mediaType();
        long size = file.sizeBytes();
        return DownloadHandler.fromInputStream(event -> new DownloadResponse(guides.openVideo(guide, version),
                "guide-" + guide.value() + "-v" + version + (type.contains("webm") ? ".webm" : ".mp4"), type, size))
                .inline();
    }

    private Component pipeline(GuideData guide) {
        TextField note = new TextField(getTranslation("guide.move.note"));
        note.setId("guide-move-note");
        note.setWidth("min(100%, 24rem)");
        HorizontalLayout buttons = new HorizontalLayout(note);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.setWrap(true);
        for (GuideStatus target : GuideStatus.values()) {
            if (!guide.status().canMoveTo(target)) {
                continue;
            }
            Button move = new Button(getTranslation("guide.move." + target.name()), e -> act(() -> {
                guides.move(id, target, note.getValue());
                Notification.show(getTranslation("guide.moved", getTranslation("guide.status." + target.name())));
            }));
            move.setId("guide-move-" + target.name());
            if (target == GuideStatus.PUBLISHED) {
                move.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            }
            buttons.add(move);
        }
        return new Div(new H3(getTranslation("guide.pipeline")), buttons);
    }

    private Component history(List<StatusChange> changes) {
        Grid<StatusChange> grid = new Grid<>();
        grid.setId("guide-history");
        grid.addColumn(c -> c.from() == null ? "" : getTranslation("guide.status." + c.from().name()))
                .setHeader(getTranslation("guide.history.from")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("guide.status." + c.to().name()))
                .setHeader(getTranslation("guide.history.to")).setAutoWidth(true);
        grid.addColumn(StatusChange::changedBy).setHeader(getTranslation("guide.history.by")).setAutoWidth(true);
        grid.addColumn(c -> TIME.format(c.changedAt())).setHeader(getTranslation("guide.history.at"))
                .setAutoWidth(true);
        grid.addColumn(StatusChange::note).setHeader(getTranslation("guide.history.note")).setFlexGrow(1);
        grid.setItems(changes);
        grid.setAllRowsVisible(true);
        return new Div(new H3(getTranslation("guide.history")), grid);
    }

    private Component publications(List<PublicationData> rules) {
        Grid<PublicationData> grid = new Grid<>();
        grid.setId("guide-publications");
        grid.addColumn(PublicationData::targetName).setHeader(getTranslation("guide.publication.target"))
                .setFlexGrow(2);
        grid.addColumn(PublicationData::priority).setHeader(getTranslation("guide.publication.priority"))
                .setAutoWidth(true);
        grid.addColumn(p -> window(p.window())).setHeader(getTranslation("guide.publication.window"))
                .setAutoWidth(true);
        grid.addColumn(p -> gigabytes(p.quotaBytes())).setHeader(getTranslation("guide.publication.quota"))
                .setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button remove = new Button(getTranslation("guide.publication.remove"),
                    e -> act(() -> guides.removePublication(p.id())));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true);
        grid.setItems(rules);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("guide.publications.none"));

        ComboBox<UnitSearchHit> unit = new ComboBox<>(getTranslation("guide.publication.unit"));
        unit.setId("guide-publication-unit");
        unit.setItems(query -> units.search(query.getFilter().orElse(""), AdminUnitService.MAX_SEARCH_HITS).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        unit.setItemLabelGenerator(h -> h.unit().displayName()
                + (h.ancestors().isEmpty() ? "" : " — " + h.ancestors().get(h.ancestors().size() - 1)));
        ComboBox<VenueData> venue = new ComboBox<>(getTranslation("guide.publication.venue"));
        venue.setId("guide-publication-venue");
        venue.setItems(query -> venues.search(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        venue.setItemLabelGenerator(v -> v.name() + " — " + v.unitName());
        IntegerField priority = new IntegerField(getTranslation("guide.publication.priority"));
        priority.setId("guide-publication-priority");
        priority.setValue(0);
        priority.setMin(0);
        TimePicker start = new TimePicker(getTranslation("guide.publication.windowStart"), LocalTime.of(22, 0));
        start.setId("guide-publication-start");
        start.setStep(Duration.ofMinutes(30));
        TimePicker end = new TimePicker(getTranslation("guide.publication.windowEnd"), LocalTime.of(5, 0));
        end.setId("guide-publication-end");
        end.setStep(Duration.ofMinutes(30));
        NumberField quota = new NumberField(getTranslation("guide.publication.quota"));
        quota.setId("guide-publication-quota");
        quota.setValue(8.0);
        Button add = new Button(getTranslation("guide.publication.add"), VaadinIcon.PLUS.create(), e -> act(() -> {
            DownloadWindow window = start.isEmpty() || end.isEmpty() ? null
                    : new DownloadWindow(start.getValue().withSecond(0).withNano(0),
                    end.getValue().withSecond(0).withNano(0));
            long bytes = quota.getValue() == null ? 0 : Math.round(quota.getValue() * 1024 * 1024 * 1024);
            PublicationData added = guides.addPublication(id, new PublicationInput(
                    unit.isEmpty() ? null : unit.getValue().unit().id(), venue.isEmpty() ? null : venue.getValue().id(),
                    priority.getValue() == null ? 0 : priority.getValue(), window, bytes));
            Notification.show(getTranslation("guide.publication.added", added.targetName()));
        }));
        add.setId("guide-publication-add");
        FormLayout form = new FormLayout(unit, venue, priority, start, end, quota);
        return new Div(new H3(getTranslation("guide.publications")), grid, form, add);
    }

    /** Runs an action, then shows the page anew; a refusal is told in the user's language. */
    private void act(Runnable action) {
        try {
            action.run();
            error.setText("");
            render();
        } catch (InvalidInputException ex) {
            error.setText(translateError(ex));
        } catch (OutsideScopeException ex) {
            error.setText(getTranslation("guide.error.outsideScope"));
        }
    }

    private String translateError(InvalidInputException ex) {
        if (ex.messageKey().equals("guide.error.transition")) {
            Object[] args = ex.args();
            return getTranslation(ex.messageKey(), getTranslation("guide.status." + args[0]),
                    getTranslation("guide.status." + args[1]));
        }
        return getTranslation(ex.messageKey(), ex.args());
    }

    static String window(DownloadWindow w) {
        return w.start() + "–" + w.end();
    }

    static String duration(Integer seconds) {
        return seconds == null ? "" : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    static String megabytes(Long bytes) {
        return bytes == null ? "" : String.format("%.1f", bytes / (1024.0 * 1024.0));
    }

    static String gigabytes(long bytes) {
        return String.format("%.1f GB", bytes / (1024.0 * 1024.0 * 1024.0));
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("guide.nav") : title;
    }
}
