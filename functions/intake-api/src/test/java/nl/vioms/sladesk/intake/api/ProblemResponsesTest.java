package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which failures answer which status (issue 14 item 3, decision 16): the refusals of the rules
 * keep their 4xx and their detail; anything else is a 500 naming no internals, with a correlation
 * id that finds its one log line (with the stack trace).
 */
@ExtendWith(AwsEmulators.class)
class ProblemResponsesTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T09:12:30Z"));
    private static LocalAws aws;
    private static IntakeApiHandler handler;

    @BeforeAll
    static void setUp(LocalAws emulators) throws Exception {
        aws = emulators;
        aws.seed("demo");
        handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);
    }

    @Test
    void aCorruptStoredTicketAnswers500WithTheRequestIdAndNoInternals() throws Exception {
        String number = openTicket();
        // an event item of a kind no version of SLA Desk wrote (hand-edited): reading it fails
        String table = aws.environmentOf("IntakeApiFunction").require(EnvVar.TICKETS_TABLE);
        aws.clients()
                .dynamo()
                .putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromS("TICKET#" + number),
                                "sk",
                                AttributeValue.fromS("EVENT#2026-11-26T09:13:00.000000000Z#broken"),
                                "eventId",
                                AttributeValue.fromS("broken"),
                                "kind",
                                AttributeValue.fromS("EXPLODED"),
                                "at",
                                AttributeValue.fromS("2026-11-26T09:13:00Z"),
                                "actor",
                                AttributeValue.fromS("x"),
                                "source",
                                AttributeValue.fromS("x"))));

        Captured captured = captureStdout(() -> invoke(sample("get-ticket.json", number, null), "req-corrupt-1"));
        JsonNode problem = body(captured.response());

        assertEquals(500, captured.response().get("statusCode").asInt());
        assertEquals(
                "application/problem+json",
                captured.response().get("headers").get("content-type").asText());
        assertEquals("req-corrupt-1", problem.get("correlationId").asText());
        assertEquals(
                "an unexpected error occurred; it has been logged",
                problem.get("detail").asText());
        String wire = captured.response().get("body").asText();
        for (String internal : List.of("EXPLODED", "EventKind", "nl.vioms", "Exception", "No enum constant")) {
            assertFalse(wire.contains(internal), internal + " in " + wire);
        }
        List<String> errors = captured.lines().stream()
                .filter(l -> l.contains("\"api.unexpected\""))
                .toList();
        assertEquals(1, errors.size(), "logged once: " + captured.lines());
        JsonNode logged = DatabindJson.MAPPER.readTree(errors.get(0));
        assertEquals("req-corrupt-1", logged.get("correlationId").asText());
        assertEquals("ERROR", logged.get("level").asText());
        assertTrue(logged.get("stackTrace").asText().contains("No enum constant"), logged.toString());
        assertTrue(logged.get("stackTrace").asText().contains("\tat "), "the printed trace, as one string");
    }

    @Test
    void withoutALambdaContextTheCorrelationIdIsARandomUuid() throws Exception {
        // a customer item that lost its level: reading it fails (as TicketApiTest's unexpected failure)
        String table = aws.environmentOf("IntakeApiFunction").require(EnvVar.DIRECTORY_TABLE);
        aws.clients()
                .dynamo()
                .putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromS("CUSTOMER#broken-too"),
                                "sk",
                                AttributeValue.fromS("CUSTOMER"),
                                "id",
                                AttributeValue.fromS("broken-too"),
                                "resellerId",
                                AttributeValue.fromS("telnet"))));

        JsonNode response =
                invoke(sample("post-tickets.json", null, "{\"customer\":\"broken-too\",\"subject\":\"x\"}"), null);

        assertEquals(500, response.get("statusCode").asInt());
        String id = body(response).get("correlationId").asText();
        assertEquals(id, UUID.fromString(id).toString());
    }

    @Test
    void aBadKindAnswers400WithTheSameDetailAsBefore() throws Exception {
        String number = openTicket();

        JsonNode response = invoke(sample("post-ticket-event.json", number, "{\"kind\":\"exploded\"}"), "req-2");

        assertEquals(400, response.get("statusCode").asInt());
        assertEquals("Bad Request", body(response).get("title").asText());
        // the valid kinds are listed (issue 20, item 10)
        assertTrue(
                body(response).get("detail").asText().startsWith("unknown event kind 'exploded'; the kinds: created,"),
                body(response).get("detail").asText());
        assertTrue(body(response).get("detail").asText().contains(", reply,"));
        assertFalse(body(response).has("correlationId"), "a refusal is no failure of SLA Desk");
    }

    @Test
    void resolvingTwiceAnswers409NamingTheState() throws Exception {
        String number = openTicket();
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));

        JsonNode first = invoke(sample("post-ticket-event.json", number, "{\"kind\":\"resolved\"}"), "req-3");
        JsonNode again = invoke(sample("post-ticket-event.json", number, "{\"kind\":\"resolved\"}"), "req-4");

        assertEquals(200, first.get("statusCode").asInt());
        assertEquals(409, again.get("statusCode").asInt());
        assertEquals("Conflict", body(again).get("title").asText());
        assertEquals(
                "ticket " + number + " is resolved; resolved needs an open ticket",
                body(again).get("detail").asText());
    }

    // ---------------------------------------------------------------- helpers

    private static String openTicket() throws Exception {
        APIGatewayV2HTTPEvent event = sample("post-tickets.json", null, null);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", "problems-" + UUID.randomUUID());
        event.setHeaders(headers);
        JsonNode response = invoke(event, null);
        assertEquals(201, response.get("statusCode").asInt(), response.toString());
        return body(response).get("number").asText();
    }

    private static APIGatewayV2HTTPEvent sample(String file, String number, String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.load("intake-api/" + file, APIGatewayV2HTTPEvent.class);
        if (number != null) {
            event.setPathParameters(Map.of("number", number));
        }
        if (body != null) {
            event.setBody(body);
        }
        return event;
    }

    /** The handler's output for an event, with a Lambda context of this request id (or none). */
    private static JsonNode invoke(APIGatewayV2HTTPEvent event, String requestId) {
        Context context = requestId == null
                ? null
                : (Context) Proxy.newProxyInstance(
                        Context.class.getClassLoader(),
                        new Class<?>[] {Context.class},
                        (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
        try {
            String output = LambdaInvoke.invokeJson(handler, LambdaInvoke.wireJson(event), context);
            return DatabindJson.MAPPER.readTree(output);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode body(JsonNode response) throws Exception {
        return DatabindJson.MAPPER.readTree(response.get("body").asText());
    }

    private record Captured(JsonNode response, List<String> lines) {}

    private interface Call {
        JsonNode run() throws Exception;
    }

    /** The response of a call and the log lines it wrote (Log writes to System.out). */
    private static Captured captureStdout(Call call) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            JsonNode response = call.run();
            return new Captured(
                    response, out.toString(StandardCharsets.UTF_8).lines().toList());
        } finally {
            System.setOut(original);
        }
    }
}
