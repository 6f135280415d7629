package vn.dvctt.device.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import vn.dvctt.device.IssuedCode;
import vn.dvctt.device.QrCodes;

/** Shows a new enrollment code once: the code to read aloud, the command to type, the QR code to scan. */
class CodeDialog extends Dialog {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    CodeDialog(IssuedCode code) {
        setHeaderTitle(getTranslation("device.code.title", code.deviceId()));
        setWidth("min(95vw, 36rem)");
        Span value = new Span(code.code());
        value.setId("device-code");
        value.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xxl)")
                .set("letter-spacing", "0.05em");
        Span expires = new Span(getTranslation("device.code.expires", TIME.format(code.expiresAt())));
        expires.setId("device-code-expires");
        Pre command = new Pre(code.command());
        command.setId("device-code-command");
        command.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        Image qr = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(code.command(), 280)),
                getTranslation("device.code.qr"));
        qr.setId("device-code-qr");
        qr.setWidth("280px");
        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("device.code.hint")), value, expires,
                command, qr);
        body.setPadding(false);
        add(body);
        Button close = new Button(getTranslation("device.code.close"), e -> close());
        close.setId("device-code-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }
}
