package nl.vioms.sladesk.app.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.MajorIncident;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * Who is mailed what when a ticket opens or changes (issue 16): the reporter, when the report
 * came from an address SLA Desk may answer, in the customer's language, and the reseller's
 * contacts, in Dutch. Never our own address; never a sender whose mail was not authenticated (a
 * forged From must not turn SES into a backscatter source: such tickets are answered to the
 * reseller only).
 */
public final class MailPlanner {
    /** Created-event data (intake-email): the reporter's own Message-ID, with angle brackets. */
    public static final String MESSAGE_ID = "messageId";

    /** Reply data: the recipients operations chose, comma-separated (default: the ticket's usual ones). */
    public static final String RECIPIENTS = "recipients";

    private static final int SUBJECT_MAX = 120;

    /**
     * A Message-ID we repeat in our headers (In-Reply-To, References): printable ASCII without
     * spaces or angle brackets, so a hostile one cannot add a header or break the line.
     */
    private static final Pattern SAFE_MESSAGE_ID = Pattern.compile("[!-;=?-~]{1,250}");

    private final DirectoryStore directory;
    private final TicketClocks clocks;
    private final MailSettings settings;

    public MailPlanner(DirectoryStore directory, TicketClocks clocks, MailSettings settings) {
        this.directory = directory;
        this.clocks = clocks;
        this.settings = settings;
    }

    /** One recipient and the language they read. */
    record Recipient(String address, String language) {}

    /** The acknowledgement of a new incident or RFC, to each of its recipients. */
    public List<OutboundMail> opened(Ticket ticket, TicketEvent created, ClockResult clocksNow) {
        return mails(ticket, created, created, MailKind.ACKNOWLEDGEMENT, clocksNow, recipients(ticket, created));
    }

    /**
     * The mails an event announces: none when it changed nothing a customer is told about (a note, a
     * second response, an SLA checkpoint). A reply is always mailed, to the recipients it names
     * (each must be one of the ticket's contacts) or else to the usual ones.
     *
     * @throws InvalidInputException a reply without text, or to an address that is not the ticket's
     */
    public List<OutboundMail> recorded(
            Ticket before, Ticket after, List<TicketEvent> history, TicketEvent event, ClockResult clocksNow) {
        TicketEvent created = history.stream()
                .filter(e -> e.kind() == EventKind.CREATED)
                .findFirst()
                .orElse(event);
        if (event.kind() == EventKind.REPLY) {
            if (event.data().getOrDefault("text", "").isBlank()) {
                throw new InvalidInputException("a reply needs its text");
            }
            return mails(after, created, event, MailKind.REPLY, clocksNow, replyRecipients(after, created, event));
        }
        boolean changed = !before.withVersion(0).equals(after.withVersion(0));
        Optional<MailKind> kind = kindOf(event.kind());
        if (!changed || kind.isEmpty()) {
            return List.of();
        }
        return mails(after, created, event, kind.get(), clocksNow, recipients(after, created));
    }

    /** Which change a customer hears of; a mail of theirs that ends a wait is their reply (R16). */
    private static Optional<MailKind> kindOf(EventKind kind) {
        return Optional.ofNullable(
                switch (kind) {
                    case RESPONSE -> MailKind.RESPONSE;
                    case WAITING_FOR_CUSTOMER -> MailKind.WAITING_FOR_CUSTOMER;
                    case CUSTOMER_REPLIED, EMAIL -> MailKind.CUSTOMER_REPLIED;
                    case RECLASSIFIED -> MailKind.RECLASSIFIED;
                    case RESOLVED -> MailKind.RESOLVED;
                    case CLOSED -> MailKind.CLOSED;
                    default -> null;
                });
    }

    /** The usual recipients: the reporter when they may be answered, and the reseller's contacts. */
    List<Recipient> recipients(Ticket ticket, TicketEvent created) {
        Map<String, Recipient> out = new LinkedHashMap<>();
        Optional<Customer> customer = Optional.ofNullable(ticket.customerId()).flatMap(directory::customer);
        String language = customer.map(Customer::language).orElse("nl");
        if (reporterMayBeAnswered(ticket, created, customer)) {
            String reporter = EmailAddresses.normal(ticket.reporter());
            out.put(reporter, new Recipient(reporter, language));
        }
        for (String contact : resellerContacts(ticket)) {
            out.putIfAbsent(contact, new Recipient(contact, "nl"));
        }
        out.keySet().removeIf(a -> EmailAddresses.isOurs(a, settings.supportAddress()));
        return List.copyOf(out.values());
    }

