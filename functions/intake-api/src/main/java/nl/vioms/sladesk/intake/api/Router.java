package nl.vioms.sladesk.intake.api;

import java.time.Clock;
import java.util.List;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.watch.EscalationRules;

/**
 * Dispatches on the route key of template.yaml's routes. Every route but {@code GET /health}
 * needs a bearer token, checked before anything else; a 403 is logged with the token's name.
 */
final class Router {
    /** The escalations that reach the second line (R17): a ticket with one of these in the outbox is its. */
    private static final List<String> SECOND_LINE_KINDS = List.of(
            EscalationRules.P1_ESCALATION, EscalationRules.P1_RESTORE_WARNING, EscalationRules.P1_RESTORE_BREACH);

    private final DirectoryStore directory;
    private final TicketStore store;
    private final Clock clock;
    private final HealthRoute health;
    private final PhoneIntakeRoute phone;
    private final TicketRoutes tickets;
    private final PublicStatus status;

    /**
     * @param status the public status page (issue 19)
     * @param store the ticket store whose outbox records what was escalated ({@code <number>#p1-...})
     * @param times the request's instants and their back-dating limits
     */
    Router(
            DirectoryStore directory,
            TicketService tickets,
            TicketStore store,
            RequestTimes times,
            HealthRoute health,
            Clock clock,
            PolicySet policies,
            PublicStatus status) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
        this.health = health;
        this.phone = new PhoneIntakeRoute(directory, tickets, times, policies);
        this.tickets = new TicketRoutes(directory, tickets, times, status::platformServices);
        this.status = status;
    }

    ApiResponse route(ApiRequest request) {
        String route = request.route() == null ? "" : request.route();
        if (route.equals("GET /health")) {
            return health.health();
        }
        // issue 19: the public status page needs no token and shows nothing of any customer
        switch (route) {
            case "GET /status" -> {
                return status.html();
            }
            case "GET /status.json" -> {
                return status.json();
            }
            case "GET /status.atom" -> {
                return status.atom();
            }
            default -> {
                // every other route needs a token
            }
        }
        Caller caller = Caller.authenticate(request, route, directory, clock.instant(), this::escalatedToSecondLine);
        try {
            return switch (route) {
                case "POST /intake/phone" -> phone.phoneIntake(request, caller);
                case "POST /tickets" -> tickets.openTicket(request, caller);
                case "GET /tickets" -> tickets.listTickets(request, caller);
                case "GET /tickets/{number}" -> tickets.getTicket(request, caller);
                case "POST /tickets/{number}/events" -> tickets.addEvent(request, caller);
                case "GET /queue" -> tickets.queue(caller);
                default -> throw ApiError.notFound("no route " + route);
            };
        } catch (ApiError e) {
            if (e.status == 403) {
                Caller.denied(
                        route,
                        403,
                        Caller.nameOf(caller.token()),
                        "scope " + caller.token().scope(),
                        "");
            }
            throw e;
        }
    }

    /** Whether an escalation to the second line is recorded in the outbox for the ticket. */
    private boolean escalatedToSecondLine(Ticket ticket) {
        return store.hasOutbox()
                && SECOND_LINE_KINDS.stream().anyMatch(kind -> store.outboxHas(ticket.number() + "#" + kind));
    }
}
