package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Map;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 15, finding 6, against the handler and the DynamoDB emulator: a refused request takes no
 * number, and the millionth ticket of a year is opened (seven digits), read and queued.
 */
@ExtendWith(AwsEmulators.class)
class TicketNumbersApiTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam. */
    private static final Instant START = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(START);
    private static IntakeApiHandler handler;
    private static LocalAws account;

    @BeforeAll
    static void seedDirectory(LocalAws aws) throws Exception {
        var env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        account = aws;
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
    }

    @Test
    void threeRefusedRequestsBurnNoNumbers() throws Exception {
        CLOCK.set(START);
        long before = TicketNumber.sequence(open("n1-" + System.nanoTime()));
        for (String service : new String[] {"nope", "trunk-9", "mobile"}) {
            var refused = call(ApiSample.of("post-tickets.json")
                    .withHeader("idempotency-key", "bad-" + System.nanoTime())
                    .withBody("{\"customer\":\"hotel-gouden-leeuw\",\"subject\":\"Storing\",\"service\":\"" + service
                            + "\"}"));
            assertEquals(400, refused.getStatusCode(), refused.getBody());
            assertTrue(ApiSample.json(refused).get("detail").asText().contains(service), refused.getBody());
        }
        long after = TicketNumber.sequence(open("n2-" + System.nanoTime()));

        assertEquals(before + 1, after, "the refused requests in between took no number");
    }

    @Test
    void theMillionthTicketOfAYearIsOpenedWithSevenDigitsAndRead() throws Exception {
        // a year of its own, whose counter stands at 999 999 taken
        CLOCK.set(Instant.parse("2031-03-04T09:00:00Z"));
        account.clients()
                .dynamo()
                .putItem(b -> b.tableName(
                                account.environmentOf("IntakeApiFunction").require(EnvVar.TICKETS_TABLE))
                        .item(Map.of(
                                "pk", AttributeValue.fromS("COUNTER#2031"),
                                "sk", AttributeValue.fromS("COUNTER"),
                                "sequence", AttributeValue.fromN("999999"))));

        var call = call(ApiSample.of("post-intake-phone.json")
                .withToken("demo-telephony-token")
                .withBody("{\"callerNumber\":\"020 123 4567\",\"calledAt\":\"2031-03-04T09:55:00+01:00\","
                        + "\"summary\":\"Niemand kan bellen\"}"));

        assertEquals(201, call.getStatusCode(), call.getBody());
        assertEquals("VIO-2031-1000000", ApiSample.json(call).get("number").asText());
        var read = call(
                ApiSample.of("get-ticket.json").withPath("VIO-2031-1000000").withToken("demo-ops-token"));
        assertEquals(200, read.getStatusCode(), read.getBody());
        var queue = call(ApiSample.of("get-queue.json").withToken("demo-ops-token"));
        assertTrue(queue.getBody().contains("\"VIO-2031-1000000\""), queue.getBody());
    }

    private static String open(String key) throws Exception {
        var opened = call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", key));
        assertEquals(201, opened.getStatusCode(), opened.getBody());
        return ApiSample.json(opened).get("number").asText();
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