    private List<Recipient> replyRecipients(Ticket ticket, TicketEvent created, TicketEvent event) {
        String named = event.data().getOrDefault(RECIPIENTS, "");
        List<Recipient> usual = recipients(ticket, created);
        if (named.isBlank()) {
            return usual;
        }
        Map<String, Recipient> allowed = new LinkedHashMap<>();
        usual.forEach(r -> allowed.put(r.address(), r));
        Optional<Customer> customer = Optional.ofNullable(ticket.customerId()).flatMap(directory::customer);
        customer.ifPresent(c -> c.emailAddresses().stream()
                .filter(a -> !EmailAddresses.isOurs(a, settings.supportAddress()))
                .forEach(a -> allowed.putIfAbsent(a, new Recipient(a, c.language()))));
        List<Recipient> chosen = new ArrayList<>();
        for (String address : named.split(",")) {
            String normal = EmailAddresses.normal(address);
            Recipient recipient = allowed.get(normal);
            if (recipient == null) {
                throw new InvalidInputException("'" + address.strip() + "' is not a contact of ticket "
                        + ticket.number() + "; its contacts: " + String.join(", ", new TreeSet<>(allowed.keySet())));
            }
            if (!chosen.contains(recipient)) {
                chosen.add(recipient);
            }
        }
        return chosen;
    }

    /**
     * Whether SLA Desk may write to the reporter: a mail whose sender was authenticated (trusted or
     * unverified, never unauthenticated), or an address registered to the customer when the report
     * came by phone or API (a caller cannot make SLA Desk mail an address of their choosing).
     */
    private static boolean reporterMayBeAnswered(Ticket ticket, TicketEvent created, Optional<Customer> customer) {
        String reporter = ticket.reporter();
        if (reporter == null || !EmailAddresses.plausible(reporter.strip())) {
            return false;
        }
        if (ticket.channel() == Channel.EMAIL) {
            String trust = created.data().getOrDefault("senderTrust", "unauthenticated");
            return trust.equals("trusted") || trust.equals("unverified");
        }
        String normal = EmailAddresses.normal(reporter);
        return customer.filter(c ->
                        c.emailAddresses().contains(normal) || c.emailDomains().contains(EmailAddresses.domain(normal)))
                .isPresent();
    }

    private Set<String> resellerContacts(Ticket ticket) {
        return Optional.ofNullable(ticket.resellerId())
                .flatMap(directory::reseller)
                .map(r -> (Set<String>) new TreeSet<>(r.contacts()))
                .orElse(Set.of());
    }

    private List<OutboundMail> mails(
            Ticket ticket,
            TicketEvent created,
            TicketEvent event,
            MailKind kind,
            ClockResult clocksNow,
            List<Recipient> recipients) {
        String original = threadId(created.data().get(MESSAGE_ID)).orElse(null);
        String root = "<" + ticket.number() + "@" + MailSettings.MESSAGE_ID_DOMAIN + ">";
        List<String> references = original == null ? List.of(root) : List.of(original, root);
        List<OutboundMail> out = new ArrayList<>();
        Set<String> desks = resellerContacts(ticket);
        for (Recipient r : recipients) {
            Words words = Words.of(r.language());
            String subject = "[" + ticket.number() + "] " + words.subject(kind) + ": " + shortSubject(ticket, words);
            MailBody body = body(ticket, event, kind, clocksNow, words, desks.contains(r.address()));
            String eventId = kind == MailKind.ACKNOWLEDGEMENT ? null : event.id();
            String unique = digest(ticket.number() + "|" + kind.wireName() + "|" + event.id() + "|" + r.address());
            out.add(new OutboundMail(
                    kind,
                    ticket.number(),
                    null,
                    0,
                    eventId,
                    r.address(),
                    r.language(),
                    subject,
                    body.text(),
                    body.html(r.language(), subject),
                    "<" + ticket.number() + "." + kind.wireName() + "." + unique + "@" + MailSettings.MESSAGE_ID_DOMAIN
                            + ">",
                    original,
                    references));
        }
        return out;
    }

