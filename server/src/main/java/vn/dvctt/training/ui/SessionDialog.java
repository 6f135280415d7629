package vn.dvctt.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvctt.geo.UnitData;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.team.TeamService;
import vn.dvctt.training.AssistedSubmission;
import vn.dvctt.training.RecordedResults;
import vn.dvctt.training.ResultDifference;
import vn.dvctt.training.SessionData;
import vn.dvctt.training.SessionDetails;
import vn.dvctt.training.SessionPhoto;
import vn.dvctt.training.SessionResults;
import vn.dvctt.training.SessionStatus;
import vn.dvctt.training.TrainingService;
import vn.dvctt.venue.VenueService;

/** One session: what was planned, its lifecycle actions, results from both sources, photos. */
class SessionDialog extends Dialog {

    static final int MAX_PHOTO_BYTES = 20 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SessionDialog.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final TrainingService training;
    private final VenueService venues;
    private final TeamService teams;
    private final UnitData area;
    private final long sessionId;
    private final Runnable onChange;
    private final java.util.List<SessionSection> sections;
    private final VerticalLayout body = new VerticalLayout();
    private final Span error = new Span();

    SessionDialog(TrainingService training, VenueService venues, TeamService teams, UnitData area, long sessionId,
                  Runnable onChange, java.util.List<SessionSection> sections) {
        this.sections = sections;
        this.training = training;
        this.venues = venues;
        this.teams = teams;
        this.area = area;
        this.sessionId = sessionId;
        this.onChange = onChange;
        setWidth("min(96vw, 52rem)");
        body.setPadding(false);
        error.setId("session-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(body);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        render();
    }

    private void render() {
        SessionDetails details = training.details(sessionId);
        SessionData s = details.session();
        setHeaderTitle(s.topic());
        body.removeAll();
        Span status = new Span(getTranslation("training.status." + s.status().name()));
        status.setId("session-status");
        status.getElement().getThemeList().add("badge " + theme(s.status()));
        body.add(status, new Paragraph(s.startsAt().format(WHEN) + "–" + s.endsAt().format(HOUR) + " · "
                + s.venueName() + " — " + s.unitName()));
        UnorderedList facts = new UnorderedList();
        fact(facts, "training.audience", s.audience());
        training.team(s).ifPresent(t -> fact(facts, "training.team", t.name()));
        fact(facts, "training.facilitators", String.join(", ", s.facilitators()));
        fact(facts, "training.plannedGuides", String.join(", ", s.plannedGuides()));
        fact(facts, "training.expected", String.valueOf(s.expectedAttendance()));
        if (s.status() == SessionStatus.CANCELLED) {
            fact(facts, "training.cancelReason", s.cancelReason());
        }
        body.add(facts, error);
        boolean mayAct = training.canPlan(s);
        if (mayAct && s.status() == SessionStatus.PLANNED) {
            body.add(plannedActions(s));
        }
        body.add(results(details));
        sections.forEach(section -> section.sectionFor(sessionId).ifPresent(body::add));
        if (mayAct && (s.status() == SessionStatus.HELD || s.status() == SessionStatus.REPORTED)) {
            body.add(reportForm(details));
        }
        body.add(photos(details, mayAct && s.status() != SessionStatus.CANCELLED));
    }

    private void fact(UnorderedList facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            String label = getTranslation(key).replaceAll(" \\(.*\\)$", "");
            facts.add(new ListItem(label + ": " + value));
        }
    }

