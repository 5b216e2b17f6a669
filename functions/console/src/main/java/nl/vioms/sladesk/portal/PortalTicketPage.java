package nl.vioms.sladesk.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.tickets.EventRequest;
import nl.vioms.sladesk.app.tickets.ResellerWords;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.ConsoleText;
import nl.vioms.sladesk.console.Deadline;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.core.ticket.TicketStatus;

/**
 * The reseller's ticket page ({@code GET /portal/tickets/{number}}) and adding information or
 * answering a question ({@code POST .../replies}), issue 18. Another reseller's ticket answers as
 * an unknown number does (404, the same words). What a reseller reads of the history is the API's
 * rule ({@link ResellerWords#shown}: everything but operations' internal notes). A reply is one
 * {@code customer-replied} event through {@link TicketService#record}, as the API and the console
 * record one: while VIOMS waits for the reseller it ends the pause (R16); otherwise the lifecycle
 * keeps the ticket as it is and operations read the text in the console's history
 * (docs/decisions/30-portal-follow.md). The form's nonce is the event's id, so a double submit records once.
 */
public final class PortalTicketPage {
    /** A form's nonce: what {@link UUID} writes, and no more than an event id may hold. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** The longest answer or addition a reseller may type. */
    static final int MAX_TEXT = 10_000;

    private static final String NOT_FOUND = "Er is geen melding met dit nummer.";
    private static final String NOT_FOUND_EN = "There is no ticket with this number.";

    private final Services services;
    private final TicketService tickets;
    private final DirectoryStore directory;
    private final OutboxRepository outbox;
    private final Clock clock;

    PortalTicketPage(Services services) {
        this.services = services;
        this.tickets = services.ticketService();
        this.directory = services.directory();
        this.outbox = services.outbox();
        this.clock = services.clock();
    }

    /** One line of the public history. */
    public record Entry(String when, String what, String who, String text) {}

    /** One mail SLA Desk sent about the ticket. */
    public record Mail(String when, String to, String subject, String state) {}

    /** What the template shows. */
    public record Model(
            Ticket ticket,
            String confirmation,
            String notice,
            String error,
            String status,
            boolean waiting,
            boolean closed,
            boolean rfc,
            String priority,
            String priorityCss,
            String priorityMeaning,
            String priorityReason,
            String kind,
            String customer,
            String service,
            String reported,
            List<PortalDeadline> deadlines,
            String acknowledgeDue,
            List<String> pauses,
            List<String> reclassifications,
            String resolution,
            String question,
            String questionAt,
            List<Entry> history,
            List<Mail> mails,
            String nonce,
            String csrf,
            String typed) {}

    WebResponse show(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = PortalApp.reseller(services, session);
        Language lang = Language.of(request, Site.PORTAL);
        TicketService.View view = own(parameters.get("number"), reseller);
        String number = view.ticket().number();
        String confirmation = request.query("nieuw")
                .filter("1"::equals)
                .map(n -> lang.t("Je melding is ontvangen met nummer ", "Your ticket was received with number ")
                        + number + ".")
                .orElse(null);
        String notice = request.query("gedaan").map(done -> done(done, lang)).orElse(null);
        return page(200, view, reseller, request, session, confirmation, notice, null, "");
    }

    WebResponse reply(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = PortalApp.reseller(services, session);
        Language lang = Language.of(request, Site.PORTAL);
        TicketService.View view = own(parameters.get("number"), reseller);
        String number = view.ticket().number();
        String nonce = request.form("nonce")
                .filter(n -> NONCE.matcher(n).matches())
                .orElseThrow(() -> new WebError(
                        400,
                        "Het formulier mist zijn kenmerk. Laad de pagina opnieuw.",
                        "The form lacks its key. Load the page again."));
        String text = request.form("tekst").orElse("");
        Optional<String> problem = problem(text, lang);
        if (problem.isPresent()) {
            return page(400, view, reseller, request, session, null, null, problem.get(), text);
        }
        if (view.ticket().status() == TicketStatus.CLOSED) {
            return page(409, view, reseller, request, session, null, null, closed(lang), text);
        }
        boolean answer = view.ticket().status() == TicketStatus.WAITING;
        // the same checks and data as the API's POST /tickets/{number}/events and the console's forms
        EventRequest asked = new EventRequest(EventKind.CUSTOMER_REPLIED, text.strip(), null, null, null, null, null);
        TicketEvent event = new TicketEvent(
                "portal-" + nonce + "-reply",
                EventKind.CUSTOMER_REPLIED,
                clock.instant(),
                "reseller:portal:" + session.user().email(),
                "portal",
                asked.data(directory));
        try {
            tickets.record(number, event).orElseThrow(() -> new WebError(404, NOT_FOUND, NOT_FOUND_EN));
        } catch (ConflictException e) {
            return page(409, view, reseller, request, session, null, null, closed(lang), text);
        } catch (InvalidInputException e) {
            return page(400, view, reseller, request, session, null, null, e.getMessage(), text);
        }
        return WebResponse.redirect("/portal/tickets/" + number + "?gedaan=" + (answer ? "antwoord" : "aanvulling"));
    }

