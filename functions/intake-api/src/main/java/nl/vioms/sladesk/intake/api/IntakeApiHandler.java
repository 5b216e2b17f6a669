package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.tickets.TicketService;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.PhoneNumbers;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0): phone intake, the reseller ticket API, the
 * operations queue and the status page. Routes are declared in template.yaml; this handler
 * dispatches on the route key. Every route but /health needs a bearer token; every error is an
 * RFC 7807 problem body naming what is wrong. A stream entry: the event is read and the response
 * written with jackson-jr, which keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class IntakeApiHandler implements RequestStreamHandler, Resource {
    /** Events may be back-dated (a call logged afterwards) but not put in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final DynamoDbClient dynamo;
    private final String ticketsTable;
    private final DirectoryRepository directory;
    private final TicketService tickets;
    private final Clock clock;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public IntakeApiHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
        // SnapStart: primed before the snapshot (a no-op where there is none)
        Core.getGlobalContext().register(this);
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public IntakeApiHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.dynamo = services.dynamo();
        this.ticketsTable = services.setting(EnvVar.TICKETS_TABLE);
        this.directory = services.directory();
        // a P1 on a 24x7 contract is escalated at creation (R17), so intake writes the outbox too
        this.tickets = services.ticketService();
        this.clock = clock;
        this.invocations = new Invocations(env);
    }

    /**
     * SnapStart priming: requests that change nothing run through the handler once, so the
     * snapshot holds their classes loaded and initialised: the health check (a DescribeTable)
     * and a token that is not there (a directory GetItem that misses, answered 401). Nothing of
     * them stays behind: no ids are made, the clock is read per request, and pooled connections
     * idle longer than their keep-alive are dropped before reuse after a restore.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        primingRequest("GET /health", null);
        primingRequest("GET /queue", "Bearer snapstart-priming-not-a-token");
        PhoneNumbers.toE164("020 123 4567"); // the Dutch numbering metadata
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: clients and credentials renew themselves (see AwsClients); the next
        // invocation is this environment's cold start (priming ran through the handler)
        invocations.coldStartAgain();
    }

    private void primingRequest(String routeKey, String authorization) throws IOException {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("headers", authorization == null ? Map.of() : Map.of("authorization", authorization));
        event.put("isBase64Encoded", false);
        handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> {
            Map<String, Object> request;
            try {
                request = Json.readEvent(event);
            } catch (Json.Invalid e) {
                // API Gateway sends well-formed events; anything else is a caller of the function itself
                throw new IllegalArgumentException("not an HTTP API event: " + e.getMessage(), e);
            }
            Json.writeResult(out, handle(new ApiRequest(request)));
        });
    }

    private ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiError e) {
            return problem(e.status, e.title, e.getMessage());
        } catch (IllegalStateException e) {
            return problem(409, "Conflict", e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad Request", e.getMessage());
        } catch (SdkException e) {
            Log.error("api.store-failed", Map.of("route", String.valueOf(request.route()), "error", String.valueOf(e.getMessage())));
            return problem(503, "Service Unavailable", "the ticket store does not answer; try again (with the same Idempotency-Key or event id a retry is harmless)");
        } catch (RuntimeException e) {
            // without this, Lambda would answer a bare 500 with no problem body
            Log.error("api.unexpected", Map.of("route", String.valueOf(request.route()), "error", e.getClass().getName()
                    + ": " + e.getMessage()));
            return problem(500, "Internal Server Error", "an unexpected error occurred; it has been logged");
        }
    }

    private ApiResponse route(ApiRequest request) {
        String route = request.route() == null ? "" : request.route();
        if (route.equals("GET /health")) return health();
        Caller caller = Caller.authenticate(request, directory);
        return switch (route) {
            case "POST /intake/phone" -> phoneIntake(request, caller);
            case "POST /tickets" -> openTicket(request, caller);
            case "GET /tickets" -> listTickets(request, caller);
            case "GET /tickets/{number}" -> getTicket(request, caller);
            case "POST /tickets/{number}/events" -> addEvent(request, caller);
            case "GET /queue" -> queue(caller);
            default -> throw ApiError.notFound("no route " + route);
        };
    }

    /** Ready when the ticket store answers: what a load balancer or operator checks first. */
    private ApiResponse health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", clock.instant().toString());
        try {
            String status = dynamo.describeTable(b -> b.tableName(ticketsTable)).table().tableStatusAsString();
            body.put("status", "ok");
            body.put("ticketStore", status);
            return json(200, body);
        } catch (SdkException e) {
            Log.error("health.ticket-store-unreachable", Map.of("error", String.valueOf(e.getMessage())));
            return problem(503, "Service Unavailable", "the ticket store does not answer");
        }
    }

    record PhoneCall(String callerNumber, String line, String calledAt, String summary, String priority, String ticket) {
    }

    /** A call on the support line or the out-of-hours number (R7, R8). */
    private ApiResponse phoneIntake(ApiRequest request, Caller caller) {
        caller.require(TokenScope.TELEPHONY, TokenScope.OPERATIONS);
        PhoneCall call = request.body(PhoneCall.class);
        String number = PhoneNumbers.toE164(call.callerNumber())
                .orElseThrow(() -> ApiError.badRequest("callerNumber '" + call.callerNumber() + "' is not a phone number"));
        String line = call.line() == null ? "support" : call.line();
        if (!line.equals("support") && !line.equals("out-of-hours")) {
            throw ApiError.badRequest("line must be support or out-of-hours, not '" + line + "'");
        }
        Instant at = instant("calledAt", call.calledAt());
        if (call.ticket() != null) {
            // a phone report on an existing ticket: from now on A/HA run 24x7 (R7)
            var event = new TicketEvent("phone-" + at.toEpochMilli(), EventKind.PHONE_REPORT, at, caller.actor(),
                    "phone:" + line, Map.of("caller", number, "text", nullToEmpty(call.summary())));
            var view = tickets.record(call.ticket(), event)
                    .orElseThrow(() -> ApiError.notFound("no ticket " + call.ticket()));
            return json(200, TicketJson.full(view));
        }
        if (call.summary() == null || call.summary().isBlank()) throw ApiError.badRequest("summary is required");
        Customer customer = directory.customerByPhone(number).orElse(null);
        Report report = new Report(TicketKind.INCIDENT, Channel.PHONE, at, number, firstLine(call.summary()), call.summary(),
                call.priority(), null, "phone:" + line, caller.actor());
        // the same call logged twice is one ticket: keyed on the caller and the call's time, or the
        // client's Idempotency-Key (without calledAt the time is "now", so send the key on retries)
        String key = request.header("idempotency-key");
        var opened = tickets.open(report, customer, "phone#" + number + "#" + (key != null ? key : at.toEpochMilli()));
        return created(opened);
    }

    record NewTicketRequest(String customer, String kind, String subject, String description, String priority, String service) {
    }

    /** A reseller opens an incident or RFC for one of its own customers (R8). */
    private ApiResponse openTicket(ApiRequest request, Caller caller) {
        caller.require(TokenScope.RESELLER, TokenScope.OPERATIONS);
        NewTicketRequest body = request.body(NewTicketRequest.class);
        if (body.customer() == null) throw ApiError.badRequest("customer is required");
        if (body.subject() == null || body.subject().isBlank()) throw ApiError.badRequest("subject is required");
        Customer customer = directory.customer(body.customer())
                .filter(c -> caller.token().scope() != TokenScope.RESELLER || c.resellerId().equals(caller.token().resellerId()))
                .orElseThrow(() -> ApiError.notFound("no customer " + body.customer()));
        TicketKind kind = switch (body.kind() == null ? "incident" : body.kind()) {
            case "incident" -> TicketKind.INCIDENT;
            case "rfc" -> TicketKind.RFC;
            default -> throw ApiError.badRequest("kind must be incident or rfc, not '" + body.kind() + "'");
        };
        String key = request.header("idempotency-key");
        String source = "api#" + (caller.token().resellerId() == null ? "ops" : caller.token().resellerId()) + "#"
                + (key == null ? UUID.randomUUID() : key);
        Report report = new Report(kind, Channel.API, now(), caller.actor(), body.subject(), body.description(),
                body.priority(), body.service(), "api", caller.actor());
        return created(tickets.open(report, customer, source));
    }

    private ApiResponse listTickets(ApiRequest request, Caller caller) {
        String status = request.query("status");
        if (status != null && !status.equals("open")) throw ApiError.badRequest("status must be open (closed tickets are listed by month-end reports)");
        var list = caller.token().scope() == TokenScope.RESELLER
                ? tickets.repository().openForReseller(caller.token().resellerId())
                : tickets.repository().queue();
        return json(200, Map.of("tickets", list.stream().map(TicketJson::summary).toList()));
    }

    private ApiResponse getTicket(ApiRequest request, Caller caller) {
        var view = visibleTicket(request.pathParameter("number"), caller);
        if (request.wantsHtml()) {
            return ApiResponse.of(200, "text/html; charset=utf-8", StatusPage.render(view));
        }
        return json(200, TicketJson.full(view));
    }

    record EventRequest(String kind, String at, String note, String priority, String reason, String id,
                        String customer, String service) {
    }

    /** Operations record what happened; each event recomputes the clocks. */
    private ApiResponse addEvent(ApiRequest request, Caller caller) {
        caller.require(TokenScope.OPERATIONS, TokenScope.SECOND_LINE);
        String number = request.pathParameter("number");
        visibleTicket(number, caller); // 404 for a ticket that is not there, before the body is judged
        EventRequest body = request.body(EventRequest.class);
        if (body.kind() == null) throw ApiError.badRequest("kind is required");
        EventKind kind;
        try {
            kind = EventKind.fromWireName(body.kind());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (kind == EventKind.CREATED || kind == EventKind.SLA_WARNING || kind == EventKind.SLA_BREACH) {
            throw ApiError.badRequest("kind " + kind.wireName() + " is recorded by SLA Desk itself");
        }
        if (caller.token().scope() == TokenScope.SECOND_LINE && kind != EventKind.SECOND_LINE_ACK) {
            throw new ApiError(403, "Forbidden", "a second-line token may only add second-line-ack");
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (body.note() != null) data.put("text", body.note());
        if (body.priority() != null) data.put("priority", body.priority().toUpperCase(Locale.ROOT));
        if (body.reason() != null) data.put("reason", body.reason());
        if (kind == EventKind.ASSIGNED) data.putAll(assignment(body));
        // the caller's ids live in their own namespace: they can never meet SLA Desk's own event ids
        String id = "api-" + (body.id() != null ? body.id()
                : request.header("idempotency-key") != null ? request.header("idempotency-key") : UUID.randomUUID().toString());
        var event = new TicketEvent(id, kind, instant("at", body.at()), caller.actor(), "api", data);
        var view = tickets.record(number, event).orElseThrow(() -> ApiError.notFound("no ticket " + number));
        return json(200, TicketJson.full(view));
    }

    /** The directory's facts an assignment carries, so the history alone rebuilds the ticket. */
    private Map<String, String> assignment(EventRequest body) {
        if (body.customer() == null) throw ApiError.badRequest("assigned needs customer");
        Customer customer = directory.customer(body.customer())
                .orElseThrow(() -> ApiError.notFound("no customer " + body.customer()));
        var service = body.service() != null
                ? customer.service(body.service()).orElseThrow(() -> ApiError.badRequest("customer " + customer.id() + " has no service " + body.service()))
                : customer.mainService().orElseThrow(() -> ApiError.badRequest("customer " + customer.id() + " has no service"));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("customer", customer.id());
        data.put("customerName", customer.name());
        data.put("reseller", customer.resellerId());
        data.put("level", customer.level().name());
        data.put("service", service.id());
        data.put("serviceKind", service.kind().wireName());
        return data;
    }

    /** Open tickets in the order they are handled (R11): priority, then time of reporting. */
    private ApiResponse queue(Caller caller) {
        caller.require(TokenScope.OPERATIONS, TokenScope.TELEPHONY);
        return json(200, Map.of("tickets", tickets.repository().queue().stream().map(TicketJson::summary).toList()));
    }

    private TicketService.View visibleTicket(String number, Caller caller) {
        if (!TicketNumber.isValid(number)) throw ApiError.notFound("no ticket " + number);
        return tickets.view(number).filter(v -> caller.maySee(v.ticket()))
                .orElseThrow(() -> ApiError.notFound("no ticket " + number));
    }

    /** Received now, to the millisecond (what people and logs can match). */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private Instant instant(String field, String text) {
        Instant now = now();
        if (text == null) return now;
        Instant at;
        try {
            at = java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + " '" + text + "' is not an ISO-8601 time with offset, e.g. 2026-11-26T09:12:00+01:00");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) throw ApiError.badRequest(field + " '" + text + "' is in the future");
        return at;
    }

    private static ApiResponse created(TicketService.Opened opened) {
        return json(opened.duplicate() ? 200 : 201, TicketJson.summary(opened.ticket()))
                .withHeaders(Map.of("content-type", "application/json", "location", "/tickets/" + opened.ticket().number()));
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static ApiResponse json(int status, Object body) {
        return ApiResponse.of(status, "application/json", Json.write(body));
    }

    static ApiResponse problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return ApiResponse.of(status, "application/problem+json", Json.write(body));
    }
}
