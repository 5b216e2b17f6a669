package nl.vioms.sladesk.intake.email;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.intake.email.mail.InboundMail;
import nl.vioms.sladesk.intake.email.mail.MailClassification;
import nl.vioms.sladesk.intake.email.mail.MailClassifier;
import nl.vioms.sladesk.intake.email.mail.TicketReference;

/**
 * What one received e-mail does (R8): a reply naming an existing ticket joins its history; any
 * other normal mail opens a ticket (an unknown sender's is flagged for triage, never dropped);
 * auto-replies, bounces, lists and our own mail open nothing. The same message delivered twice
 * is stored once. The raw message always stays in S3.
 */
public final class MailIntake {
    private final DirectoryStore directory;
    private final TicketService tickets;
    private final String supportAddress;

    public MailIntake(DirectoryStore directory, TicketService tickets, String supportAddress) {
        this.directory = directory;
        this.tickets = tickets;
        this.supportAddress = supportAddress;
    }

    /** What became of a mail, for logs and tests. */
    public record Outcome(Kind kind, String ticketNumber, String reason) {
        public enum Kind {
            OPENED,
            DUPLICATE,
            ADDED_TO_TICKET,
            IGNORED
        }
    }

    /**
     * @param mail      the parsed mail, or empty when it could not be read at all
     * @param received  the SES receipt (clock start, R8)
     * @param rawAt     where the raw message is kept, e.g. s3://bucket/key
     */
    public Outcome take(
            Optional<InboundMail> mail, Instant received, String sesMessageId, String envelopeSender, String rawAt) {
        return take(mail, received, sesMessageId, envelopeSender, rawAt, null);
    }

    /** @param virusVerdict SES's virus scan (PASS, FAIL, GRAY, ...), or null when not scanned */
    public Outcome take(
            Optional<InboundMail> mail,
            Instant received,
            String sesMessageId,
            String envelopeSender,
            String rawAt,
            String virusVerdict) {
        if ("FAIL".equals(virusVerdict)) {
            // kept in S3 for a person to inspect; never shown on a ticket
            Log.warn("mail.virus", Map.of("sesMessageId", sesMessageId, "raw", rawAt));
            return new Outcome(Outcome.Kind.IGNORED, null, "virus scan FAIL");
        }
        if (mail.isEmpty()) {
            // unreadable, but a report all the same: a person looks at the raw message
            Report report = new Report(
                    TicketKind.INCIDENT,
                    Channel.EMAIL,
                    received,
                    envelopeSender,
                    "(onleesbare e-mail)",
                    "Het bericht kon niet gelezen worden; origineel: " + rawAt,
                    null,
                    null,
                    "email:" + sesMessageId,
                    actorOf(envelopeSender));
            var opened = tickets.open(report, null, "mail#ses-" + sesMessageId);
            return new Outcome(
                    opened.duplicate() ? Outcome.Kind.DUPLICATE : Outcome.Kind.OPENED,
                    opened.ticket().number(),
                    "unreadable");
        }
        InboundMail m = mail.get();
        MailClassification classification = MailClassifier.classify(m, supportAddress);
        if (!classification.isNormal()) {
            Log.info(
                    "mail.ignored",
                    Map.of(
                            "sesMessageId",
                            sesMessageId,
                            "class",
                            classification.mailClass().name(),
                            "reason",
                            classification.reason(),
                            "raw",
                            rawAt));
            return new Outcome(
                    Outcome.Kind.IGNORED, null, classification.mailClass().name() + ": " + classification.reason());
        }
        String source = m.messageId() != null ? m.messageId() : "ses-" + sesMessageId;
        Optional<String> referenced = TicketReference.find(m);
        Optional<TicketService.View> existing = referenced.flatMap(tickets::view);
        if (existing.isPresent() && existing.get().ticket().status() == TicketStatus.CLOSED) {
            // a closed ticket is done: a new fault reported in its thread gets a ticket and a clock
            Log.info(
                    "mail.reply-to-closed",
                    Map.of("ticket", existing.get().ticket().number(), "sesMessageId", sesMessageId));
            existing = Optional.empty();
        }
        if (existing.isPresent()) {
            Map<String, String> details = details(m, rawAt);
            details.put(
                    TicketLifecycle.FROM_REPORTER,
                    String.valueOf(
                            fromReportersSide(m.fromAddress(), existing.get().ticket())));
            var event = new TicketEvent(
                    "mail-" + ApiToken.hash(source).substring(0, 16),
                    EventKind.EMAIL,
                    received,
                    actorOf(m.fromAddress()),
                    "email:" + sesMessageId,
                    details);
            String number = existing.get().ticket().number();
            if (tickets.record(number, event).isEmpty()) {
                throw new IllegalStateException("ticket " + number + " vanished");
            }
            return new Outcome(Outcome.Kind.ADDED_TO_TICKET, number, "reply");
        }
        referenced.ifPresent(
                number -> Log.warn("mail.unknown-ticket", Map.of("ticket", number, "sesMessageId", sesMessageId)));
        Customer customer = m.fromAddress() == null
                ? null
                : directory.customerByEmail(m.fromAddress()).orElse(null);
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                received,
                m.fromAddress(),
                m.subject(),
                m.text(),
                null,
                null,
                "email:" + sesMessageId,
                actorOf(m.fromAddress()));
        var opened = tickets.open(report, customer, "mail#" + source);
        return new Outcome(
                opened.duplicate() ? Outcome.Kind.DUPLICATE : Outcome.Kind.OPENED,
                opened.ticket().number(),
                customer == null ? "unknown sender: triage" : "customer " + customer.id());
    }

    /** The reporter, or anyone of the ticket's customer: their mail is their reply (R16). */
    private boolean fromReportersSide(String address, Ticket ticket) {
        if (address == null) {
            return false;
        }
        if (address.equalsIgnoreCase(ticket.reporter())) {
            return true;
        }
        return ticket.customerId() != null
                && directory
                        .customerByEmail(address)
                        .map(c -> c.id().equals(ticket.customerId()))
                        .orElse(false);
    }

    private static Map<String, String> details(InboundMail m, String rawAt) {
        Map<String, String> data = new LinkedHashMap<>();
        if (m.fromAddress() != null) {
            data.put("from", m.fromAddress());
        }
        data.put("subject", Texts.subject(m.subject()));
        data.put("text", Texts.text(m.text()));
        data.put("raw", rawAt);
        if (!m.attachments().isEmpty()) {
            data.put(
                    "attachments",
                    m.attachments().stream()
                            .map(a -> a.fileName() + " (" + a.contentType() + ", " + a.sizeBytes() + " bytes)")
                            .collect(Collectors.joining("; ")));
        }
        return data;
    }

    private static String actorOf(String address) {
        return address == null || address.isBlank() ? "email:unknown" : "email:" + address;
    }
}
