package nl.vioms.sladesk.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.mail.MailPlanner;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.tickets.EventRequest;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.attachments.Attachment;
import nl.vioms.sladesk.aws.attachments.AttachmentFiles;
import nl.vioms.sladesk.aws.attachments.AttachmentRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.watch.SlaWatch;

/**
 * The ticket page ({@code GET /console/tickets/{number}}): header, clocks, history, mails, and the
 * actions, each a POST that records one event through {@link TicketService#record} with the same
 * checks as the API ({@link EventRequest}) and then shows the page again (303) with what was done.
 * A form's nonce (with the action) is the event's id, so a double submit records it once.
 */
public final class TicketPage {
    /** A form's nonce: what {@link UUID} writes, and no more than an event id may hold. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** Form fields of a reply's recipients: {@code aan-0}, {@code aan-1}, ... (one checkbox each). */
    static final String RECIPIENT_PREFIX = "aan-";

    private final TicketService tickets;
    private final DirectoryStore directory;
    private final OutboxRepository outbox;
    private final Clock clock;

    /** The ticket's attachments (issue 18): uploaded in the portal, listed and downloaded here too. */
    private final AttachmentRepository attachments;

    private final Supplier<AttachmentFiles> files;

    TicketPage(
            TicketService tickets,
            DirectoryStore directory,
            OutboxRepository outbox,
            Clock clock,
            AttachmentRepository attachments,
            Supplier<AttachmentFiles> files) {
        this.tickets = tickets;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.attachments = attachments;
        this.files = files;
    }

    /** The page and one route per action, for that action's roles (from {@link QueuePage#register}). */
    static void register(PageRouter router, Services services) {
        TicketPage page = new TicketPage(
                services.ticketService(),
                services.directory(),
                services.outbox(),
                services.clock(),
                services.attachments(),
                services::attachmentFiles);
        router.page("GET", "/tickets/{number}", QueuePage.ROLES, page::show);
        router.page("GET", "/tickets/{number}/attachments/{id}", QueuePage.ROLES, page::download);
        for (TicketAction action : TicketAction.values()) {
            router.page(
                    "POST",
                    "/tickets/{number}/" + action.path(),
                    action.roles(),
                    (request, session, p) -> page.act(action, request, session, p));
        }
    }

    /** One entry of the history. */
    public record Entry(String when, String what, String who, boolean internal, List<String> details) {}

    /** One mail sent for the ticket. */
    public record SentMail(String to, String subject, String kind, String state, String when) {}

    /** One mail received (the report itself or a later one). */
    public record ReceivedMail(String when, String from, String subject, String text) {}

    /** A choice in a form: value and what people read. */
    public record Choice(String value, String label) {}

    /** What the template shows. */
    public record Model(
            Ticket ticket,
            String reseller,
            String service,
            String priorityMeaning,
            String status,
            String channel,
            List<Deadline> deadlines,
            String pausedTotal,
            String pausedSince,
            String nextCheckpoint,
            List<Entry> history,
            List<SentMail> sent,
            List<ReceivedMail> received,
            Set<TicketAction> actions,
            List<Choice> contacts,
            List<Choice> assignTargets,
            String nonce,
            String csrf,
            String notice,
            String error,
            Instant now) {

        /** A closed ticket takes no more actions (the lifecycle would refuse them). */
        public boolean open() {
            return ticket.status() != TicketStatus.CLOSED;
        }

        public boolean may(String action) {
            return actions.stream().anyMatch(a -> a.path().equals(action));
        }
    }

    WebResponse show(WebRequest request, Session session, PathParameters parameters) {
        String number = parameters.get("number");
        TicketService.View view = visible(number, session.user());
        String notice = request.query("gedaan")
                .flatMap(TicketAction::ofPath)
                .map(TicketAction::done)
                .orElse(null);
        return page(200, view, session, notice, null);
    }

    WebResponse act(TicketAction action, WebRequest request, Session session, PathParameters parameters) {
        String number = parameters.get("number");
        TicketService.View view = visible(number, session.user());
        String nonce = request.form("nonce")
                .filter(n -> NONCE.matcher(n).matches())
                .orElseThrow(() -> new WebError(400, "Het formulier mist zijn kenmerk. Laad de pagina opnieuw."));
        try {
            // the same checks as the API's POST /tickets/{number}/events (EventRequest, shared/app)
            EventRequest asked = new EventRequest(
                    action.kind(),
                    request.form("tekst").orElse(null),
                    request.form("prioriteit").orElse(null),
                    request.form("reden").orElse(null),
                    assignPart(request, 0),
                    assignPart(request, 1),
                    recipients(request));
            required(action, asked);
            TicketEvent event = new TicketEvent(
                    "console-" + nonce + "-" + action.path(),
                    action.kind(),
                    clock.instant(),
                    session.user().email(),
                    "console",
                    asked.data(directory));
            tickets.record(number, event).orElseThrow(() -> new NotFoundException("no ticket " + number));
        } catch (InvalidInputException e) {
            return page(400, view, session, null, "Niet vastgelegd: " + e.getMessage());
        } catch (ConflictException e) {
            return page(409, view, session, null, "Niet vastgelegd: " + e.getMessage());
        }
        return WebResponse.redirect("/console/tickets/" + number + "?gedaan=" + action.path());
    }

