package nl.vioms.sladesk.mailer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.mail.MailGuard;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketEvent;

/**
 * What SES tells about sent mail, through the configuration set's event destination (issue 16): a
 * permanent bounce or a complaint puts each recipient on the suppression list; a transient bounce
 * suppresses nothing. Every bounce and complaint of a mail tagged with a ticket is recorded on it
 * as {@code mail-bounced}. Reads SES's event publishing shape ({@code eventType}) and the older
 * notification shape ({@code notificationType}); anything else is logged and ignored.
 */
public final class MailFeedback {
    private final MailGuard guard;
    private final TicketService tickets;
    private final Clock clock;

    public MailFeedback(MailGuard guard, TicketService tickets, Clock clock) {
        this.guard = guard;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** What a notification was taken as. */
    public enum Outcome {
        SUPPRESSED,
        NOT_SUPPRESSED,
        IGNORED
    }

    /** A bounce or complaint, read: the recipients, the kind for the ticket event, the suppression reason or null. */
    private record Feedback(
            String sesMessageId, String ticket, List<String> recipients, String type, String suppression) {}

    /** One SNS message's text. Throws only when DynamoDB fails (the invocation is then retried). */
    public Outcome take(String snsMessageId, String message) {
        Feedback feedback;
        try {
            feedback = read(message);
        } catch (RuntimeException garbage) {
            // never fail on garbage: a retry would not make it readable
            Log.warn(
                    "mail.feedback-unreadable",
                    Map.of(
                            "snsMessageId",
                            String.valueOf(snsMessageId),
                            "error",
                            String.valueOf(garbage.getMessage())));
            return Outcome.IGNORED;
        }
        if (feedback == null) {
            Log.info("mail.feedback", Map.of("snsMessageId", String.valueOf(snsMessageId)));
            return Outcome.IGNORED;
        }
        Instant now = clock.instant();
        for (String to : feedback.recipients()) {
            if (feedback.suppression() != null) {
                guard.suppress(to, feedback.suppression(), now);
            }
            if (feedback.ticket() != null) {
                tickets.record(
                        feedback.ticket(),
                        new TicketEvent(
                                bouncedEventId(feedback.sesMessageId(), to),
                                EventKind.MAIL_BOUNCED,
                                now,
                                Mailer.ACTOR,
                                "mail",
                                Map.of("to", to, "type", feedback.type())));
            }
            Log.info(
                    "mail.bounced",
                    Map.of(
                            "snsMessageId",
                            String.valueOf(snsMessageId),
                            "sesMessageId",
                            feedback.sesMessageId(),
                            "type",
                            feedback.type(),
                            "suppressed",
                            feedback.suppression() != null,
                            "ticket",
                            String.valueOf(feedback.ticket())));
        }
        return feedback.suppression() != null && !feedback.recipients().isEmpty()
                ? Outcome.SUPPRESSED
                : Outcome.NOT_SUPPRESSED;
    }

    /** A bounce or complaint, or null for any other event (delivery, reject, delay...). */
    private static Feedback read(String message) {
        Map<String, Object> event = Json.readObject(message);
        String type = Json.string(event, "eventType");
        if (type == null) {
            type = Json.string(event, "notificationType");
        }
        Map<String, Object> mail = Json.object(event, "mail");
        String sesMessageId = String.valueOf(Json.string(mail, "messageId"));
        if ("Bounce".equals(type)) {
            Map<String, Object> bounce = Json.object(event, "bounce");
            String bounceType = String.valueOf(Json.string(bounce, "bounceType"));
            return new Feedback(
                    sesMessageId,
                    ticketOf(mail),
                    recipients(Json.objects(bounce, "bouncedRecipients")),
                    bounceType.toLowerCase(Locale.ROOT),
                    "Permanent".equals(bounceType) ? "bounce-permanent" : null);
        }
        if ("Complaint".equals(type)) {
            Map<String, Object> complaint = Json.object(event, "complaint");
            return new Feedback(
                    sesMessageId,
                    ticketOf(mail),
                    recipients(Json.objects(complaint, "complainedRecipients")),
                    "complaint",
                    "complaint");
        }
        return null;
    }

    /** The stable id of the mail-bounced event for one recipient of one mail. */
    public static String bouncedEventId(String sesMessageId, String to) {
        return "mail-bounced#" + sesMessageId + "#" + to;
    }

    private static List<String> recipients(List<Map<String, Object>> listed) {
        List<String> addresses = new ArrayList<>();
        for (Map<String, Object> recipient : listed) {
            String address = Json.string(recipient, "emailAddress");
            if (address != null && !address.isBlank()) {
                addresses.add(address.trim().toLowerCase(Locale.ROOT));
            }
        }
        return addresses;
    }

    /** {@code mail.tags.ticket[0]}, or null. */
    private static String ticketOf(Map<String, Object> mail) {
        Map<String, Object> tags = Json.object(mail, "tags");
        List<Object> ticket = Json.list(tags, "ticket");
        return ticket.isEmpty() ? null : String.valueOf(ticket.get(0));
    }
}
