package vn.dvctt.ingest.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.component.UI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.dvctt.ingest.IngestService;
import vn.dvctt.ingest.Playback;
import vn.dvctt.training.TrainingService;
import vn.dvctt.training.ui.SessionSection;

/** Proof of play in the session dialog: which guide the venue's runner played, when, for how long. */
@org.springframework.stereotype.Component
class PlaybackSection implements SessionSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(TrainingService.ZONE);

    private final IngestService ingest;
    private final I18NProvider translations;

    PlaybackSection(IngestService ingest, I18NProvider translations) {
        this.ingest = ingest;
        this.translations = translations;
    }

    @Override
    public Optional<Component> sectionFor(long sessionId) {
        List<Playback> played = ingest.playbacks(sessionId);
        if (played.isEmpty()) {
            return Optional.empty();
        }
        Locale locale = UI.getCurrent() == null ? Locale.forLanguageTag("vi") : UI.getCurrent().getLocale();
        Div section = new Div();
        section.setId("session-playbacks");
        section.add(new H4(translations.getTranslation("ingest.playbacks", locale)));
        UnorderedList list = new UnorderedList();
        for (Playback p : played) {
            long seconds = p.playedMs() / 1000;
            list.add(new ListItem(translations.getTranslation("ingest.playback", locale, TIME.format(p.startedAt()),
                    p.title(), seconds / 60, seconds % 60)));
        }
        section.add(list);
        return Optional.of(section);
    }
}