    /** What a form must carry beyond the API's checks: people type text where the API may leave it out. */
    private static void required(TicketAction action, EventRequest asked) {
        boolean needsText = action == TicketAction.NOTE
                || action == TicketAction.REPLY
                || action == TicketAction.WAIT
                || action == TicketAction.RESOLVE;
        if (needsText && (asked.text() == null || asked.text().isBlank())) {
            throw new InvalidInputException("schrijf eerst de tekst");
        }
        if (action == TicketAction.RECLASSIFY
                && (asked.reason() == null || asked.reason().isBlank())) {
            throw new InvalidInputException("geef de reden van de nieuwe prioriteit (R17)");
        }
    }

    /** The ticket, or 404 when it is not there or not the second line's to see (R17). */
    private TicketService.View visible(String number, ConsoleUser user) {
        if (!TicketNumber.isValid(number)) {
            throw new WebError(404, "Er is geen ticket met dit nummer.");
        }
        TicketService.View view =
                tickets.view(number).orElseThrow(() -> new WebError(404, "Er is geen ticket met dit nummer."));
        if (QueuePage.onlyEscalated(user) && !tickets.escalatedToSecondLine(view.ticket())) {
            throw new WebError(404, "Er is geen ticket met dit nummer.");
        }
        return view;
    }

    private WebResponse page(int status, TicketService.View view, Session session, String notice, String error) {
        Model model = model(view, session, notice, error);
        String title = view.ticket().number() + ": " + view.ticket().subject();
        return Views.page(
                status,
                "ticket/ticket.jte",
                Map.of(
                        "chrome",
                        new Chrome(title, session, "/console/"),
                        "model",
                        model,
                        "attachments",
                        attachments.of(view.ticket().number())));
    }

    /**
     * {@code GET /console/tickets/{number}/attachments/{id}}: for whoever may see the ticket, 303 to a
     * presigned GET of five minutes, always as a download (issue 18).
     */
    WebResponse download(WebRequest request, Session session, PathParameters parameters) {
        TicketService.View view = visible(parameters.get("number"), session.user());
        String id = parameters.get("id");
        Attachment attachment = (id.matches("[0-9a-f]{32}")
                        ? attachments.find(view.ticket().number(), id)
                        : Optional.<Attachment>empty())
                .orElseThrow(() -> new WebError(404, "Deze bijlage bestaat niet."));
        return WebResponse.redirect(files.get().download(attachment).toString());
    }

    Model model(TicketService.View view, Session session, String notice, String error) {
        Instant now = clock.instant();
        Ticket ticket = view.ticket();
        ClockResult clocks = view.clocks();
        Optional<Customer> customer = Optional.ofNullable(ticket.customerId()).flatMap(directory::customer);
        Optional<Reseller> reseller = Optional.ofNullable(ticket.resellerId()).flatMap(directory::reseller);
        String service = customer.flatMap(
                        c -> Optional.ofNullable(ticket.serviceId()).flatMap(c::service))
                .map(ServiceRef::name)
                .orElse("onbekend");
        List<Deadline> deadlines = new ArrayList<>();
        String nextCheckpoint = null;
        if (clocks != null) {
            deadlines.add(Deadline.response(ticket, clocks, now));
            deadlines.add(Deadline.of(
                    "Begin werk",
                    clocks.startWorkDue(),
                    ticket.timeline().startedWorkAt(),
                    null,
                    clocks.startWorkBreached(),
                    clocks.paused(),
                    now));
            deadlines.add(Deadline.restore(ticket, clocks, now));
            nextCheckpoint = SlaWatch.nextDue(ticket, clocks, TicketService.recorded(view.history()))
                    .map(ConsoleText::time)
                    .orElse(null);
        }
        Set<TicketAction> actions = new LinkedHashSet<>();
        for (TicketAction action : TicketAction.values()) {
            if (action.allows(session.user())) {
                actions.add(action);
            }
        }
        if (!ticket.triage()) {
            actions.remove(TicketAction.ASSIGN);
        }
        return new Model(
                ticket,
                reseller.map(Reseller::name).orElse("onbekend"),
                service,
                ConsoleText.meaning(ticket.priority()),
                ConsoleText.status(ticket.status()),
                ConsoleText.channel(ticket.channel()),
                deadlines,
                ConsoleText.duration(pausedTotal(ticket.timeline(), now)),
                ConsoleText.pausedSince(ticket.timeline()),
                nextCheckpoint,
                history(view.history()),
                sent(ticket.number()),
                received(view.history()),
                actions,
                contacts(customer, reseller),
                actions.contains(TicketAction.ASSIGN) ? assignTargets() : List.of(),
                UUID.randomUUID().toString(),
                session.csrfToken(),
                notice,
                error,
                now);
    }