    /** @param desk the recipient is the reseller's service desk: its mail links to the portal's ticket page */
    private MailBody body(
            Ticket ticket, TicketEvent event, MailKind kind, ClockResult clocksNow, Words w, boolean desk) {
        MailBody body = new MailBody().paragraph(w.greeting());
        String text = event.data().getOrDefault("text", "");
        switch (kind) {
            case ACKNOWLEDGEMENT -> {
                body.paragraph(w.acknowledged(ticket.number()));
                body.facts(facts(ticket, w));
                if (ticket.kind() == TicketKind.RFC) {
                    body.paragraph(w.rfcHasNoClock());
                } else {
                    body.paragraph(w.deadlinesIntro()).facts(deadlines(clocksNow, w));
                    if (outOfHoursAdvice(ticket)) {
                        body.paragraph(w.outOfHours(settings.outOfHoursNumber()));
                    }
                }
            }
            case RESPONSE -> body.paragraph(w.responded()).quote(text);
            case WAITING_FOR_CUSTOMER ->
                body.paragraph(w.question()).quote(text).paragraph(w.answerByReplying());
            case CUSTOMER_REPLIED -> body.paragraph(w.replyReceived()).facts(deadlines(clocksNow, w));
            case RECLASSIFIED ->
                body.paragraph(w.reclassified(ticket.priority().name(), w.priorityMeaning(ticket.priority())))
                        .quote(event.data().getOrDefault("reason", ""))
                        .facts(deadlines(clocksNow, w));
            case RESOLVED ->
                body.paragraph(w.resolved(w.when(event.at()))).quote(text).paragraph(w.notSolved());
            case CLOSED -> body.paragraph(w.closed());
            case REPLY -> body.quote(text);
            case MAINTENANCE, MAJOR_INCIDENT ->
                throw new IllegalArgumentException(kind.wireName() + " mail is not one ticket's");
        }
        // issue 18: the reseller follows its tickets in the portal (the end customer has no portal account)
        if (desk && !settings.linkBase().isBlank()) {
            body.paragraph(w.followInPortal(portalLink(settings.linkBase(), ticket.number())));
        }
        body.paragraph(w.replyHint(ticket.number()));
        body.paragraph(w.signature());
        return body;
    }

    /** The portal's page of a ticket (issue 18) under the public base URL. */
    public static String portalLink(String linkBase, String number) {
        return linkBase.replaceAll("/+$", "") + "/portal/tickets/" + number;
    }

    private static List<Map.Entry<String, String>> facts(Ticket ticket, Words w) {
        return List.of(
                Map.entry(w.label("number"), ticket.number()),
                Map.entry(w.label("subject"), ticket.subject()),
                Map.entry(
                        w.label("customer"),
                        ticket.customerName() == null
                                ? w.unknownCustomer()
                                : ticket.customerName() + " (SLA "
                                        + ticket.level().name() + ")"),
                Map.entry(w.label("kind"), w.kind(ticket.kind())),
                Map.entry(w.label("priority"), ticket.priority().name() + ": " + w.priorityMeaning(ticket.priority())),
                Map.entry(w.label("why"), ticket.priorityReason()));
    }

    private static List<Map.Entry<String, String>> deadlines(ClockResult clocksNow, Words w) {
        if (clocksNow == null) {
            return List.of();
        }
        return List.of(
                Map.entry(w.label("response"), deadline(clocksNow.responseDue(), clocksNow.paused(), w)),
                Map.entry(w.label("restore"), deadline(clocksNow.restoreDue(), clocksNow.paused(), w)));
    }

    private static String deadline(Instant due, boolean paused, Words w) {
        if (due != null) {
            return w.when(due);
        }
        return paused ? w.pausedDeadline() : w.bestEffort();
    }