    /** The session's reseller's ticket, or the one 404 for any other number (no enumeration). */
    private TicketService.View own(String number, Reseller reseller) {
        if (!TicketNumber.isValid(number)) {
            throw new WebError(404, NOT_FOUND, NOT_FOUND_EN);
        }
        return tickets.view(number)
                .filter(v -> reseller.id().equals(v.ticket().resellerId()))
                .orElseThrow(() -> new WebError(404, NOT_FOUND, NOT_FOUND_EN));
    }

    /** What is wrong with a typed text, in the page's language; empty when it may be stored. */
    static Optional<String> problem(String text, Language lang) {
        if (text.isBlank()) {
            return Optional.of(
                    lang.t("Schrijf eerst je antwoord of aanvulling.", "Write your answer or information first."));
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of(lang.t(
                    "Je tekst is " + text.length() + " tekens; het maximum is " + MAX_TEXT + ".",
                    "Your text is " + text.length() + " characters; the maximum is " + MAX_TEXT + "."));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean layout = c == '\n' || c == '\r' || c == '\t';
            if ((Character.isISOControl(c) && !layout) || Texts.isBidiControl(c)) {
                return Optional.of(lang.t(
                        "Je tekst bevat een stuurteken (positie " + (i + 1) + "); haal het weg en verstuur opnieuw.",
                        "Your text contains a control character (position " + (i + 1)
                                + "); remove it and send again."));
            }
        }
        return Optional.empty();
    }

    private static String closed(Language lang) {
        return lang.t(
                "Dit ticket is gesloten en neemt geen aanvulling meer aan. Open een nieuwe melding en noem dit nummer.",
                "This ticket is closed and takes no more information. Open a new ticket and mention this number.");
    }

    private static String done(String what, Language lang) {
        switch (what) {
            case "antwoord":
                return lang.t(
                        "Je antwoord is vastgelegd: VIOMS gaat verder en de klok loopt weer (R16).",
                        "Your answer was recorded: VIOMS continues and the clock runs again (R16).");
            case "aanvulling":
                return lang.t(
                        "Je aanvulling is vastgelegd; VIOMS ziet haar bij het ticket.",
                        "Your information was added; VIOMS sees it with the ticket.");
            default:
                return null;
        }
    }

    private WebResponse page(
            int status,
            TicketService.View view,
            Reseller reseller,
            WebRequest request,
            Session session,
            String confirmation,
            String notice,
            String error,
            String typed) {
        Language lang = Language.of(request, Site.PORTAL);
        Model model = model(view, reseller, lang, session, confirmation, notice, error, typed);
        Ticket t = view.ticket();
        Chrome chrome = PortalApp.chrome(request, session, t.number() + ": " + Texts.oneLine(t.subject()), "/portal/");
        return Views.page(status, "portal/tickets/ticket.jte", Map.of("chrome", chrome, "model", model));
    }

