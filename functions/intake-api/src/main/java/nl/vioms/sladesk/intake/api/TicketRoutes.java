package nl.vioms.sladesk.intake.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.EventRequest;
import nl.vioms.sladesk.app.tickets.MajorIncidentData;
import nl.vioms.sladesk.app.tickets.ResellerTickets;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketNumber;

/**
 * The ticket routes: resellers open and read their tickets (R8), operations and the second line
 * record what happens, and operations and telephony see the work queue (R11).
 */
final class TicketRoutes {
    private final DirectoryStore directory;
    private final TicketService tickets;
    private final RequestTimes times;
    private final PlatformServices platforms;

    TicketRoutes(DirectoryStore directory, TicketService tickets, RequestTimes times, PlatformServices platforms) {
        this.directory = directory;
        this.tickets = tickets;
        this.times = times;
        this.platforms = platforms;
    }

    /** The platform services operations may declare a major incident of (issue 19): the monitored ones. */
    interface PlatformServices {
        List<MonitoredService> platformServices();
    }

    /** A public update is read by every affected customer: one readable paragraph or a few, no more. */
    static final int MAX_PUBLIC_UPDATE = 2_000;

    record NewTicketRequest(
            String customer, String kind, String subject, String description, String priority, String service) {}

    /** {@code POST /tickets}: a reseller opens an incident or RFC for one of its own customers (R8). */
    ApiResponse openTicket(ApiRequest request, Caller caller) {
        caller.require(TokenScope.RESELLER, TokenScope.OPERATIONS);
        NewTicketRequest body = request.body(NewTicketRequest.class);
        if (body.customer() == null) {
            throw ApiError.badRequest("customer is required");
        }
        if (body.subject() == null || body.subject().isBlank()) {
            throw ApiError.badRequest("subject is required");
        }
        Customer customer = directory
                .customer(body.customer())
                .filter(c -> caller.token().scope() != TokenScope.RESELLER
                        || c.resellerId().equals(caller.token().resellerId()))
                .orElseThrow(() -> ApiError.notFound("no customer " + body.customer()));
        TicketKind kind = switch (body.kind() == null ? "incident" : body.kind()) {
            case "incident" -> TicketKind.INCIDENT;
            case "rfc" -> TicketKind.RFC;
            default -> throw ApiError.badRequest("kind must be incident or rfc, not '" + body.kind() + "'");
        };
        String key = ClientIds.idempotencyKey(request);
        String source = "api#"
                + (caller.token().resellerId() == null ? "ops" : caller.token().resellerId()) + "#"
                + (key == null ? UUID.randomUUID() : key);
        // one place for the API and the portal (issue 18): the same number, clocks, linking and mail
        var asked = new ResellerTickets.Request(
                kind, body.subject(), body.description(), body.priority(), body.service(), caller.actor(), "api");
        Report report = asked.report(times.now());
        var opened = ResellerTickets.open(tickets, asked, customer, report.at(), source);
        ReusedKeys.check(key, opened, tickets, report, customer.id());
        return caller.token().scope() == TokenScope.RESELLER
                ? created(opened, ResellerView.summary(opened.ticket()))
                : created(opened);
    }

    /** {@code GET /tickets?status=open}: a reseller's own open tickets; everything open for the others. */
    ApiResponse listTickets(ApiRequest request, Caller caller) {
        String status = request.query("status");
        if (status != null && !status.equals("open")) {
            throw ApiError.badRequest("status must be open (closed tickets are listed by month-end reports)");
        }
        if (caller.token().scope() == TokenScope.RESELLER) {
            var own = tickets.openForReseller(caller.token().resellerId());
            return Problems.json(
                    200,
                    Map.of("tickets", own.stream().map(ResellerView::summary).toList()));
        }
        return Problems.json(
                200,
                Map.of(
                        "tickets",
                        tickets.queue().stream()
                                .filter(caller::maySee) // the second line: its own
                                .map(TicketJson::summary)
                                .toList()));
    }