    private Component plannedActions(SessionData s) {
        Button edit = new Button(getTranslation("training.edit"), e -> new PlanDialog(training, venues, teams, area,
                s.startsAt().toLocalDate(), s, saved -> changed()).open());
        edit.setId("session-edit");
        Button held = new Button(getTranslation("training.markHeld"), e -> act(() -> training.markHeld(sessionId)));
        held.setId("session-held");
        held.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        TextField reason = new TextField();
        reason.setId("session-cancel-reason");
        reason.setPlaceholder(getTranslation("training.cancelReason"));
        Button cancel = new Button(getTranslation("training.cancelSession"),
                e -> act(() -> training.cancel(sessionId, reason.getValue())));
        cancel.setId("session-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(edit, held, reason, cancel);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        return actions;
    }

    private void act(Runnable action) {
        try {
            action.run();
            error.setText("");
            changed();
        } catch (InvalidInputException ex) {
            error.setText(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    private void changed() {
        render();
        onChange.run();
    }

    private Component results(SessionDetails details) {
        Div section = new Div();
        section.setId("session-results");
        section.add(new H4(getTranslation("training.results")));
        if (details.effective().isEmpty()) {
            section.add(new Paragraph(getTranslation("training.results.none")));
            return section;
        }
        RecordedResults effective = details.effective().get();
        section.add(new Paragraph(getTranslation("training.results.effective",
                getTranslation("training.results.source." + effective.source().name()))));
        SessionResults r = effective.results();
        UnorderedList figures = new UnorderedList();
        figure(figures, "participants", r.participants());
        figure(figures, "women", r.women());
        figure(figures, "men", r.men());
        figure(figures, "ageUnder18", r.ageUnder18());
        figure(figures, "age18To35", r.age18To35());
        figure(figures, "age36To59", r.age36To59());
        figure(figures, "age60Plus", r.age60Plus());
        for (AssistedSubmission a : r.submissions()) {
            figures.add(new ListItem(getTranslation("training.figure.submissionsOf", a.procedureCode()) + ": "
                    + a.count() + (a.dossierCodes().isEmpty() ? "" : " (" + String.join(", ", a.dossierCodes()) + ")")));
        }
        if (!r.guidesPlayed().isEmpty()) {
            figures.add(new ListItem(getTranslation("training.guidesPlayed").replaceAll(" \\(.*\\)$", "") + ": "
                    + String.join(", ", r.guidesPlayed())));
        }
        if (!r.notes().isBlank()) {
            figures.add(new ListItem(getTranslation("training.notes") + ": " + r.notes()));
        }
        section.add(figures);
        if (!details.differences().isEmpty()) {
            UnorderedList differences = new UnorderedList();
            differences.setId("session-differences");
            for (ResultDifference d : details.differences()) {
                String figure = d.procedureCode() == null ? getTranslation("training.figure." + d.figure())
                        : getTranslation("training.figure.submissionsOf", d.procedureCode());
                differences.add(new ListItem(figure + ": " + getTranslation("training.difference",
                        number(d.manual()), number(d.agent()))));
            }
            section.add(new Paragraph(getTranslation("training.results.differences")), differences);
        }
        return section;
    }

    private String number(Integer value) {
        return value == null ? getTranslation("training.difference.missing") : String.valueOf(value);
    }

    private void figure(UnorderedList list, String figure, Integer value) {
        if (value != null) {
            list.add(new ListItem(getTranslation("training.figure." + figure) + ": " + value));
        }
    }

    private Component reportForm(SessionDetails details) {
        SessionResults before = details.manual().map(RecordedResults::results).orElse(null);
        IntegerField participants = count("result-participants", "participants", before == null ? null
                : before.participants());
        IntegerField women = count("result-women", "women", before == null ? null : before.women());
        IntegerField men = count("result-men", "men", before == null ? null : before.men());
        IntegerField under18 = count("result-age-under18", "ageUnder18", before == null ? null : before.ageUnder18());
        IntegerField age18 = count("result-age-18-35", "age18To35", before == null ? null : before.age18To35());
        IntegerField age36 = count("result-age-36-59", "age36To59", before == null ? null : before.age36To59());
        IntegerField age60 = count("result-age-60", "age60Plus", before == null ? null : before.age60Plus());
        TextArea submissions = new TextArea(getTranslation("training.submissions"));
        submissions.setId("result-submissions");
        submissions.setPlaceholder("1.001193, 3, H22.43-241029-0015");
        TextArea guides = new TextArea(getTranslation("training.guidesPlayed"));
        guides.setId("result-guides");
        TextArea notes = new TextArea(getTranslation("training.notes"));
        notes.setId("result-notes");
        if (before != null) {
            submissions.setValue(SubmissionLines.format(before.submissions()));
            guides.setValue(String.join("\n", before.guidesPlayed()));
            notes.setValue(before.notes());
        } else {
            guides.setValue(String.join("\n", details.session().plannedGuides()));
        }
        Button save = new Button(getTranslation("training.report"), e -> act(() -> {
            training.report(sessionId, new SessionResults(participants.getValue() == null ? 0 : participants.getValue(),
                    women.getValue(), men.getValue(), under18.getValue(), age18.getValue(), age36.getValue(),
                    age60.getValue(), SubmissionLines.parse(submissions.getValue()),
                    SubmissionLines.lines(guides.getValue()), notes.getValue()));
            com.vaadin.flow.component.notification.Notification.show(getTranslation("training.reported"));
        }));
        save.setId("result-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(participants, women, men, under18, age18, age36, age60, submissions, guides,
                notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        form.setColspan(submissions, 3);
        form.setColspan(guides, 3);
        form.setColspan(notes, 3);
        Div section = new Div(new H4(getTranslation("training.report")), form, save);
        section.setId("session-report");
        return section;
    }

    private IntegerField count(String id, String figure, Integer value) {
        IntegerField field = new IntegerField(getTranslation("training.figure." + figure));
        field.setId(id);
        field.setMin(0);
        field.setValue(value);
        return field;
    }

    private Component photos(SessionDetails details, boolean mayAdd) {
        Div section = new Div(new H4(getTranslation("training.photos")));
        Div thumbnails = new Div();
        thumbnails.setId("session-photos");
        thumbnails.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        if (details.photos().isEmpty()) {
            thumbnails.add(new Span(getTranslation("training.photos.none")));
        }
        for (SessionPhoto photo : details.photos()) {
            Image thumbnail = new Image(serve(photo.thumbnailSha256(), "thumb-" + photo.id() + extension(photo)),
                    getTranslation("training.photo.alt"));
            thumbnail.setHeight("6rem");
            Anchor full = new Anchor(serve(photo.sha256(), "photo-" + photo.id() + extension(photo)), "");
            full.setTarget(AnchorTarget.BLANK);
            full.add(thumbnail);
            Div tile = new Div(full);
            if (mayAdd) {
                Button remove = new Button(getTranslation("training.photos.remove"),
                        e -> act(() -> training.removePhoto(sessionId, photo.id())));
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                tile.add(remove);
            }
            thumbnails.add(tile);
        }
        section.add(thumbnails);
        if (mayAdd) {
            Upload upload = new Upload();
            upload.setId("session-photo-upload");
            upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> {
                try (InputStream in = Files.newInputStream(file.toPath())) {
                    training.addPhoto(sessionId, in, metadata.fileName());
                    error.setText("");
                    changed();
                } catch (InvalidInputException ex) {
                    error.setText(getTranslation(ex.messageKey(), ex.args()));
                } catch (IOException ex) {
                    log.warn("Photo {} for session {} could not be read", metadata.fileName(), sessionId, ex);
                    error.setText(getTranslation("training.photos.failed"));
                } finally {
                    Files.deleteIfExists(file.toPath());
                    upload.clearFileList();
                }
            }));
            upload.setMaxFiles(1);
            upload.setMaxFileSize(MAX_PHOTO_BYTES);
            upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
            upload.setUploadButton(new Button(getTranslation("training.photos.add")));
            upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
            section.add(upload);
        }
        return section;
    }

    private static String extension(SessionPhoto photo) {
        return "image/png".equals(photo.mediaType()) ? ".png" : ".jpg";
    }

    /** Serves a stored image of this session; the service checks the caller may see the session. */
    private DownloadHandler serve(String sha256, String fileName) {
        Function<String, String> type = name -> name.endsWith(".png") ? "image/png" : "image/jpeg";
        return event -> {
            event.setFileName(fileName);
            event.setContentType(type.apply(fileName));
            try (InputStream in = training.openPhoto(sessionId, sha256)) {
                in.transferTo(event.getOutputStream());
            }
        };
    }

    static String theme(SessionStatus status) {
        return switch (status) {
            case PLANNED -> "contrast";
            case HELD -> "";
            case REPORTED -> "success";
            case CANCELLED -> "error";
        };
    }
}
