package nl.vioms.sladesk.intake.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.PhoneNumbers;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.time.Amsterdam;

/** {@code POST /intake/phone}: a call on the support line or the out-of-hours number (R7, R8). */
final class PhoneIntakeRoute {
    private final DirectoryStore directory;
    private final TicketService tickets;
    private final RequestTimes times;
    private final PolicySet policies;

    PhoneIntakeRoute(DirectoryStore directory, TicketService tickets, RequestTimes times, PolicySet policies) {
        this.directory = directory;
        this.tickets = tickets;
        this.times = times;
        this.policies = policies;
    }

    record PhoneCall(
            String callerNumber,
            String line,
            String calledAt,
            String summary,
            String priority,
            String ticket,
            String backdateReason) {}

    ApiResponse phoneIntake(ApiRequest request, Caller caller) {
        caller.require(TokenScope.TELEPHONY, TokenScope.OPERATIONS);
        PhoneCall call = request.body(PhoneCall.class);
        String number = PhoneNumbers.toE164(call.callerNumber())
                .orElseThrow(
                        () -> ApiError.badRequest("callerNumber '" + call.callerNumber() + "' is not a phone number"));
        String line = call.line() == null ? "support" : call.line();
        if (!line.equals("support") && !line.equals("out-of-hours")) {
            throw ApiError.badRequest("line must be support or out-of-hours, not '" + line + "'");
        }
        Instant at = times.instant(
                "calledAt",
                call.calledAt(),
                caller,
                call.backdateReason(),
                () -> call.ticket() != null
                        ? tickets.view(call.ticket())
                                .map(v -> v.ticket().customerId())
                                .orElse(null)
                        : directory.customerByPhone(number).map(Customer::id).orElse(null));
        if (policies.find(at.atZone(Amsterdam.ZONE).toLocalDate()).isEmpty()) {
            // refused before anything is claimed: no SLA policy can time a call of that day (issue 15 item 7)
            throw ApiError.badRequest("calledAt '" + call.calledAt() + "' is before any SLA policy is valid");
        }
        if (call.ticket() != null) {
            // a phone report on an existing ticket: from now on A/HA run 24x7 (R7)
            var event = new TicketEvent(
                    "phone-" + at.toEpochMilli(),
                    EventKind.PHONE_REPORT,
                    at,
                    caller.actor(),
                    "phone:" + line,
                    backdated(Map.of("caller", number, "text", nullToEmpty(call.summary())), call.backdateReason()));
            var view = tickets.record(call.ticket(), event)
                    .orElseThrow(() -> ApiError.notFound("no ticket " + call.ticket()));
            return Problems.json(200, TicketJson.full(view));
        }
        if (call.summary() == null || call.summary().isBlank()) {
            throw ApiError.badRequest("summary is required");
        }
        Customer customer = directory.customerByPhone(number).orElse(null);
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                at,
                number,
                firstLine(call.summary()),
                call.summary(),
                call.priority(),
                null,
                "phone:" + line,
                caller.actor());
        // the same call logged twice is one ticket: keyed on the caller and the call's time, or the
        // client's Idempotency-Key (without calledAt the time is "now", so send the key on retries)
        String key = ClientIds.idempotencyKey(request);
        var opened = tickets.open(report, customer, "phone#" + number + "#" + (key != null ? key : at.toEpochMilli()));
        ReusedKeys.check(key, opened, tickets, report, customer == null ? null : customer.id());
        if (call.backdateReason() != null && !opened.duplicate()) {
            // the override stays on record: an internal note beside the back-dated creation
            tickets.record(
                    opened.ticket().number(),
                    new TicketEvent(
                            "backdate-" + at.toEpochMilli(),
                            EventKind.NOTE,
                            times.now(),
                            caller.actor(),
                            "api",
                            backdated(
                                    Map.of("text", "calledAt " + call.calledAt() + " back-dated"),
                                    call.backdateReason())));
        }
        return TicketRoutes.created(opened);
    }

    /** Event data with the operations' reason for a back-dated time, when there is one. */
    static Map<String, String> backdated(Map<String, String> data, String reason) {
        if (reason == null) {
            return data;
        }
        Map<String, String> with = new LinkedHashMap<>(data);
        with.put(RequestTimes.REASON, reason);
        return with;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
