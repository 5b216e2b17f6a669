package nl.vioms.sladesk.mailer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.mail.EmailAddresses;
import nl.vioms.sladesk.app.mail.MailGuard;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * Sends one outbox mail with SES and records what became of it (issue 16, decision 18). The
 * message is read back from the table, consistently: one no longer pending (sent, skipped) is
 * left alone, so a redelivered stream record sends nothing twice. Before sending: the recipient is
 * not our own address or domain, not suppressed, and within the hourly limit; otherwise the mail is
 * SKIPPED with the reason and, for a ticket's mail, a {@code mail-skipped} event on the ticket.
 *
 * <p>Throws when SES or DynamoDB fails, so the stream record is retried.
 */
public final class Mailer {
    /** The actor of the ticket events the mailer records. */
    public static final String ACTOR = "mailer";

    public static final String OWN_ADDRESS = "own-address", SUPPRESSED = "suppressed", HOURLY_LIMIT = "hourly-limit";

    private final OutboxRepository outbox;
    private final MailGuard guard;
    private final TicketService tickets;
    private final MonitoringRepository monitoring;
    private final SesV2Client ses;
    private final Settings settings;
    private final Clock clock;

    /**
     * @param supportAddress   From and Reply-To; mail to it, or to its domain, is never sent
     * @param configurationSet the SES configuration set (its event destination feeds MailFeedbackTopic)
     * @param hourlyLimit      at most this many mails to one address per clock hour
     * @param region           SES's region: the host of the Message-ID SES gives each mail
     */
    public record Settings(String supportAddress, String configurationSet, int hourlyLimit, Region region) {}

    public enum Outcome {
        SENT,
        SKIPPED,
        ALREADY_DONE,
        UNKNOWN_MESSAGE
    }

    public Mailer(
            OutboxRepository outbox,
            MailGuard guard,
            TicketService tickets,
            MonitoringRepository monitoring,
            SesV2Client ses,
            Settings settings,
            Clock clock) {
        this.outbox = outbox;
        this.guard = guard;
        this.tickets = tickets;
        this.monitoring = monitoring;
        this.ses = ses;
        this.settings = settings;
        this.clock = clock;
    }

    public Outcome deliver(String outboxId) {
        var found = outbox.find(outboxId);
        if (found.isEmpty()) {
            Log.warn("mail.unknown", Map.of("outboxId", outboxId));
            return Outcome.UNKNOWN_MESSAGE;
        }
        OutboxMessage message = found.get();
        if (message.topic() != OutboxMessage.Topic.MAIL || message.state() != DeliveryState.PENDING) {
            Log.info(
                    "mail.already-done",
                    Map.of("outboxId", outboxId, "state", message.state().name()));
            return Outcome.ALREADY_DONE;
        }
        OutboundMail mail = OutboundMail.fromJson(message.body());
        String to = EmailAddresses.normal(mail.to());
        Instant now = clock.instant();
        if (EmailAddresses.isOurs(to, settings.supportAddress())) {
            return skip(message, mail, OWN_ADDRESS, now);
        }
        if (guard.isSuppressed(to)) {
            return skip(message, mail, SUPPRESSED, now);
        }
        // issue 19: a major incident's notices are not counted: in the hour of an outage a contact must
        // hear its opening, updates and resolution; they are few (one per operations' step) and cannot loop
        if (!mail.kind().exemptFromHourlyLimit()
                && !guard.countWithinHourlyLimit(to, message.id(), now, settings.hourlyLimit())) {
            return skip(message, mail, HOURLY_LIMIT, now);
        }
        byte[] raw = MimeMail.render(mail, settings.supportAddress(), now);
        List<MessageTag> tags = new ArrayList<>();
        tags.add(tag("kind", mail.kind().wireName()));
        if (mail.ticket() != null) {
            tags.add(tag("ticket", mail.ticket()));
        }
        String sesMessageId = ses.sendEmail(b -> b.content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))
                        .configurationSetName(settings.configurationSet())
                        .emailTags(tags))
                .messageId();
        Instant accepted = clock.instant();
        String mailMessageId = deliveredMessageId(sesMessageId, settings.region());
        // the window first, then the mark: a failure between them is retried while the mail is still pending
        if (mail.window() != null && !monitoring.recordAnnouncementMail(mail.window(), message.id(), accepted)) {
            Log.warn("mail.unknown-window", Map.of("outboxId", message.id(), "window", mail.window()));
        }
        outbox.markMailAccepted(message.id(), sesMessageId, mailMessageId, accepted);
        Map<String, Object> log = new HashMap<>();
        log.put("outboxId", message.id());
        log.put("kind", mail.kind().wireName());
        log.put("sesMessageId", sesMessageId);
        log.put("mailMessageId", mailMessageId);
        if (mail.ticket() != null) {
            log.put("ticket", mail.ticket());
        }
        if (mail.window() != null) {
            log.put("window", mail.window());
        }
        Log.info("mail.sent", log);
        return Outcome.SENT;
    }

    /**
     * The Message-ID the recipient sees: SES replaces ours with {@code <SES message id>@<region>.amazonses.com}
     * ({@code email.amazonses.com} in us-east-1); with angle brackets, lower case.
     */
    public static String deliveredMessageId(String sesMessageId, Region region) {
        String host = Region.US_EAST_1.equals(region) ? "email.amazonses.com" : region.id() + ".amazonses.com";
        return ("<" + sesMessageId + "@" + host + ">").toLowerCase(Locale.ROOT);
    }

    private Outcome skip(OutboxMessage message, OutboundMail mail, String reason, Instant now) {
        // the ticket's record first (its id is stable, so a retry adds nothing), then the mark
        if (mail.ticket() != null) {
            tickets.record(
                    mail.ticket(),
                    new TicketEvent(
                            skippedEventId(message.id()),
                            EventKind.MAIL_SKIPPED,
                            now,
                            ACTOR,
                            "mail",
                            Map.of("to", mail.to(), "kind", mail.kind().wireName(), "reason", reason)));
        }
        outbox.markSkipped(message.id(), reason, now);
        Log.info(
                "mail.skipped",
                Map.of(
                        "outboxId",
                        message.id(),
                        "reason",
                        reason,
                        "kind",
                        mail.kind().wireName()));
        return Outcome.SKIPPED;
    }

    /** The stable id of the mail-skipped event of an outbox mail. */
    public static String skippedEventId(String outboxId) {
        return "mail-skipped#" + outboxId;
    }

    /** SES tag values allow only letters, digits, '_' and '-'. */
    static MessageTag tag(String name, String value) {
        return MessageTag.builder()
                .name(name)
                .value(value.replaceAll("[^A-Za-z0-9_-]", "_"))
                .build();
    }
}