    /**
     * {@code GET /tickets/{number}}: the ticket, its clocks and history, or its status page. A
     * reseller reads in JSON the facts of its status page ({@link ResellerView}); the others the full view.
     */
    ApiResponse getTicket(ApiRequest request, Caller caller) {
        var view = visibleTicket(request.pathParameter("number"), caller);
        if (request.wantsHtml()) {
            return ApiResponse.of(200, "text/html; charset=utf-8", StatusPage.render(view, names(view.ticket())));
        }
        return Problems.json(
                200,
                caller.token().scope() == TokenScope.RESELLER
                        ? ResellerView.json(view, names(view.ticket()))
                        : full(view));
    }

    /** The full view; a major incident's with the live number of reports linked to it (issue 19). */
    private Map<String, Object> full(TicketService.View view) {
        Map<String, Object> out = TicketJson.full(view);
        if (view.ticket().isMajor()) {
            out.put("linkedReports", tickets.linkedReports(view.ticket().number()));
        }
        return out;
    }

    /** The directory's names of the ticket's reseller and service (issue 20 item 8); null where unknown. */
    private ResellerView.Names names(Ticket ticket) {
        String reseller = ticket.resellerId() == null
                ? null
                : directory.reseller(ticket.resellerId()).map(Reseller::name).orElse(null);
        String service = ticket.customerId() == null || ticket.serviceId() == null
                ? null
                : directory
                        .customer(ticket.customerId())
                        .flatMap(c -> c.service(ticket.serviceId()))
                        .map(ServiceRef::name)
                        .orElse(null);
        return new ResellerView.Names(reseller, service);
    }

    record EventBody(
            String kind,
            String at,
            String note,
            String priority,
            String reason,
            String id,
            String customer,
            String service,
            String backdateReason,
            String text,
            List<String> recipients,
            String parent) {}