    Model model(
            TicketService.View view,
            Reseller reseller,
            Language lang,
            Session session,
            String confirmation,
            String notice,
            String error,
            String typed) {
        boolean en = lang == Language.EN;
        Instant now = clock.instant();
        Ticket t = view.ticket();
        ClockResult clocks = view.clocks();
        boolean rfc = t.kind() == TicketKind.RFC || clocks == null;
        Optional<Customer> customer = Optional.ofNullable(t.customerId()).flatMap(directory::customer);
        String service = customer.flatMap(
                        c -> Optional.ofNullable(t.serviceId()).flatMap(c::service))
                .map(ServiceRef::name)
                .orElse(t.serviceId() == null ? lang.t("onbekend", "unknown") : t.serviceId());
        List<PortalDeadline> deadlines = new ArrayList<>();
        if (!rfc) {
            deadlines.add(PortalDeadline.of(
                    lang.t("Reactie (R13)", "Response (R13)"), Deadline.response(t, clocks, now), lang, now));
            deadlines.add(PortalDeadline.of(
                    lang.t("Herstel (R13)", "Restore (R13)"), Deadline.restore(t, clocks, now), lang, now));
        }
        TicketEvent question = null;
        String resolution = null;
        List<String> reclassifications = new ArrayList<>();
        List<Entry> history = new ArrayList<>();
        for (TicketEvent e : view.history()) {
            switch (e.kind()) {
                case WAITING_FOR_CUSTOMER:
                    question = e;
                    break;
                case RESOLVED:
                    resolution = e.data().getOrDefault("text", "");
                    break;
                case RECLASSIFIED:
                    String reason = e.data().getOrDefault("reason", "");
                    reclassifications.add(ConsoleText.time(e.at(), lang) + ": "
                            + lang.t("naar ", "to ") + e.data().getOrDefault("priority", "")
                            + (reason.isBlank() ? "" : " (" + Texts.oneLine(reason) + ")"));
                    break;
                default:
                    break;
            }
            if (ResellerWords.shown(e)) {
                history.add(new Entry(
                        ConsoleText.time(e.at(), lang),
                        ResellerWords.event(e.kind(), en),
                        ResellerWords.who(e.actor(), reseller.name(), en),
                        ResellerWords.text(e)));
            }
        }
        boolean waiting = t.status() == TicketStatus.WAITING;
        String priorityReason = en ? "" : ResellerWords.priorityReason(t.priorityReason(), reseller.name());
        return new Model(
                t,
                confirmation,
                notice,
                error,
                ResellerWords.status(t.status(), en),
                waiting,
                t.status() == TicketStatus.CLOSED,
                rfc,
                rfc ? "RFC" : t.priority().name(),
                rfc ? "badge" : ConsoleText.badge(t.priority()),
                rfc
                        ? lang.t("wijzigingsverzoek: geen SLA-klok (R10)", "request for change: no SLA clock (R10)")
                        : ResellerWords.meaning(t.priority(), en) + " (R10)",
                priorityReason,
                ResellerWords.kind(t.kind(), en),
                t.customerName() == null ? lang.t("onbekend", "unknown") : t.customerName(),
                service,
                ConsoleText.time(t.createdAt(), lang) + " " + ResellerWords.channel(t.channel(), en),
                deadlines,
                rfc ? null : ConsoleText.time(clocks.acknowledgeDue(), lang),
                pauses(t.timeline(), lang, now),
                reclassifications,
                t.status().isOpen() ? null : resolution,
                waiting && question != null ? ResellerWords.text(question) : null,
                waiting && question != null ? ConsoleText.time(question.at(), lang) : null,
                history,
                mails(t.number(), lang),
                UUID.randomUUID().toString(),
                session.csrfToken(),
                typed);
    }

    /** Each pause (R16): from, to and how long; an ongoing one "since". */
    private static List<String> pauses(TicketTimeline timeline, Language lang, Instant now) {
        List<String> out = new ArrayList<>();
        for (TicketTimeline.Pause p : timeline.pauses()) {
            if (p.to() == null) {
                out.add(lang.t("sinds ", "since ") + ConsoleText.time(p.from(), lang) + " ("
                        + ConsoleText.duration(Duration.between(p.from(), now), lang)
                        + lang.t(", loopt nog)", ", ongoing)"));
            } else {
                out.add(ConsoleText.time(p.from(), lang) + " – " + ConsoleText.time(p.to(), lang) + " ("
                        + ConsoleText.duration(Duration.between(p.from(), p.to()), lang) + ")");
            }
        }
        return out;
    }

    /** The mails SLA Desk wrote about the ticket (the acknowledgement and later ones), oldest first. */
    private List<Mail> mails(String number, Language lang) {
        return outbox.mailsOf(number).stream()
                .map(record -> {
                    OutboundMail mail = OutboundMail.fromJson(record.message().body());
                    String state;
                    switch (record.message().state()) {
                        case DELIVERED:
                            state = lang.t("verstuurd", "sent");
                            break;
                        case FAILED:
                            state = lang.t("mislukt", "failed");
                            break;
                        case SKIPPED:
                            state = lang.t("niet verstuurd", "not sent");
                            break;
                        default:
                            state = lang.t("wacht op verzending", "waiting to be sent");
                            break;
                    }
                    return new Mail(
                            ConsoleText.time(record.message().createdAt(), lang), mail.to(), mail.subject(), state);
                })
                .toList();
    }
}
