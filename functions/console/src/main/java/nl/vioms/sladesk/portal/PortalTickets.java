package nl.vioms.sladesk.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.vioms.sladesk.app.tickets.ResellerWords;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.ConsoleText;
import nl.vioms.sladesk.console.Deadline;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;

/**
 * The portal's ticket list ({@code GET /portal/}, issue 18): the session's reseller's open tickets
 * (index {@code by-reseller}, {@code RESELLER#r#open}) and its resolved and closed ones
 * ({@code RESELLER#r#done}), newest first, {@value #PAGE} at a time with an "older" link. Each entry
 * is the snapshot alone; its clocks are computed from the snapshot's timeline as in the console's
 * queue (no history read per ticket). The reseller is the session's, never a request's.
 */
public final class PortalTickets {
    /** Closed tickets per page. */
    static final int PAGE = 20;

    /** The status filter's values: open, waiting for the reseller, done (resolved or closed). */
    static final List<String> STATUSES = List.of("open", "wacht", "klaar");

    private final Services services;
    private final TicketService tickets;
    private final Clock clock;

    PortalTickets(Services services) {
        this.services = services;
        this.tickets = services.ticketService();
        this.clock = services.clock();
    }

    /** The list, the ticket page and adding information (one line in {@link PortalApp}). */
    public static void register(PageRouter router, Services services) {
        PortalTickets list = new PortalTickets(services);
        PortalTicketPage page = new PortalTicketPage(services);
        router.page("GET", "/", PortalApp.STAFF, (request, session, p) -> list.show(request, session));
        router.page("GET", "/tickets/{number}", PortalApp.STAFF, page::show);
        router.page("POST", "/tickets/{number}/replies", PortalApp.STAFF, page::reply);
    }

    /** One ticket in the list. */
    public record Row(
            String number,
            String subject,
            String customer,
            String priority,
            String priorityCss,
            String status,
            boolean waitingForYou,
            String created,
            PortalDeadline response,
            PortalDeadline restore) {}

    /** A choice of a filter. */
    public record Choice(String value, String label, boolean selected) {}

    /** What the template shows. */
    public record Model(
            String reseller,
            List<Row> open,
            List<Row> done,
            String older,
            boolean later,
            List<Choice> customers,
            List<Choice> statuses,
            boolean showOpen,
            boolean showDone,
            String now) {}

    WebResponse show(WebRequest request, Session session) {
        Reseller reseller = PortalApp.reseller(services, session);
        Language lang = Language.of(request, Site.PORTAL);
        Instant now = clock.instant();
        Optional<String> customer = request.query("klant").filter(c -> !c.isBlank());
        String status = request.query("status").filter(STATUSES::contains).orElse("");
        TicketStore.After after = request.query("na")
                .filter(a -> !a.isBlank())
                .map(PortalTickets::after)
                .orElse(null);

        List<Ticket> open = tickets.openForReseller(reseller.id());
        TicketStore.ListPage done = tickets.doneForReseller(reseller.id(), after, PAGE);
        Map<String, String> customerNames = new TreeMap<>();
        for (Ticket t : concat(open, done.tickets())) {
            if (t.customerId() != null) {
                customerNames.put(t.customerId(), t.customerName() == null ? t.customerId() : t.customerName());
            }
        }
        boolean showOpen = !status.equals("klaar");
        boolean showDone = status.isEmpty() || status.equals("klaar");
        List<Row> openRows = new ArrayList<>();
        if (showOpen) {
            for (Ticket t : open) {
                boolean statusFits =
                        status.isEmpty() || (status.equals("wacht") == (t.status() == TicketStatus.WAITING));
                if (statusFits && fits(t, customer)) {
                    openRows.add(row(t, lang, now));
                }
            }
        }
        List<Row> doneRows = new ArrayList<>();
        if (showDone) {
            for (Ticket t : done.tickets()) {
                if (fits(t, customer)) {
                    doneRows.add(row(t, lang, now));
                }
            }
        }
        String older =
                done.next() == null ? null : link(customer, status, done.next().toString());
        List<Choice> customers = new ArrayList<>();
        customerNames.forEach((id, name) ->
                customers.add(new Choice(id, name, customer.filter(id::equals).isPresent())));
        List<Choice> statuses = List.of(
                new Choice("open", lang.t("Open", "Open"), status.equals("open")),
                new Choice(
                        "wacht", lang.t("Wacht op jouw antwoord", "Waiting for your answer"), status.equals("wacht")),
                new Choice("klaar", lang.t("Opgelost of gesloten", "Resolved or closed"), status.equals("klaar")));
        Model model = new Model(
                reseller.name(),
                openRows,
                doneRows,
                older,
                after != null,
                customers,
                statuses,
                showOpen,
                showDone,
                ConsoleText.time(now, lang));
        // the reseller's name as the start page's title: whose tickets these are
        Chrome chrome = PortalApp.chrome(request, session, reseller.name(), "/portal/");
        return Views.page(200, "portal/tickets/list.jte", Map.of("chrome", chrome, "model", model));
    }

    /** The "older" link's position; a position that is not one is a 400 (nothing else is read from it). */
    private static TicketStore.After after(String text) {
        try {
            return TicketStore.After.parse(text);
        } catch (InvalidInputException e) {
            throw new WebError(
                    400,
                    "Deze lijstpositie bestaat niet. Begin bij de eerste pagina.",
                    "This list position does not exist. Start at the first page.");
        }
    }

    private static boolean fits(Ticket t, Optional<String> customer) {
        return customer.isEmpty() || customer.get().equals(t.customerId());
    }

    private static List<Ticket> concat(List<Ticket> a, List<Ticket> b) {
        List<Ticket> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The list's own link with its filters and the position of the page. */
    private static String link(Optional<String> customer, String status, String after) {
        Map<String, String> query = new LinkedHashMap<>();
        customer.ifPresent(c -> query.put("klant", c));
        if (!status.isEmpty()) {
            query.put("status", status);
        }
        query.put("na", after);
        StringBuilder out = new StringBuilder("/portal/?");
        query.forEach((k, v) -> out.append(out.charAt(out.length() - 1) == '?' ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private Row row(Ticket t, Language lang, Instant now) {
        ClockResult clocks = tickets.clocksOf(t);
        boolean rfc = t.kind() == TicketKind.RFC || clocks == null;
        PortalDeadline response = rfc
                ? null
                : PortalDeadline.of(lang.t("Reactie", "Response"), Deadline.response(t, clocks, now), lang, now);
        PortalDeadline restore = rfc
                ? null
                : PortalDeadline.of(lang.t("Herstel", "Restore"), Deadline.restore(t, clocks, now), lang, now);
        return new Row(
                t.number(),
                t.subject(),
                t.customerName() == null ? lang.t("onbekend", "unknown") : t.customerName(),
                rfc ? "RFC" : t.priority().name(),
                rfc ? "badge" : ConsoleText.badge(t.priority()),
                ResellerWords.status(t.status(), lang == Language.EN),
                t.status() == TicketStatus.WAITING,
                ConsoleText.time(t.createdAt(), lang),
                response,
                restore);
    }
}