    /** {@code POST /tickets/{number}/events}: operations record what happened; each event recomputes the clocks. */
    ApiResponse addEvent(ApiRequest request, Caller caller) {
        caller.require(TokenScope.OPERATIONS, TokenScope.SECOND_LINE);
        String number = request.pathParameter("number");
        // 404 for a ticket that is not there, before the body is judged
        String customer = visibleTicket(number, caller).ticket().customerId();
        EventBody body = request.body(EventBody.class);
        EventKind kind = EventRequest.recordable(body.kind());
        if (caller.token().scope() == TokenScope.SECOND_LINE && kind != EventKind.SECOND_LINE_ACK) {
            throw new ApiError(403, "Forbidden", "a second-line token may only add second-line-ack");
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (isMajorKind(kind)) {
            caller.require(TokenScope.OPERATIONS); // issue 19: operations' own decisions
            data.putAll(majorData(kind, body, visibleTicket(number, caller).ticket()));
        } else if (body.parent() != null) {
            throw ApiError.badRequest("parent belongs to a link only");
        }
        if (body.note() != null && body.text() != null) {
            throw ApiError.badRequest("give note or text, not both");
        }
        // the same checks as the console's forms (EventRequest in shared/app)
        String text = body.text() != null ? body.text() : body.note();
        // a major incident's own text wins over the body's (issue 19)
        new EventRequest(kind, text, body.priority(), body.reason(), body.customer(), body.service(), body.recipients())
                .data(directory)
                .forEach((field, value) -> {
                    if (field.equals("text")) {
                        data.putIfAbsent(field, value);
                    } else {
                        data.put(field, value);
                    }
                });
        // the caller's ids live in their own namespace: they can never meet SLA Desk's own event ids
        String key = ClientIds.idempotencyKey(request);
        String id = "api-"
                + (body.id() != null
                        ? ClientIds.check("id", body.id())
                        : key != null ? key : UUID.randomUUID().toString());
        Instant at = times.instant("at", body.at(), caller, body.backdateReason(), () -> customer);
        if (body.backdateReason() != null) {
            data.put(RequestTimes.REASON, body.backdateReason());
        }
        var event = new TicketEvent(id, kind, at, caller.actor(), "api", data);
        var view = tickets.record(number, event).orElseThrow(() -> ApiError.notFound("no ticket " + number));
        return Problems.json(200, full(view));
    }

    private static boolean isMajorKind(EventKind kind) {
        return kind == EventKind.DECLARE_MAJOR
                || kind == EventKind.LINK
                || kind == EventKind.UNLINK
                || kind == EventKind.PUBLIC_UPDATE;
    }

    /**
     * The data of a major-incident event (issue 19), checked before anything is stored: a
     * declaration names a monitored platform service that carries the ticket's service kind (R21);
     * a link names a ticket; a public update is readable text for every customer.
     */
    private Map<String, String> majorData(EventKind kind, EventBody body, Ticket ticket) {
        Map<String, String> data = new LinkedHashMap<>();
        switch (kind) {
            case DECLARE_MAJOR -> {
                String key = body.service() != null
                        ? body.service()
                        : ticket.customerId() != null && ticket.customerId().startsWith("platform:")
                                ? ticket.customerId()
                                : null;
                if (key == null) {
                    throw ApiError.badRequest("declare-major needs service, the platform service (platform:...)");
                }
                MonitoredService platform = platforms.platformServices().stream()
                        .filter(MonitoredService::isPlatformWide)
                        .filter(p -> p.key().equals(key))
                        .findFirst()
                        .orElseThrow(() -> ApiError.badRequest("service '" + Texts.oneLine(key)
                                + "' is no platform service; the platform services: "
                                + String.join(
                                        ", ",
                                        platforms.platformServices().stream()
                                                .filter(MonitoredService::isPlatformWide)
                                                .map(MonitoredService::key)
                                                .toList())));
                if (!platform.carries().contains(ticket.serviceKind())) {
                    throw new ApiError(
                            409,
                            "Conflict",
                            "ticket " + ticket.number() + " is about "
                                    + ticket.serviceKind().wireName() + ", which " + platform.name()
                                    + " does not carry (R21)");
                }
                data.put(TicketLifecycle.MAJOR_SERVICE, platform.key());
                data.put(MajorIncidentData.SERVICE_NAME, platform.name());
                data.put(MajorIncidentData.CARRIES, MajorIncidentData.carries(platform.carries()));
            }
            case LINK -> {
                if (body.parent() == null || !TicketNumber.isValid(body.parent())) {
                    throw ApiError.badRequest("link needs parent, the number of a major incident (VIO-yyyy-nnnnnn)");
                }
                data.put(TicketLifecycle.PARENT, body.parent());
            }
            case PUBLIC_UPDATE -> data.put("text", publicText(body.text() != null ? body.text() : body.note()));
            default -> {
                // unlink: nothing more
            }
        }
        return data;
    }

    /** A public update's text: 1 to {@value #MAX_PUBLIC_UPDATE} characters, no control characters but line breaks. */
    static String publicText(String text) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("public-update needs text");
        }
        if (text.length() > MAX_PUBLIC_UPDATE) {
            throw ApiError.badRequest("public-update text is " + text.length() + " characters; at most "
                    + MAX_PUBLIC_UPDATE + " (every affected customer reads it)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0) || Texts.isBidiControl(c);
            if (control) {
                throw ApiError.badRequest(String.format(
                        "public-update text has a control character (U+%04X) at %d; plain text and line breaks only",
                        (int) c, i));
            }
        }
        return text.strip();
    }

    /** {@code GET /queue}: open tickets in the order they are handled (R11): priority, then time of reporting. */
    ApiResponse queue(Caller caller) {
        caller.require(TokenScope.OPERATIONS, TokenScope.TELEPHONY);
        return Problems.json(
                200,
                Map.of(
                        "tickets",
                        tickets.queue().stream()
                                .filter(caller::maySee) // the second line: its own
                                .map(TicketJson::summary)
                                .toList()));
    }

    private TicketService.View visibleTicket(String number, Caller caller) {
        if (!TicketNumber.isValid(number)) {
            throw ApiError.notFound("no ticket " + number);
        }
        return tickets.view(number)
                .filter(v -> caller.maySee(v.ticket()))
                .orElseThrow(() -> ApiError.notFound("no ticket " + number));
    }

    /** 201 with the new ticket; 200 when the source had been taken in before. */
    static ApiResponse created(TicketService.Opened opened) {
        return created(opened, TicketJson.summary(opened.ticket()));
    }

    private static ApiResponse created(TicketService.Opened opened, Map<String, Object> body) {
        return Problems.json(opened.duplicate() ? 200 : 201, body)
                .withHeaders(Map.of(
                        "content-type",
                        "application/json",
                        "location",
                        "/tickets/" + opened.ticket().number()));
    }
}
