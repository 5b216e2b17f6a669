package nl.vioms.sladesk.intake.api;

import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketService;

/**
 * Dispatches on the route key of template.yaml's routes. Every route but {@code GET /health}
 * needs a bearer token, checked before anything else.
 */
final class Router {
    private final DirectoryStore directory;
    private final HealthRoute health;
    private final PhoneIntakeRoute phone;
    private final TicketRoutes tickets;

    Router(DirectoryStore directory, TicketService tickets, RequestTimes times, HealthRoute health) {
        this.directory = directory;
        this.health = health;
        this.phone = new PhoneIntakeRoute(directory, tickets, times);
        this.tickets = new TicketRoutes(directory, tickets, times);
    }

    ApiResponse route(ApiRequest request) {
        String route = request.route() == null ? "" : request.route();
        if (route.equals("GET /health")) {
            return health.health();
        }
        Caller caller = Caller.authenticate(request, directory);
        return switch (route) {
            case "POST /intake/phone" -> phone.phoneIntake(request, caller);
            case "POST /tickets" -> tickets.openTicket(request, caller);
            case "GET /tickets" -> tickets.listTickets(request, caller);
            case "GET /tickets/{number}" -> tickets.getTicket(request, caller);
            case "POST /tickets/{number}/events" -> tickets.addEvent(request, caller);
            case "GET /queue" -> tickets.queue(caller);
            default -> throw ApiError.notFound("no route " + route);
        };
    }
}
