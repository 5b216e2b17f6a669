package nl.vioms.sladesk.intake.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.mail.MailPlanner;
import nl.vioms.sladesk.app.mail.MailThreads;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.intake.email.mail.InboundMail;
import nl.vioms.sladesk.intake.email.mail.MailClassification;
import nl.vioms.sladesk.intake.email.mail.MailClassifier;
import nl.vioms.sladesk.intake.email.mail.MailTrust;
import nl.vioms.sladesk.intake.email.mail.MailVerdicts;
import nl.vioms.sladesk.intake.email.mail.TicketReference;
import nl.vioms.sladesk.intake.email.mail.TrustPolicy;

/**
 * What one received e-mail does (R8): a reply naming an existing ticket joins its history when its
 * sender is trusted and of that ticket's side ({@link MailTrust}); any other normal mail opens a
 * ticket (an unknown or untrusted sender's is flagged for triage, never dropped; an unauthenticated
 * one's priority is capped, issue 15);
 * auto-replies, bounces, lists and our own mail open nothing. The same message delivered twice
 * (same sender, same content) is stored once. The raw message always stays in S3.
 */
public final class MailIntake {
    /** Embedded metrics (issue 21): mails ignored, by class, and unauthenticated mails. */
    public static final String MAILS_IGNORED = "MailsIgnored";

    public static final String MAILS_UNAUTHENTICATED = "MailsUnauthenticated";

    private final DirectoryStore directory;
    private final TicketService tickets;
    private static final PriorityClassifier CLASSIFIER = new PriorityClassifier();
    private static final String KEY_PREFIX = "mail#";

    /** At most this many of a reply's Message-IDs are looked up as ours (each is a Query). */
    private static final int THREAD_LOOKUPS = 3;

    private final String supportAddress;
    private final TrustPolicy policy;
    private final MailThreads threads;

    public MailIntake(DirectoryStore directory, TicketService tickets, String supportAddress) {
        this(directory, tickets, supportAddress, TrustPolicy.defaults(), MailThreads.NONE);
    }

    public MailIntake(DirectoryStore directory, TicketService tickets, String supportAddress, TrustPolicy policy) {
        this(directory, tickets, supportAddress, policy, MailThreads.NONE);
    }

    /**
     * @param policy  the sender-trust policy (the support address's domain is added as VIOMS's)
     * @param threads which ticket a mail of ours belongs to, for replies that lost the number (issue 16)
     */
    public MailIntake(
            DirectoryStore directory,
            TicketService tickets,
            String supportAddress,
            TrustPolicy policy,
            MailThreads threads) {
        this.directory = directory;
        this.tickets = tickets;
        this.threads = threads;
        this.supportAddress = supportAddress;
        this.policy = supportAddress != null && supportAddress.contains("@")
                ? policy.withSupportDomain(supportAddress.substring(supportAddress.lastIndexOf('@') + 1))
                : policy;
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
        return take(mail, received, sesMessageId, envelopeSender, rawAt, MailVerdicts.allPass());
    }

