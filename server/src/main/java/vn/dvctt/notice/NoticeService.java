package vn.dvctt.notice;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dvctt.notice.internal.Notice;
import vn.dvctt.notice.internal.Notices;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Recipient;
import vn.dvctt.shared.VietnameseText;

/**
 * In-app notices (reminders and the like), each user reading only his own. A notice is sent once
 * per dedupe key and user, so a scheduled job that runs again, on this or another instance, tells
 * nobody twice. When a mail sender is configured ({@code spring.mail.host}) and the user gave an
 * address, the notice is also mailed, in Vietnamese, after the notice is committed.
 */
@Service
public class NoticeService {

    public static final int MAX_LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final Notices notices;
    private final CurrentUser currentUser;
    private final ObjectProvider<MailSender> mail;
    private final I18NProvider translations;
    private final String from;
    private final String baseUrl;

    NoticeService(Notices notices, CurrentUser currentUser, ObjectProvider<MailSender> mail, I18NProvider translations,
                  @Value("${dvctt.notice.mail-from:dvctt@localhost}") String from,
                  @Value("${dvctt.public-url:http://localhost:8080}") String baseUrl) {
        this.notices = notices;
        this.currentUser = currentUser;
        this.mail = mail;
        this.translations = translations;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Tells a user something, once per {@code dedupeKey}. Only the system (scheduled work) sends.
     *
     * @return whether a new notice was created
     */
    @Transactional
    public boolean send(Recipient to, String dedupeKey, String messageKey, List<String> args, String link) {
        var scope = currentUser.scope();
        if (scope.userId() != 0) {
            throw new OutsideScopeException("Only scheduled work sends notices");
        }
        if (notices.existsByUserIdAndDedupeKey(to.userId(), dedupeKey)) {
            return false;
        }
        notices.saveAndFlush(new Notice(to.userId(), dedupeKey, messageKey, args, link));
        MailSender sender = mail.getIfAvailable();
        if (sender != null && to.email() != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.email());
            message.setSubject(translations.getTranslation("notice.mail.subject", VietnameseText.VIETNAMESE));
            String text = translations.getTranslation(messageKey, VietnameseText.VIETNAMESE, args.toArray());
            message.setText(text + (link == null ? "" : "\n\n" + baseUrl + "/" + link));
            afterCommit(() -> {
                try {
                    sender.send(message);
                } catch (MailException e) {
                    // the in-app notice stands; a mail server that is down must not undo it
                    log.warn("Could not mail a notice to user {}: {}", to.username(), e.getMessage());
                }
            });
        }
        return true;
    }

    /** The signed-in user's newest notices. */
    @Transactional(readOnly = true)
    public List<NoticeData> mine() {
        return notices.newestFor(me(), PageRequest.of(0, MAX_LISTED)).stream().map(Notice::toData).toList();
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return currentUser.principal().map(p -> notices.countUnread(p.userId())).orElse(0L);
    }

    @Transactional
    public void markRead(long noticeId) {
        Optional<Notice> notice = notices.findById(noticeId).filter(n -> n.getUserId() == me());
        notice.orElseThrow(() -> new OutsideScopeException("Notice " + noticeId + " is not yours")).markRead();
    }

    @Transactional
    public int markAllRead() {
        return notices.markAllRead(me(), java.time.Instant.now());
    }

    private long me() {
        return currentUser.principal().orElseThrow(() -> new OutsideScopeException("Not signed in")).userId();
    }

    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
