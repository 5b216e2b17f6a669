package nl.vioms.sladesk.app.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.vioms.sladesk.app.Json;

/**
 * One mail to one recipient, rendered when the change it announces is stored and kept as the
 * body of an outbox message of topic {@code MAIL} (decision 13); the mailer function sends it
 * with SES from the outbox stream. One recipient per message, so suppression, the hourly limit
 * and delivery are judged and recorded per address.
 *
 * @param ticket      the ticket it is about ("VIO-2026-000123"), null for a maintenance announcement
 * @param window      the maintenance window it announces, else null
 * @param windowMails how many mails announce that window (its announcement instant is the last one SES accepts)
 * @param eventId     the ticket event it announces, null for an acknowledgement or announcement
 * @param to          the recipient, lower case
 * @param language    "nl" or "en"
 * @param messageId   our Message-ID, with angle brackets
 * @param inReplyTo   the reporter's original Message-ID (angle brackets), or null
 * @param references  the thread, oldest first (angle brackets)
 */
public record OutboundMail(
        MailKind kind,
        String ticket,
        String window,
        int windowMails,
        String eventId,
        String to,
        String language,
        String subject,
        String text,
        String html,
        String messageId,
        String inReplyTo,
        List<String> references) {

    public OutboundMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(messageId, "messageId");
        references = List.copyOf(references);
    }

    /** The outbox body. */
    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind.wireName());
        body.put("ticket", ticket);
        body.put("window", window);
        body.put("windowMails", windowMails);
        body.put("eventId", eventId);
        body.put("to", to);
        body.put("language", language);
        body.put("subject", subject);
        body.put("text", text);
        body.put("html", html);
        body.put("messageId", messageId);
        body.put("inReplyTo", inReplyTo);
        body.put("references", references);
        return Json.write(body);
    }

    public static OutboundMail fromJson(String json) {
        Map<String, Object> body = Json.readObject(json);
        Object mails = body.get("windowMails");
        List<String> references =
                Json.list(body, "references").stream().map(String::valueOf).toList();
        return new OutboundMail(
                MailKind.fromWireName(Json.string(body, "kind")),
                Json.string(body, "ticket"),
                Json.string(body, "window"),
                mails instanceof Number n ? n.intValue() : 0,
                Json.string(body, "eventId"),
                Json.string(body, "to"),
                Json.string(body, "language"),
                Json.string(body, "subject"),
                Json.string(body, "text"),
                Json.string(body, "html"),
                Json.string(body, "messageId"),
                Json.string(body, "inReplyTo"),
                references);
    }
}
