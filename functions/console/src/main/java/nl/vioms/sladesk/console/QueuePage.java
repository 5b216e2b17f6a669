package nl.vioms.sladesk.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.Ticket;

/**
 * The queue ({@code GET /console/}): open tickets in R11's order as {@link TicketService#queue}
 * reads them (one Query on the queue index), with each running deadline counting down, filters,
 * and triage tickets apart. The second line sees only what was escalated to it (R17). Reseller
 * names come from the directory once per reseller per request, not once per ticket.
 */
public final class QueuePage {
    /** The queue refreshes itself this often (console.js, the fragment below). */
    static final int REFRESH_SECONDS = 30;

    /** The roles that work the queue. */
    static final Set<Role> ROLES = Set.of(Role.OPERATIONS, Role.TELEPHONY, Role.SECOND_LINE);

    private final TicketService tickets;
    private final DirectoryStore directory;
    private final Clock clock;

    QueuePage(TicketService tickets, DirectoryStore directory, Clock clock) {
        this.tickets = tickets;
        this.directory = directory;
        this.clock = clock;
    }

    /** The queue and ticket area: one line in ConsoleApp. */
    public static void register(PageRouter router, Services services) {
        TicketPage.register(router, services);
        QueuePage page = new QueuePage(services.ticketService(), services.directory(), services.clock());
        // everyone lands on /console/: the queue for those who work it, the start page for the others
        router.page("GET", "/", ConsoleApp.EVERYONE, page::handle);
    }

    /** One ticket of the queue as its row shows it. */
    public record Row(
            Ticket ticket,
            String customer,
            String reseller,
            String channel,
            String age,
            Deadline response,
            Deadline restore,
            String pausedSince) {}

    /** A choice of a filter's select: the value sent and the name shown. */
    public record Option(String value, String label, boolean selected) {}

    /** What the template shows: the rows, split into the queue and triage, and the filters' choices. */
    public record Model(
            List<Row> queue,
            List<Row> triage,
            QueueFilter filter,
            List<Option> priorities,
            List<Option> resellers,
            List<Option> customers,
            List<Option> levels,
            String source,
            Instant now,
            int open) {}

    WebResponse handle(WebRequest request, Session session, PathParameters parameters) {
        if (ROLES.stream().noneMatch(session.user()::has)) {
            return ConsoleApp.home(request, session, parameters);
        }
        QueueFilter filter = QueueFilter.of(request);
        Model model = model(filter, session.user());
        if (request.partial()) {
            return Views.page(200, "queue/rows.jte", Map.of("model", model));
        }
        return Views.page(
                200, "queue/queue.jte", Map.of("chrome", new Chrome("Wachtrij", session, "/console/"), "model", model));
    }

    /** The second line, without a role that sees everything, sees only what was escalated to it (R17). */
    static boolean onlyEscalated(ConsoleUser user) {
        return !user.hasAny(Role.OPERATIONS, Role.TELEPHONY);
    }

    Model model(QueueFilter filter, ConsoleUser user) {
        Instant now = clock.instant();
        boolean secondLineOnly = onlyEscalated(user);
        Map<String, String> resellerNames = new HashMap<>();
        Map<String, String> resellersSeen = new TreeMap<>();
        Map<String, String> customersSeen = new TreeMap<>();
        List<Row> queue = new ArrayList<>();
        List<Row> triage = new ArrayList<>();
        int open = 0;
        for (Ticket ticket : tickets.queue()) {
            // R17: the second line works only what was escalated to it, the same rule as the API's
            if (secondLineOnly && !tickets.escalatedToSecondLine(ticket)) {
                continue;
            }
            open++;
            String reseller = ticket.resellerId() == null
                    ? ""
                    : resellerNames.computeIfAbsent(ticket.resellerId(), this::resellerName);
            if (ticket.resellerId() != null) {
                resellersSeen.put(ticket.resellerId(), reseller);
            }
            if (ticket.customerId() != null) {
                customersSeen.put(ticket.customerId(), name(ticket));
            }
            if (!filter.admits(ticket)) {
                continue;
            }
            Row row = row(ticket, reseller, now);
            if (filter.breached() && !breached(row)) {
                continue;
            }
            (ticket.triage() ? triage : queue).add(row);
        }
        return new Model(
                queue,
                triage,
                filter,
                options(
                        Map.of("P1", "P1", "P2", "P2", "P3", "P3"),
                        filter.priority() == null ? null : filter.priority().name()),
                options(resellersSeen, filter.reseller()),
                options(customersSeen, filter.customer()),
                levels(filter),
                "/console/" + filter.query(),
                now,
                open);
    }

    private Row row(Ticket ticket, String reseller, Instant now) {
        ClockResult clocks = ticket.isTimed() ? tickets.clocksOf(ticket) : null;
        Deadline response = clocks == null
                ? Deadline.of("Reactie", null, null, null, false, false, now)
                : Deadline.response(ticket, clocks, now);
        Deadline restore = clocks == null
                ? Deadline.of("Herstel", null, null, null, false, false, now)
                : Deadline.restore(ticket, clocks, now);
        return new Row(
                ticket,
                name(ticket),
                reseller,
                ConsoleText.channel(ticket.channel()),
                ConsoleText.duration(Duration.between(ticket.createdAt(), now)),
                response,
                restore,
                ConsoleText.pausedSince(ticket.timeline()));
    }

    private static boolean breached(Row row) {
        return row.response().state() == Deadline.State.BREACHED
                || row.restore().state() == Deadline.State.BREACHED;
    }

    private static String name(Ticket ticket) {
        if (ticket.customerName() != null) {
            return ticket.customerName();
        }
        return ticket.reporter() == null ? "onbekende melder" : "onbekend: " + ticket.reporter();
    }

    private String resellerName(String id) {
        return directory.reseller(id).map(Reseller::name).orElse("onbekende reseller");
    }

    private static List<Option> options(Map<String, String> values, String selected) {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e ->
                                new Option(e.getKey(), e.getValue(), e.getKey().equals(selected)))
                        .toList();
    }

    private static List<Option> levels(QueueFilter filter) {
        List<Option> out = new ArrayList<>();
        for (SlaLevel level : SlaLevel.values()) {
            out.add(new Option(level.name(), level.name(), level == filter.level()));
        }
        return out;
    }
}