    /**
     * R7: a P1 on an A or HA contract reported in writing outside office hours runs 24x7 only once it is
     * also reported on the out-of-hours number, so the acknowledgement says which number to call.
     */
    private boolean outOfHoursAdvice(Ticket ticket) {
        boolean reportedInWriting = ticket.channel() == Channel.EMAIL || ticket.channel() == Channel.API;
        if (ticket.priority() != Priority.P1
                || !reportedInWriting
                || ticket.timeline().phoneReportedAt() != null) {
            return false;
        }
        var policy = clocks.policies()
                .policyOn(ticket.createdAt().atZone(Amsterdam.ZONE).toLocalDate());
        if (!policy.terms(ticket.level(), ticket.serviceKind()).phoneGatedOutOfHours()) {
            return false;
        }
        return !new WorkingDays(policy.holidays())
                .window(WindowKind.OFFICE_HOURS)
                .isOpen(ticket.createdAt());
    }

    private static String shortSubject(Ticket ticket, Words w) {
        String subject = ticket.subject().isBlank() ? w.noSubject() : ticket.subject();
        return subject.length() <= SUBJECT_MAX ? subject : subject.substring(0, SUBJECT_MAX - 1) + "…";
    }

    /**
     * The reporter's Message-ID as our mail repeats it, with angle brackets; empty when there is none
     * or it is not safe to repeat in a header.
     */
    public static Optional<String> threadId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        String bare = messageId.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return SAFE_MESSAGE_ID.matcher(bare).matches() ? Optional.of("<" + bare + ">") : Optional.empty();
    }

    /**
     * The announcement of a planned maintenance window (R19) to every contact of the customers
     * whose services it touches (R21: a platform service touches every service of the kinds it
     * carries) and to their resellers' contacts. A window announced less than the policy's notice
     * ahead says so: it counts as emergency maintenance at month end.
     *
     * @param windowRef how the mailer finds the window's item to record the announcement on
     *                  ({@code MonitoringRepository.windowRef}: service, start and id)
     * @param now       when it is announced
     */
    public List<OutboundMail> maintenance(
            MaintenanceWindow window, String windowRef, MonitoredService service, Instant now) {
        Duration notice = clocks.policies()
                .policyOn(window.window().start().atZone(Amsterdam.ZONE).toLocalDate())
                .availability()
                .minimumNotice();
        boolean late = Duration.between(now, window.window().start()).compareTo(notice) < 0;
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        Map<String, List<String>> servicesOf = new LinkedHashMap<>();
        for (Customer customer : directory.customers()) {
            List<String> touched = customer.services().stream()
                    .filter(ref -> service.affects(customer.id(), ref))
                    .map(ref -> ref.name() == null ? ref.id() : ref.name())
                    .toList();
            if (touched.isEmpty()) {
                continue;
            }
            for (String address : new TreeSet<>(customer.emailAddresses())) {
                recipients.putIfAbsent(address, new Recipient(address, customer.language()));
                servicesOf.computeIfAbsent(address, a -> new ArrayList<>()).addAll(touched);
            }
            directory.reseller(customer.resellerId()).ifPresent(reseller -> {
                for (String contact : new TreeSet<>(reseller.contacts())) {
                    recipients.putIfAbsent(contact, new Recipient(contact, "nl"));
                    servicesOf
                            .computeIfAbsent(contact, a -> new ArrayList<>())
                            .addAll(touched.stream()
                                    .map(t -> customer.name() + ": " + t)
                                    .toList());
                }
            });
        }
        recipients.keySet().removeIf(a -> EmailAddresses.isOurs(a, settings.supportAddress()));
        List<OutboundMail> out = new ArrayList<>();
        for (Recipient r : recipients.values()) {
            Words w = Words.of(r.language());
            String subject = w.subject(MailKind.MAINTENANCE) + ": " + service.name() + ", "
                    + w.when(window.window().start());
            MailBody body = new MailBody()
                    .paragraph(w.greeting())
                    .paragraph(w.maintenanceIntro())
                    .facts(List.of(
                            Map.entry(w.label("service"), service.name()),
                            Map.entry(w.label("from"), w.when(window.window().start())),
                            Map.entry(w.label("until"), w.when(window.window().end())),
                            Map.entry(
                                    w.label("affects"), String.join(", ", new TreeSet<>(servicesOf.get(r.address()))))))
                    .quote(window.reason() == null ? "" : window.reason());
            if (late) {
                body.paragraph(w.lateAnnouncement(notice.toHours()));
            }
            body.paragraph(w.signature());
            String unique =
                    digest("maintenance|" + window.id() + "|" + window.window().start() + "|" + r.address());
            out.add(new OutboundMail(
                    MailKind.MAINTENANCE,
                    null,
                    windowRef,
                    recipients.size(),
                    window.window().start().toString(),
                    r.address(),
                    r.language(),
                    subject,
                    body.text(),
                    body.html(r.language(), subject),
                    "<maintenance." + unique + "@" + MailSettings.MESSAGE_ID_DOMAIN + ">",
                    null,
                    List.of()));
        }
        return out;
    }

    /**
     * Issue 19: a major incident's notice (its opening, a public update, its resolution) to every
     * contact of the customers whose services the platform carries (R21) and to their resellers'
     * contacts, once each: the outbox id is the incident, the event and the address
     * ({@link #outboxId}), so a retried request or redelivered event writes each mail once.
     * Nothing customer-specific is in it: every recipient reads the same text, in their language.
     *
     * @param stage     {@code opened}, {@code update} or {@code resolved}
     * @param event     the event it tells of (its id keys the mails; its text is quoted)
     * @param statusUrl the public status page
     */
    public List<OutboundMail> majorIncident(
            Ticket major, MajorIncident incident, String stage, TicketEvent event, String statusUrl) {
        MonitoredService platform =
                new MonitoredService(incident.service(), incident.serviceName(), incident.carries(), null, null);
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (Customer customer : directory.customers()) {
            if (customer.services().stream().noneMatch(ref -> platform.affects(customer.id(), ref))) {
                continue;
            }
            for (String address : new TreeSet<>(customer.emailAddresses())) {
                recipients.putIfAbsent(address, new Recipient(address, customer.language()));
            }
            directory.reseller(customer.resellerId()).ifPresent(reseller -> {
                for (String contact : new TreeSet<>(reseller.contacts())) {
                    recipients.putIfAbsent(contact, new Recipient(contact, "nl"));
                }
            });
        }
        recipients.keySet().removeIf(a -> EmailAddresses.isOurs(a, settings.supportAddress()));
        String root = "<" + major.number() + "@" + MailSettings.MESSAGE_ID_DOMAIN + ">";
        List<OutboundMail> out = new ArrayList<>();
        for (Recipient r : recipients.values()) {
            Words w = Words.of(r.language());
            String subject = "[" + major.number() + "] " + w.majorStage(stage) + ": " + incident.serviceName();
            MailBody body = new MailBody()
                    .paragraph(w.greeting())
                    .paragraph(w.majorIntro(stage, incident.serviceName(), w.when(incident.openedAt())))
                    .quote(event.data().getOrDefault("text", ""));
            if (!statusUrl.isBlank()) {
                body.paragraph(w.statusPageHint(statusUrl));
            }
            body.paragraph(w.signature());
            String unique = digest(major.number() + "|" + event.id() + "|" + r.address());
            out.add(new OutboundMail(
                    MailKind.MAJOR_INCIDENT,
                    major.number(),
                    null,
                    0,
                    event.id(),
                    r.address(),
                    r.language(),
                    subject,
                    body.text(),
                    body.html(r.language(), subject),
                    "<" + major.number() + ".major." + unique + "@" + MailSettings.MESSAGE_ID_DOMAIN + ">",
                    null,
                    List.of(root)));
        }
        return out;
    }

    /** The outbox id of a mail: one per trigger and recipient, so a retried change writes it once. */
    public static String outboxId(OutboundMail mail) {
        String trigger = mail.ticket() != null
                ? mail.ticket() + "#mail#"
                        + (mail.eventId() == null ? mail.kind().wireName() : mail.eventId())
                : "maintenance#" + mail.window() + "#" + mail.eventId() + "#mail";
        return trigger + "#" + digest(mail.to());
    }

    /** The first 12 hex digits of a SHA-256: ids that show no address. */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