    /** @param verdicts SES's verdicts (SPF, DKIM, DMARC, spam, virus) for the sender-trust decision */
    public Outcome take(
            Optional<InboundMail> mail,
            Instant received,
            String sesMessageId,
            String envelopeSender,
            String rawAt,
            MailVerdicts verdicts) {
        if ("FAIL".equals(verdicts.virus())) {
            // kept in S3 for a person to inspect; never shown on a ticket
            Log.warn(
                    "mail.virus",
                    EmbeddedMetric.count(MAILS_IGNORED)
                            .dimension("class", "VIRUS")
                            .into(new LinkedHashMap<>(Map.of("sesMessageId", sesMessageId, "raw", rawAt))));
            return new Outcome(Outcome.Kind.IGNORED, null, "virus scan FAIL");
        }
        if (mail.isEmpty()) {
            // unreadable, but a report all the same: a person looks at the raw message
            MailTrust trust = MailTrust.decide(null, verdicts, Optional.empty(), policy);
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
                    actorOf(envelopeSender),
                    trust.asData());
            var opened = tickets.open(report, null, "mail#ses-" + sesMessageId);
            return new Outcome(
                    opened.duplicate() ? Outcome.Kind.DUPLICATE : Outcome.Kind.OPENED,
                    opened.ticket().number(),
                    "unreadable");
        }
        InboundMail m = mail.get();
        MailClassification classification = MailClassifier.classify(m, supportAddress);
        if (!classification.isNormal()) {
            // issue 21: mails ignored by class (auto-replies, bounces, our own...)
            EmbeddedMetric.count(MAILS_IGNORED)
                    .dimension("class", classification.mailClass().name())
                    .log(
                            "mail.ignored",
                            Map.of("sesMessageId", sesMessageId, "reason", classification.reason(), "raw", rawAt));
            return new Outcome(
                    Outcome.Kind.IGNORED, null, classification.mailClass().name() + ": " + classification.reason());
        }
        Optional<Customer> match =
                m.fromAddress() == null ? Optional.empty() : directory.customerByEmail(m.fromAddress());
        // a reseller's service desk answers the mail we send it (issue 16): its registered address is trusted
        Optional<Reseller> resellerContact =
                m.fromAddress() == null ? Optional.empty() : directory.resellerByEmail(m.fromAddress());
        MailTrust trust = MailTrust.decide(m.fromAddress(), verdicts, match, resellerContact, policy);
        Map<String, Object> trusted = new LinkedHashMap<>();
        trusted.put("sesMessageId", sesMessageId);
        trusted.put("trust", trust.level().name());
        trusted.put("reason", trust.reason());
        trusted.put("verdicts", verdicts.summary());
        if (trust.level() == MailTrust.Level.UNAUTHENTICATED) {
            // issue 21: unauthenticated mail (capped at P3, never escalated) as a metric
            EmbeddedMetric.count(MAILS_UNAUTHENTICATED).into(trusted);
        }
        Log.info("mail.trust", trusted);
        String source = sourceKey(m, sesMessageId);
        Optional<String> referenced = TicketReference.find(m).or(() -> repliedTo(m));
        Optional<TicketService.View> existing = referenced.flatMap(tickets::view);
        if (existing.isPresent() && existing.get().ticket().status() == TicketStatus.CLOSED) {
            // a closed ticket is done: a new fault reported in its thread gets a ticket and a clock
            Log.info(
                    "mail.reply-to-closed",
                    Map.of("ticket", existing.get().ticket().number(), "sesMessageId", sesMessageId));
            existing = Optional.empty();
        }
        if (existing.isPresent() && !trust.mayJoin(existing.get().ticket(), policy)) {
            // a reference is no proof of belonging: the referenced ticket stays untouched (finding 3)
            Log.warn(
                    "mail.foreign-reference",
                    Map.of(
                            "ticket",
                            existing.get().ticket().number(),
                            "sesMessageId",
                            sesMessageId,
                            "trust",
                            trust.level().name(),
                            "reason",
                            trust.reason()));
            existing = Optional.empty();
        }
        if (existing.isPresent()) {
            Map<String, String> details = details(m, rawAt);
            details.put(
                    TicketLifecycle.FROM_REPORTER,
                    String.valueOf(trust.fromReportersSide(existing.get().ticket(), policy)));
            details.putAll(trust.asData());
            var event = new TicketEvent(
                    "mail-" + source.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 16),
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
        Customer customer = trust.customer();
        Map<String, String> intake = new LinkedHashMap<>(trust.asData());
        referenced.ifPresent(number -> intake.put("referencedTicket", number));
        // our acknowledgement and updates answer in the reporter's thread (issue 16)
        MailPlanner.threadId(m.messageId()).ifPresent(id -> intake.put(MailPlanner.MESSAGE_ID, id));
        // what came with the report is part of it (issue 20, item 13: also when the mail was cut off)
        putAttachments(m, intake);
        String requested = null;
        if (trust.level() == MailTrust.Level.UNAUTHENTICATED) {
            intake.put("triage", "unauthenticated sender");
            var proposed = CLASSIFIER.classify(m.subject(), m.text());
            if (proposed.priority().compareTo(policy.untrustedMaxPriority()) < 0) {
                // the mail's own priority is capped until operations confirm it (finding 1)
                requested = policy.untrustedMaxPriority().name();
                intake.put(
                        "priorityCapped",
                        proposed.priority().name() + " (" + proposed.reason() + ") capped at " + requested
                                + ": unauthenticated sender");
            }
        } else if (customer == null && match.isPresent()) {
            intake.put(
                    "triage",
                    "unverified sender at a customer's domain: " + match.get().id());
        }
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                received,
                m.fromAddress(),
                m.subject(),
                m.text(),
                requested,
                null,
                "email:" + sesMessageId,
                actorOf(m.fromAddress()),
                intake);
        var opened = tickets.open(report, customer, source);
        return new Outcome(
                opened.duplicate() ? Outcome.Kind.DUPLICATE : Outcome.Kind.OPENED,
                opened.ticket().number(),
                customer == null
                        ? trust.level().name().toLowerCase(Locale.ROOT) + " sender: triage"
                        : "customer " + customer.id());
    }

    /**
     * The de-duplication key of a mail (finding 4): its Message-ID (or SES's id when it has none)
     * bound to the sender and a digest of the content, so that another sender's mail, or other
     * content, under the same Message-ID is a report of its own, while SES delivering the same mail
     * again (same sender, same content) stays one ticket.
     */
    static String sourceKey(InboundMail m, String sesMessageId) {
        String id = m.messageId() != null ? m.messageId() : "ses-" + sesMessageId;
        String sender = m.fromAddress() == null ? "" : m.fromAddress().trim().toLowerCase(Locale.ROOT);
        String content = ApiToken.hash(Texts.subject(m.subject()) + "\n" + Texts.text(m.text()));
        return KEY_PREFIX + ApiToken.hash(id + "\n" + sender + "\n" + content);
    }

    private static Map<String, String> details(InboundMail m, String rawAt) {
        Map<String, String> data = new LinkedHashMap<>();
        if (m.fromAddress() != null) {
            data.put("from", m.fromAddress());
        }
        data.put("subject", Texts.subject(m.subject()));
        data.put("text", Texts.text(m.text()));
        data.put("raw", rawAt);
        putAttachments(m, data);
        return data;
    }

    /**
     * The ticket of the mail of ours this one answers, when its subject lost the number: SES gave
     * our mail its own Message-ID ({@code <id@region.amazonses.com>}), which the reply repeats in
     * In-Reply-To and References. Only SES's ids are looked up, and only a few: the headers are the
     * sender's to write.
     */
    private Optional<String> repliedTo(InboundMail m) {
        List<String> ids = new ArrayList<>();
        if (m.inReplyTo() != null) {
            ids.add(m.inReplyTo());
        }
        List<String> references = new ArrayList<>(m.references());
        Collections.reverse(references);
        ids.addAll(references);
        return ids.stream()
                .filter(id -> id.toLowerCase(Locale.ROOT).endsWith(".amazonses.com"))
                .distinct()
                .limit(THREAD_LOOKUPS)
                .map(threads::ticketOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The attachments' metadata (name, type, size), as one line: the mail itself stays in the bucket. */
    private static void putAttachments(InboundMail m, Map<String, String> data) {
        if (!m.attachments().isEmpty()) {
            data.put(
                    "attachments",
                    m.attachments().stream()
                            .map(a -> a.fileName() + " (" + a.contentType() + ", " + a.sizeBytes() + " bytes)")
                            .collect(Collectors.joining("; ")));
        }
    }

    private static String actorOf(String address) {
        return address == null || address.isBlank() ? "email:unknown" : "email:" + address;
    }
}
