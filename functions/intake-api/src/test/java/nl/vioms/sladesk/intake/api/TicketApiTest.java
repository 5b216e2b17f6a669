package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The intake API end to end: the handler built from template.yaml's environment, fed the sample
 * events of events/intake-api, against the DynamoDB emulator with the demo directory seeded.
 * Deadlines are worked out by hand from SLA-RULES.md.
 */
@ExtendWith(AwsEmulators.class)
class TicketApiTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam (UTC+1). */
    private static final Instant START = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(START);
    private static IntakeApiHandler handler;

    @BeforeEach
    void resetClock() {
        CLOCK.set(START);
    }

    @BeforeAll
    static void seedDirectory(LocalAws aws) throws Exception {
        var env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
    }

    @Test
    void aPhoneCallFromAKnownNumberOpensAP1WithOfficeHoursDeadlines() throws Exception {
        var response = call(ApiSample.of("post-intake-phone.json").withBody(uniqueCall("2026-11-26T10:05:00+01:00")));

        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode ticket = ApiSample.json(response);
        String number = ticket.get("number").asText();
        assertTrue(number.matches("VIO-2026-\\d{6}"), number);
        assertEquals("/tickets/" + number, response.getHeaders().get("location"));
        assertEquals("bakkerij-devries", ticket.get("customer").asText(), "020 123 4567 -> +31201234567 -> customer");
        assertEquals("P1", ticket.get("priority").asText());
        assertTrue(
                ticket.get("priorityReason").asText().contains("niemand kan bellen"),
                ticket.get("priorityReason").asText());

        JsonNode clocks = ApiSample.json(call(ApiSample.getTicket(number, "demo-ops-token")))
                .get("clocks");
        // level N (office hours), P1, reported Thu 26 Nov 10:05 (R5, R14):
        //   response 4 office hours -> 14:05; start work 2 -> 12:05;
        //   restore 8: 10:05-17:30 is 7 h 25, the last 35 min on Fri 27 Nov from 09:00 -> 09:35
        //   warning at 6 h -> 16:05; acknowledge 24 clock hours -> Fri 10:05 (R12)
        assertEquals("2026-11-26T14:05:00+01:00", clocks.get("responseDue").asText());
        assertEquals("2026-11-26T12:05:00+01:00", clocks.get("startWorkDue").asText());
        assertEquals("2026-11-27T09:35:00+01:00", clocks.get("restoreDue").asText());
        assertEquals("2026-11-26T16:05:00+01:00", clocks.get("restoreWarningAt").asText());
        assertEquals("2026-11-27T10:05:00+01:00", clocks.get("acknowledgeDue").asText());
    }

    /** Issue 21: each ticket opened is one TicketsOpened data point by channel and priority; a repeat is none. */
    @Test
    void aTicketOpenedIsCountedByChannelAndPriorityAndARepeatIsNot() {
        String body = uniqueCall("2026-11-26T10:02:00+01:00");
        var phone = LogCapture.capture(
                () -> call(ApiSample.of("post-intake-phone.json").withBody(body)));
        var repeat = LogCapture.capture(
                () -> call(ApiSample.of("post-intake-phone.json").withBody(body)));
        var api = LogCapture.capture(() ->
                call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "metrics-" + UUID.randomUUID())));

        Map<String, Object> opened = opened(phone.lines());
        assertEquals(1, opened.get("TicketsOpened"));
        assertEquals("PHONE", opened.get("channel"));
        assertEquals("P1", opened.get("priority"));
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = (Map<String, Object>) opened.get("_aws");
        assertEquals(
                List.of(Map.of(
                        "Namespace",
                        "SlaDesk",
                        "Dimensions",
                        List.of(List.of("channel", "priority")),
                        "Metrics",
                        List.of(Map.of("Name", "TicketsOpened", "Unit", "Count")))),
                declared.get("CloudWatchMetrics"));
        assertTrue(
                repeat.lines().stream().noneMatch(l -> "ticket.opened".equals(l.get("event"))),
                "the same call again opens nothing");
        assertEquals("API", opened(api.lines()).get("channel"));
    }

    private static Map<String, Object> opened(List<Map<String, Object>> lines) {
        return lines.stream()
                .filter(l -> "ticket.opened".equals(l.get("event")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ticket.opened in " + lines));
    }

    @Test
    void theSameCallTakenInTwiceIsOneTicket() throws Exception {
        String body = uniqueCall("2026-11-26T09:40:00+01:00");
        var first = call(ApiSample.of("post-intake-phone.json").withBody(body));
        var second = call(ApiSample.of("post-intake-phone.json").withBody(body));

        assertEquals(201, first.getStatusCode());
        assertEquals(200, second.getStatusCode(), "a repeat is no new ticket");
        assertEquals(ApiSample.json(first).get("number"), ApiSample.json(second).get("number"));
    }

    @Test
    void anUnknownCallerStillBecomesATicketFlaggedForTriage() throws Exception {
        var response = call(ApiSample.of("post-intake-phone.json")
                .withBody("{\"callerNumber\":\"06 12345678\",\"calledAt\":\"2026-11-26T10:00:00+01:00\","
                        + "\"summary\":\"Vraag over voicemail\"}"));

        assertEquals(201, response.getStatusCode(), response.getBody());
        assertTrue(ApiSample.json(response).get("triage").asBoolean());
        assertTrue(ApiSample.json(response).get("customer").isNull());
    }

    @Test
    void operationsAssignATriageTicketAndItsDeadlinesFollowTheCustomersLevel() throws Exception {
        String number = ApiSample.json(call(ApiSample.of("post-intake-phone.json")
                        .withBody("{\"callerNumber\":\"06 87654321\","
                                + "\"calledAt\":\"2026-11-26T10:03:00+01:00\","
                                + "\"summary\":\"Niemand kan bellen in het hotel\"}")))
                .get("number")
                .asText();
        // triage: level N, P1 by phone at Thu 10:03 -> response 4 office hours -> 14:03
        assertEquals(
                "2026-11-26T14:03:00+01:00",
                ApiSample.json(call(ApiSample.getTicket(number, "demo-ops-token")))
                        .get("clocks")
                        .get("responseDue")
                        .asText());
        assertEquals(
                404, call(ApiSample.getTicket(number, "demo-telnet-token")).getStatusCode(), "nobody's ticket yet");

        var assigned = call(ApiSample.postEvent(
                number, "{\"kind\":\"assigned\",\"customer\":\"hotel-gouden-leeuw\",\"service\":\"trunk\"}"));

        assertEquals(200, assigned.getStatusCode(), assigned.getBody());
        JsonNode ticket = ApiSample.json(assigned);
        assertFalse(ticket.get("triage").asBoolean());
        assertEquals("HA", ticket.get("level").asText());
        assertEquals("sip-trunk", ticket.get("serviceKind").asText());
        // HA by phone runs 24x7 from the call (R7), the clock start stays 10:03:
        //   response 2 clock hours -> 12:03; restore 8 -> 18:03
        assertEquals(
                "2026-11-26T12:03:00+01:00",
                ticket.get("clocks").get("responseDue").asText());
        assertEquals(
                "2026-11-26T18:03:00+01:00",
                ticket.get("clocks").get("restoreDue").asText());
        assertEquals(
                200,
                call(ApiSample.getTicket(number, "demo-telnet-token")).getStatusCode(),
                "now the reseller's ticket");
        assertProblem(
                call(ApiSample.postEvent(number, "{\"kind\":\"assigned\",\"customer\":\"nobody\"}")),
                404,
                "no customer nobody");
    }

    @Test
    void aResellerOpensATicketForItsCustomerAndOnlyItSeesIt() throws Exception {
        var opened = call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "k-" + System.nanoTime()));
        assertEquals(201, opened.getStatusCode(), opened.getBody());
        String number = ApiSample.json(opened).get("number").asText();

        var own = call(ApiSample.getTicket(number, "demo-telnet-token"));
        var other = call(ApiSample.getTicket(number, "demo-belwinkel-token"));
        var ops = call(ApiSample.getTicket(number, "demo-ops-token"));

        assertEquals(200, own.getStatusCode());
        assertEquals(404, other.getStatusCode(), "another reseller's ticket does not exist for them");
        assertEquals(200, ops.getStatusCode());
        JsonNode ticket = ApiSample.json(own);
        assertEquals(
                "P2",
                ticket.get("priority").asText(),
                ticket.get("priorityReason").asText());
        // level HA, created via the API inside office hours (Thu 10:12:30): 24x7 from creation (R7)
        //   P2 response 2 clock hours -> 12:12:30; restore 8 -> 18:12:30
        assertEquals(
                "2026-11-26T12:12:30+01:00",
                ticket.get("clocks").get("responseDue").asText());
        assertEquals(
                "2026-11-26T18:12:30+01:00",
                ticket.get("clocks").get("restoreDue").asText());
        assertEquals("created", ticket.get("history").get(0).get("kind").asText());

        assertTrue(numbers(call(ApiSample.of("get-tickets-open.json"))).contains(number));
        assertFalse(numbers(call(ApiSample.of("get-tickets-open.json").withToken("demo-belwinkel-token")))
                .contains(number));
    }

    @Test
    void theSameIdempotencyKeyOpensOneTicket() throws Exception {
        String key = "telnet-" + System.nanoTime();
        var first = call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", key));
        var again = call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", key));

        assertEquals(201, first.getStatusCode());
        assertEquals(200, again.getStatusCode());
        assertEquals(ApiSample.json(first).get("number"), ApiSample.json(again).get("number"));
    }

    @Test
    void waitingForTheCustomerPausesTheRestoreClockAndTheirReplyResumesIt() throws Exception {
        String number = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "p-" + System.nanoTime())))
                .get("number")
                .asText();

        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        var waiting = call(ApiSample.postEvent(
                number, "{\"kind\":\"waiting-for-customer\",\"at\":\"2026-11-26T11:00:00+01:00\"}"));
        JsonNode paused = ApiSample.json(waiting).get("clocks");
        CLOCK.set(Instant.parse("2026-11-26T10:30:00Z"));
        var replied = call(
                ApiSample.postEvent(number, "{\"kind\":\"customer-replied\",\"at\":\"2026-11-26T11:30:00+01:00\"}"));
        JsonNode resumed = ApiSample.json(replied).get("clocks");

        assertEquals(200, waiting.getStatusCode(), waiting.getBody());
        assertEquals("waiting", ApiSample.json(waiting).get("status").asText());
        assertTrue(paused.get("paused").asBoolean());
        assertTrue(paused.get("restoreDue").isNull(), "no restore deadline while paused (R16)");
        assertEquals(
                "2026-11-26T12:12:30+01:00", paused.get("responseDue").asText(), "the response clock does not pause");
        // HA P2 restore 18:12:30 + the 30 minute pause (R16) -> 18:42:30
        assertEquals("2026-11-26T18:42:30+01:00", resumed.get("restoreDue").asText());
        assertEquals("open", ApiSample.json(replied).get("status").asText());
    }

    @Test
    void reclassifyingToP3DropsTheTargetsAndKeepsTheHistory() throws Exception {
        String number = ApiSample.json(
                        call(ApiSample.of("post-intake-phone.json").withBody(uniqueCall("2026-11-26T10:01:00+01:00"))))
                .get("number")
                .asText();

        var response = call(ApiSample.postEvent(
                number, "{\"kind\":\"reclassified\",\"priority\":\"P3\",\"reason\":\"alleen de kassa-lijn\"}"));

        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode ticket = ApiSample.json(response);
        assertEquals("P3", ticket.get("priority").asText());
        assertTrue(ticket.get("clocks").get("restoreDue").isNull(), "P3 has no restore target (R14)");
        assertTrue(ticket.get("clocks").get("responseDue").isNull());
        assertEquals(
                "2026-11-27T10:01:00+01:00",
                ticket.get("clocks").get("acknowledgeDue").asText(),
                "R12 stays");
        assertEquals("reclassified", ticket.get("history").get(1).get("kind").asText());
        assertTrue(ticket.get("priorityReason").asText().contains("alleen de kassa-lijn"));
    }

    @Test
    void theSecondLineAcknowledgesButMayNotChangeTheTicket() throws Exception {
        // the hotel (HA) on the out-of-hours line: a 24x7 P1, escalated to the second line at creation (R17)
        String number = ApiSample.json(call(ApiSample.of("post-intake-phone.json")
                        .withToken("demo-telephony-token")
                        .withBody("{\"callerNumber\":\"+31 30 765 4321\",\"line\":\"out-of-hours\",\"calledAt\":\""
                                + "2026-11-26T10:11:00+01:00\",\"summary\":\"Niemand kan bellen in het hotel.\"}")))
                .get("number")
                .asText();

        var ack = call(
                ApiSample.postEvent(number, "{\"kind\":\"second-line-ack\",\"note\":\"Opgepakt door de tweede lijn\"}")
                        .withToken("demo-secondline-token"));
        var resolve =
                call(ApiSample.postEvent(number, "{\"kind\":\"resolved\"}").withToken("demo-secondline-token"));
        var forged = call(ApiSample.postEvent(number, "{\"kind\":\"sla-breach\"}"));

        assertEquals(200, ack.getStatusCode(), ack.getBody());
        assertTrue(
                ApiSample.json(ack).get("history").toString().contains("\"kind\":\"second-line-ack\""),
                ApiSample.json(ack).get("history").toString());
        assertProblem(resolve, 403, "second-line token may only add second-line-ack");
        assertProblem(forged, 400, "recorded by SLA Desk itself");
    }

    @Test
    void resolvingTwiceIsAConflict() throws Exception {
        String number = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "r-" + System.nanoTime())))
                .get("number")
                .asText();

        var resolved = call(ApiSample.postEvent(number, "{\"kind\":\"resolved\",\"note\":\"Herstart SBC\"}"));
        var again = call(ApiSample.postEvent(number, "{\"kind\":\"resolved\"}"));

        assertEquals(200, resolved.getStatusCode(), resolved.getBody());
        assertEquals("resolved", ApiSample.json(resolved).get("status").asText());
        assertEquals(409, again.getStatusCode(), again.getBody());
    }

    @Test
    void theQueueListsP1BeforeP2(LocalAws aws) throws Exception {
        String p2 = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "q-" + System.nanoTime())))
                .get("number")
                .asText();
        String p1 = ApiSample.json(
                        call(ApiSample.of("post-intake-phone.json").withBody(uniqueCall("2026-11-26T10:11:00+01:00"))))
                .get("number")
                .asText();

        List<String> queue = numbers(call(ApiSample.of("get-queue.json")));

        assertTrue(queue.indexOf(p1) >= 0 && queue.indexOf(p2) >= 0, queue.toString());
        assertTrue(queue.indexOf(p1) < queue.indexOf(p2), "R11: priority first, though the P1 came later");
        assertEquals(
                403,
                call(ApiSample.of("get-queue.json").withToken("demo-telnet-token"))
                        .getStatusCode());
    }

    @Test
    void theStatusPageIsReadableHtml() throws Exception {
        String number = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "h-" + System.nanoTime())))
                .get("number")
                .asText();

        call(ApiSample.postEvent(number, "{\"kind\":\"note\",\"note\":\"intern: klant belt vaak\"}"));
        call(ApiSample.postEvent(number, "{\"kind\":\"response\",\"note\":\"We kijken ernaar\"}"));
        var page = call(ApiSample.of("get-ticket-html.json").withPath(number));

        assertEquals(200, page.getStatusCode());
        assertEquals("text/html; charset=utf-8", page.getHeaders().get("content-type"));
        assertTrue(
                page.getBody().contains("<h1>" + number + " — Receptie kan niet doorverbinden</h1>"), page.getBody());
        assertTrue(page.getBody().contains("Herstel uiterlijk"));
        assertTrue(page.getBody().contains("<strong>Gemeld</strong>"), "history in the reseller's language");
        assertTrue(
                page.getBody().contains("<strong>Reactie van VIOMS</strong> · VIOMS<br>We kijken ernaar"),
                page.getBody());
        assertFalse(page.getBody().contains("klant belt vaak"), "internal notes stay internal");
        assertFalse(page.getBody().contains("operations:noc"), "staff appear as VIOMS");
        assertTrue(page.getBody().contains("do 26 nov. 2026 18:12"), "deadline in Amsterdam time: " + page.getBody());
    }

    @Test
    void badInputGetsAProblemNamingIt() throws Exception {
        assertProblem(call(ApiSample.of("post-tickets.json").withBody("{\"customer\":")), 400, "invalid JSON");
        assertProblem(
                call(ApiSample.of("post-tickets.json")
                        .withBody("{\"customer\":\"hotel-gouden-leeuw\",\"subject\":\"x\",\"colour\":\"red\"}")),
                400,
                "unknown field 'colour'");
        assertProblem(
                call(ApiSample.of("post-tickets.json")
                        .withBody("{\"customer\":\"hotel-gouden-leeuw\",\"subject\":\"" + "x".repeat(70_000) + "\"}")),
                413,
                "at most 65536");
        assertProblem(call(ApiSample.of("post-tickets.json").withToken(null)), 401, "Bearer");
        assertProblem(call(ApiSample.of("post-tickets.json").withToken("wrong")), 401, "unknown or revoked token");
        assertProblem(
                call(ApiSample.of("post-tickets.json").withBody("{\"customer\":\"tandarts-smit\",\"subject\":\"x\"}")),
                404,
                "no customer tandarts-smit");
        assertProblem(
                call(ApiSample.of("post-intake-phone.json").withBody("{\"callerNumber\":\"12\",\"summary\":\"x\"}")),
                400,
                "callerNumber '12'");
        assertProblem(
                call(ApiSample.of("post-ticket-event.json").withToken("demo-telnet-token")), 403, "reseller token");
        assertProblem(
                call(ApiSample.of("post-ticket-event.json").withPath("VIO-2026-999999")),
                404,
                "no ticket VIO-2026-999999");
        assertProblem(
                call(ApiSample.of("post-intake-phone.json")
                        .withBody("{\"callerNumber\":\"0201234567\","
                                + "\"calledAt\":\"2027-01-01T00:00:00+01:00\",\"summary\":\"x\"}")),
                400,
                "in the future");
    }

    @Test
    void anUnexpectedFailureStillAnswersAProblemBody(LocalAws aws) throws Exception {
        // a customer item that lost its level (hand-edited, half-migrated): reading it throws a NullPointerException
        String table = aws.environmentOf("IntakeApiFunction").require(EnvVar.DIRECTORY_TABLE);
        aws.clients()
                .dynamo()
                .putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromS("CUSTOMER#broken-co"),
                                "sk",
                                AttributeValue.fromS("CUSTOMER"),
                                "id",
                                AttributeValue.fromS("broken-co"),
                                "resellerId",
                                AttributeValue.fromS("telnet"))));

        var response = call(ApiSample.of("post-tickets.json")
                .withToken("demo-ops-token")
                .withBody("{\"customer\":\"broken-co\",\"subject\":\"x\"}"));

        assertProblem(response, 500, "unexpected");
    }

    @Test
    void aBackDatedEventThatContradictsLaterOnesIsRefusedAndTheTicketStaysReadable() throws Exception {
        String number = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "b-" + System.nanoTime())))
                .get("number")
                .asText();
        CLOCK.set(Instant.parse("2026-11-26T10:40:00Z"));
        assertEquals(
                200,
                call(ApiSample.postEvent(
                                number, "{\"kind\":\"waiting-for-customer\",\"at\":\"2026-11-26T11:00:00+01:00\"}"))
                        .getStatusCode());
        assertEquals(
                200,
                call(ApiSample.postEvent(
                                number, "{\"kind\":\"customer-replied\",\"at\":\"2026-11-26T11:30:00+01:00\"}"))
                        .getStatusCode());

        // resolved at 10:45 cannot precede a wait at 11:00: the history would no longer fold
        var backDated =
                call(ApiSample.postEvent(number, "{\"kind\":\"resolved\",\"at\":\"2026-11-26T10:45:00+01:00\"}"));
        var read = call(ApiSample.getTicket(number, "demo-ops-token"));

        assertEquals(409, backDated.getStatusCode(), backDated.getBody());
        assertEquals(200, read.getStatusCode(), read.getBody());
        assertEquals("open", ApiSample.json(read).get("status").asText());
        // HA P2 restore 18:12:30 + the 30 minute pause 11:00-11:30 (R16) -> 18:42:30
        assertEquals(
                "2026-11-26T18:42:30+01:00",
                ApiSample.json(read).get("clocks").get("restoreDue").asText());
    }

    @Test
    void aBackDatedWaitInsideAnEndedPauseLeavesTheListedStatusAsTheHistorySaysIt() throws Exception {
        String number = ApiSample.json(
                        call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "o-" + System.nanoTime())))
                .get("number")
                .asText();
        CLOCK.set(Instant.parse("2026-11-26T10:40:00Z"));
        call(ApiSample.postEvent(number, "{\"kind\":\"waiting-for-customer\",\"at\":\"2026-11-26T11:00:00+01:00\"}"));
        call(ApiSample.postEvent(number, "{\"kind\":\"customer-replied\",\"at\":\"2026-11-26T11:30:00+01:00\"}"));

        // in time order: wait 11:00, wait 11:15 (already waiting), reply 11:30 -> open
        var late = call(ApiSample.postEvent(
                number, "{\"kind\":\"waiting-for-customer\",\"at\":\"2026-11-26T11:15:00+01:00\"}"));

        assertEquals("open", ApiSample.json(late).get("status").asText(), late.getBody());
        JsonNode listed = null;
        for (JsonNode t : ApiSample.json(
                        call(ApiSample.of("get-tickets-open.json").withToken("demo-ops-token")))
                .get("tickets")) {
            if (t.get("number").asText().equals(number)) {
                listed = t;
            }
        }
        assertEquals("open", listed.get("status").asText(), "the queue shows what the history says");
    }

    @Test
    void aPhoneReportOnAnOutOfHoursHaTicketStartsItsClockAtTheCall() throws Exception {
        // Sat 28 Nov 2026 22:00 Amsterdam (21:00Z): the hotel (HA) opens a P2 through the API, out of office hours
        CLOCK.set(Instant.parse("2026-11-28T21:00:00Z"));
        String number = ApiSample.json(call(
                        ApiSample.of("post-tickets.json").withHeader("idempotency-key", "r7-" + System.nanoTime())))
                .get("number")
                .asText();
        // R7: e-mail/API only -> office hours: clock starts Mon 30 Nov 09:00, P2 response 2 h -> 11:00
        assertEquals(
                "2026-11-30T11:00:00+01:00",
                ApiSample.json(call(ApiSample.getTicket(number, "demo-ops-token")))
                        .get("clocks")
                        .get("responseDue")
                        .asText());

        // Sun 29 Nov 10:00 the hotel calls the out-of-hours number about it: from then on 24x7
        CLOCK.set(Instant.parse("2026-11-29T09:05:00Z"));
        var phoned = call(ApiSample.of("post-intake-phone.json")
                .withToken("demo-telephony-token")
                .withBody("{\"callerNumber\":\"+31 30 765 4321\",\"line\":\"out-of-hours\","
                        + "\"calledAt\":\"2026-11-29T10:00:00+01:00\",\"summary\":\"nog steeds\",\"ticket\":\""
                        + number + "\"}"));

        assertEquals(200, phoned.getStatusCode(), phoned.getBody());
        JsonNode clocks = ApiSample.json(phoned).get("clocks");
        // clock start Sun 10:00; response 2 clock hours -> 12:00; restore 8 -> 18:00
        assertEquals("2026-11-29T10:00:00+01:00", clocks.get("clockStart").asText());
        assertEquals("2026-11-29T12:00:00+01:00", clocks.get("responseDue").asText());
        assertEquals("2026-11-29T18:00:00+01:00", clocks.get("restoreDue").asText());
    }

    // ---------------------------------------------------------------- helpers

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String detailPart)
            throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        JsonNode problem = ApiSample.json(response);
        assertEquals(status, problem.get("status").asInt());
        assertTrue(
                problem.get("detail").asText().contains(detailPart),
                problem.get("detail").asText());
    }

    /** A call from the bakery; each test calls at its own minute, so it gets its own ticket. */
    private static String uniqueCall(String calledAt) {
        return "{\"callerNumber\":\"020 123 4567\",\"line\":\"support\",\"calledAt\":\"" + calledAt
                + "\",\"summary\":\"Niemand kan bellen bij de bakkerij sinds 10:00.\"}";
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }

    private static List<String> numbers(APIGatewayV2HTTPResponse response) throws Exception {
        List<String> numbers = new ArrayList<>();
        ApiSample.json(response)
                .get("tickets")
                .forEach(t -> numbers.add(t.get("number").asText()));
        return numbers;
    }

    @Test
    void numbersAreDistinct() throws Exception {
        String a = ApiSample.json(call(
                        ApiSample.of("post-tickets.json").withHeader("idempotency-key", "d1-" + System.nanoTime())))
                .get("number")
                .asText();
        String b = ApiSample.json(call(
                        ApiSample.of("post-tickets.json").withHeader("idempotency-key", "d2-" + System.nanoTime())))
                .get("number")
                .asText();
        assertNotEquals(a, b);
    }
}
