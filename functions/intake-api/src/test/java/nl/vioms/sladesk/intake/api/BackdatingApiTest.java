package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 15, finding 8: calls and events are back-dated at most the policy's backdateLimit (24 h in
 * the default policy) unless operations give a reason, which the history keeps. Now is Thu 26 Nov
 * 2026 10:12:30 in Amsterdam, so the limit is Wed 25 Nov 10:12:30.
 */
@ExtendWith(AwsEmulators.class)
class BackdatingApiTest {
    private static final Instant START = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(START);
    private static IntakeApiHandler handler;

    @BeforeAll
    static void seedDirectory(LocalAws aws) throws Exception {
        var env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
    }

    @BeforeEach
    void resetClock() {
        CLOCK.set(START);
    }

    @Test
    void telephonyCannotLogACallOf2024OrOfTheDayBeforeYesterday() throws Exception {
        for (String calledAt : new String[] {"2024-06-03T10:00:00+02:00", "2026-11-25T10:12:00+01:00"}) {
            var refused = call(phone("demo-telephony-token", calledAt, null));

            assertEquals(400, refused.getStatusCode(), calledAt + ": " + refused.getBody());
            String detail = ApiSample.json(refused).get("detail").asText();
            assertTrue(detail.startsWith("calledAt '" + calledAt + "' is more than 24 h back"), detail);
        }
        // 23 h 59 back is inside the limit
        assertEquals(
                201,
                call(phone("demo-telephony-token", "2026-11-25T10:13:00+01:00", null))
                        .getStatusCode());
    }

    @Test
    void onlyOperationsOverrideTheLimitAndTheReasonIsKept() throws Exception {
        var telephony = call(phone("demo-telephony-token", "2026-11-24T16:00:00+01:00", "storing telefooncentrale"));
        assertEquals(400, telephony.getStatusCode(), telephony.getBody());
        assertTrue(ApiSample.json(telephony).get("detail").asText().contains("backdateReason"), telephony.getBody());

        var ops = call(phone("demo-ops-token", "2026-11-24T16:00:00+01:00", "oproep bleef liggen bij storing"));
        assertEquals(201, ops.getStatusCode(), ops.getBody());
        JsonNode ticket =
                ApiSample.json(call(get(ApiSample.json(ops).get("number").asText())));
        assertEquals("2026-11-24T16:00:00+01:00", ticket.get("createdAt").asText());
        assertTrue(
                ticket.get("history").toString().contains("\"backdateReason\":\"oproep bleef liggen bij storing\""),
                ticket.toString());
    }

    @Test
    void anEventsAtFollowsTheSameLimit() throws Exception {
        String number = ApiSample.json(call(phone("demo-ops-token", "2026-11-24T16:00:00+01:00", "na storing")))
                .get("number")
                .asText();
        var refused = call(event(number, "{\"kind\":\"response\",\"at\":\"2026-11-25T09:00:00+01:00\"}"));
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertTrue(
                ApiSample.json(refused).get("detail").asText().startsWith("at '2026-11-25T09:00:00+01:00'"),
                refused.getBody());

        var kept = call(event(
                number,
                "{\"kind\":\"note\",\"at\":\"2026-11-25T09:00:00+01:00\",\"note\":\"gebeld\","
                        + "\"backdateReason\":\"vergeten te registreren\"}"));
        assertEquals(200, kept.getStatusCode(), kept.getBody());
        assertTrue(kept.getBody().contains("\"backdateReason\":\"vergeten te registreren\""), kept.getBody());
    }

    @Test
    void aCallIsNotDatedIntoAMonthMonthEndHasReported(LocalAws aws) throws Exception {
        // Tue 1 Dec 2026 08:00 in Amsterdam; month-end has reported November for the bakery
        CLOCK.set(Instant.parse("2026-12-01T07:00:00Z"));
        aws.clients()
                .dynamo()
                .putItem(b -> b.tableName(aws.environmentOf("IntakeApiFunction").require(EnvVar.REPORTS_TABLE))
                        .item(Map.of(
                                "pk", AttributeValue.fromS(ReportsRepository.partition("bakkerij-devries")),
                                "sk", AttributeValue.fromS(ReportsRepository.summaryKey(YearMonth.of(2026, 11))),
                                "type", AttributeValue.fromS("SUMMARY"))));

        // 30 Nov 23:30 is within 24 h, but in the closed month
        var refused = call(phone("demo-telephony-token", "2026-11-30T23:30:00+01:00", null));
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertTrue(
                ApiSample.json(refused)
                        .get("detail")
                        .asText()
                        .startsWith("calledAt '2026-11-30T23:30:00+01:00' falls in 2026-11"),
                refused.getBody());
        assertEquals(
                201,
                call(phone("demo-telephony-token", "2026-12-01T00:05:00+01:00", null))
                        .getStatusCode(),
                "December is open");
        assertEquals(
                201,
                call(phone("demo-ops-token", "2026-11-30T23:30:00+01:00", "late registration"))
                        .getStatusCode(),
                "operations override with a reason");
    }

    private static ApiSample phone(String token, String calledAt, String reason) {
        String body = "{\"callerNumber\":\"020 123 4567\",\"calledAt\":\"" + calledAt + "\",\"summary\":\"Storing "
                + System.nanoTime() + "\"" + (reason == null ? "" : ",\"backdateReason\":\"" + reason + "\"") + "}";
        return ApiSample.of("post-intake-phone.json").withToken(token).withBody(body);
    }

    private static ApiSample get(String number) {
        return ApiSample.of("get-ticket.json").withPath(number).withToken("demo-ops-token");
    }

    private static ApiSample event(String number, String body) {
        return ApiSample.of("post-ticket-event.json")
                .withPath(number)
                .withBody(body)
                .withToken("demo-ops-token");
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