    private static Duration pausedTotal(TicketTimeline timeline, Instant now) {
        Duration total = Duration.ZERO;
        for (TicketTimeline.Pause pause : timeline.pauses()) {
            total = total.plus(Duration.between(pause.from(), pause.to() == null ? now : pause.to()));
        }
        return total;
    }

    private static List<Entry> history(List<TicketEvent> events) {
        return events.stream()
                .map(e -> new Entry(
                        ConsoleText.time(e.at()),
                        ConsoleText.event(e.kind()),
                        e.actor(),
                        e.kind() == EventKind.NOTE,
                        details(e)))
                .toList();
    }

    /** The data of an event the history shows, with its Dutch label, in this order. */
    private static final List<Map.Entry<String, String>> DETAILS = List.of(
            Map.entry("subject", "Onderwerp"),
            Map.entry("text", "Tekst"),
            Map.entry("priority", "Prioriteit"),
            Map.entry("reason", "Reden"),
            Map.entry("customerName", "Klant"),
            Map.entry(MailPlanner.RECIPIENTS, "Aan"),
            Map.entry(TicketService.CHECKPOINT, "Controlepunt"));

    private static List<String> details(TicketEvent e) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> detail : DETAILS) {
            String value = e.data().get(detail.getKey());
            if (value != null && !value.isBlank()) {
                out.add(detail.getValue() + ": " + value);
            }
        }
        return out;
    }

    private List<SentMail> sent(String number) {
        return outbox.mailsOf(number).stream()
                .map(record -> {
                    OutboundMail mail = OutboundMail.fromJson(record.message().body());
                    return new SentMail(
                            mail.to(),
                            mail.subject(),
                            mail.kind().wireName(),
                            state(record.message().state()),
                            ConsoleText.time(record.message().createdAt()));
                })
                .toList();
    }

    /** A mail's delivery state in Dutch: SES accepted it, so it was sent. */
    static String state(DeliveryState state) {
        switch (state) {
            case DELIVERED:
                return "verstuurd";
            case FAILED:
                return "mislukt";
            case SKIPPED:
                return "niet verstuurd";
            default:
                return "wacht op verzending";
        }
    }

    /** The intake's mail events: the report that came by mail and later mails on the ticket. */
    private static List<ReceivedMail> received(List<TicketEvent> events) {
        List<ReceivedMail> out = new ArrayList<>();
        for (TicketEvent e : events) {
            boolean mailed = e.kind() == EventKind.EMAIL
                    || (e.kind() == EventKind.CREATED
                            && "email"
                                    .equals(e.data().getOrDefault("channel", "").toLowerCase(Locale.ROOT)));
            if (mailed) {
                out.add(new ReceivedMail(
                        ConsoleText.time(e.at()),
                        e.data().getOrDefault("reporter", e.actor()),
                        e.data().getOrDefault("subject", ""),
                        e.data().getOrDefault("text", "")));
            }
        }
        return out;
    }

    /** Whom a reply may name: the customer's registered addresses and the reseller's contacts. */
    private static List<Choice> contacts(Optional<Customer> customer, Optional<Reseller> reseller) {
        Set<String> addresses = new LinkedHashSet<>();
        customer.ifPresent(c -> addresses.addAll(new TreeSet<>(c.emailAddresses())));
        reseller.ifPresent(r -> addresses.addAll(new TreeSet<>(r.contacts())));
        return addresses.stream().map(a -> new Choice(a, a)).toList();
    }

    /** Every customer's services, "customer|service", for assigning a triage ticket (a Query on the directory). */
    private List<Choice> assignTargets() {
        List<Choice> out = new ArrayList<>();
        for (Customer c : directory.customers()) {
            for (ServiceRef s : c.services()) {
                out.add(new Choice(c.id() + "|" + s.id(), c.name() + " · " + s.name() + " (" + c.level() + ")"));
            }
        }
        return out;
    }

    private static String assignPart(WebRequest request, int part) {
        return request.form("klantdienst")
                .map(v -> v.split("\\|", 2))
                .filter(parts -> parts.length == 2)
                .map(parts -> parts[part])
                .orElse(null);
    }

    private static List<String> recipients(WebRequest request) {
        List<String> chosen = new TreeMap<>(request.form())
                .entrySet().stream()
                        .filter(e -> e.getKey().startsWith(RECIPIENT_PREFIX)
                                && !e.getValue().isBlank())
                        .map(Map.Entry::getValue)
                        .toList();
        // none ticked: the usual recipients (MailPlanner), as a reply through the API without recipients
        return chosen.isEmpty() ? null : chosen;
    }
}
