package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input on the HTTP API (issue 15 items 2, 7, 9, 10, 11 and 12), through the real handler
 * on the emulators: every refusal is a 400 (or 422) naming the field, never a 5xx, and a refused
 * request claims and writes nothing.
 */
@ExtendWith(AwsEmulators.class)
class ApiInputTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T09:12:30Z"));
    private static final String OPEN_BODY = "{\"customer\": \"hotel-gouden-leeuw\", \"kind\": \"incident\", "
            + "\"subject\": \"Receptie kan niet doorverbinden\", \"description\": \"Sinds vanochtend.\"}";
    private static IntakeApiHandler handler;

    @BeforeAll
    static void setUp(LocalAws aws) throws Exception {
        aws.seed("demo");
        handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);
    }

    // ------------------------------------------------------------- item 2: ids and keys

    @Test
    void anEventIdOfElevenHundredCharactersIsRefusedAndTheTicketStaysUsable() {
        String number = openTicket(newKey(), OPEN_BODY);

        JsonNode response =
                event(number, "{\"kind\":\"note\",\"note\":\"x\",\"id\":\"" + "a".repeat(1100) + "\"}", null);

        assertEquals(400, response.get("statusCode").asInt(), response.toString());
        assertTrue(detail(response).startsWith("id must have 1 to 128 characters"), detail(response));
        assertEquals(200, getTicket(number).get("statusCode").asInt());
        assertEquals(
                200,
                event(number, "{\"kind\":\"note\",\"note\":\"daarna\"}", null)
                        .get("statusCode")
                        .asInt());
    }

    @Test
    void aLongIdempotencyKeyOnAnEventIsRefused() {
        String number = openTicket(newKey(), OPEN_BODY);

        JsonNode response = event(number, "{\"kind\":\"note\",\"note\":\"x\"}", "k".repeat(1100));

        assertEquals(400, response.get("statusCode").asInt(), response.toString());
        assertTrue(detail(response).startsWith("Idempotency-Key must have"), detail(response));
        assertEquals(200, getTicket(number).get("statusCode").asInt());
    }

    @Test
    void anIdWithASpaceOrQuoteIsRefusedButAnEscalationIdIsAccepted() {
        String number = openTicket(newKey(), OPEN_BODY);

        JsonNode quote = event(number, "{\"kind\":\"note\",\"note\":\"x\",\"id\":\"a'b\"}", null);
        JsonNode space = open("with space", OPEN_BODY);
        // the second line acknowledges with the escalationId it deduplicates on, '#' and all
        JsonNode escalationId =
                event(number, "{\"kind\":\"note\",\"note\":\"x\",\"id\":\"" + number + "#p1-escalation\"}", null);

        assertEquals(400, quote.get("statusCode").asInt(), quote.toString());
        assertTrue(detail(quote).startsWith("id may only hold"), detail(quote));
        assertEquals(400, space.get("statusCode").asInt(), space.toString());
        assertTrue(detail(space).startsWith("Idempotency-Key may only hold"), detail(space));
        assertEquals(200, escalationId.get("statusCode").asInt(), escalationId.toString());
    }

    // ------------------------------------------------------------- item 7: 4xx, nothing claimed

    @Test
    void aLoneSurrogateInTheSubjectAnswers400NamingItAndClaimsNothing() {
        String key = newKey();

        JsonNode refused = open(key, OPEN_BODY.replace("Receptie", "Receptie\\ud800"));
        JsonNode retried = open(key, OPEN_BODY);

        assertEquals(400, refused.get("statusCode").asInt(), refused.toString());
        assertTrue(detail(refused).contains("'subject' has a lone UTF-16 surrogate"), detail(refused));
        assertEquals(201, retried.get("statusCode").asInt(), "the refused request left no claim behind");
    }

    @Test
    void aCallDatedInTheYear2000OrYear1Answers400NamingCalledAtAndClaimsNothing() {
        String key = newKey();
        for (String calledAt : new String[] {"2000-01-03T10:00:00+01:00", "0001-01-01T10:00:00+01:00"}) {
            JsonNode refused = phone(key, calledAt);

            assertEquals(400, refused.get("statusCode").asInt(), refused.toString());
            assertTrue(detail(refused).startsWith("calledAt '" + calledAt + "'"), detail(refused));
        }
        assertEquals(
                201, phone(key, "2026-11-26T10:05:00+01:00").get("statusCode").asInt(), "no claim was left");
    }

    // ------------------------------------------------------------- item 9: strict JSON

    @Test
    void dataAfterTheObjectIsRefused() {
        JsonNode response = open(newKey(), OPEN_BODY + "{\"customer\":\"other\"}");

        assertEquals(400, response.get("statusCode").asInt(), response.toString());
        assertTrue(detail(response).contains("data after the JSON object"), detail(response));
    }

    @Test
    void aNumberOrBooleanWhereAStringBelongsIsRefusedNamingTheField() {
        JsonNode number = open(newKey(), OPEN_BODY.replace("\"Sinds vanochtend.\"", "12"));
        JsonNode bool = open(newKey(), OPEN_BODY.replace("\"incident\"", "true"));

        assertEquals(400, number.get("statusCode").asInt(), number.toString());
        assertTrue(detail(number).contains("'description' is not a JSON string"), detail(number));
        assertEquals(400, bool.get("statusCode").asInt(), bool.toString());
        assertTrue(detail(bool).contains("'kind' is not a JSON string"), detail(bool));
    }

    // ------------------------------------------------------------- item 10: control characters

    @Test
    void controlAndBidiCharactersAreStrippedFromTheSubjectAndTheStatusPage() throws Exception {
        String number =
                openTicket(newKey(), OPEN_BODY.replace("Receptie kan", "Receptie\\u0000\\u001b[31m\\u202ekan\\r\\nX"));

        JsonNode json = body(getTicket(number));
        String html = getHtml(number).get("body").asText();

        assertEquals(
                "Receptie [31mkan X niet doorverbinden", json.get("subject").asText());
        for (String bad : new String[] {"\u0000", "\u001b", "\u202e", "\r", "Receptie\n"}) {
            assertFalse(html.contains(bad), "status page holds " + bad.codePointAt(0));
        }
        assertTrue(html.contains("Receptie [31mkan X niet doorverbinden"));
    }

    // ------------------------------------------------------------- item 11: reused key

    @Test
    void aReusedIdempotencyKeyWithAnotherBodyAnswers422NamingTheKey() {
        String key = newKey();
        openTicket(key, OPEN_BODY);

        JsonNode same = open(key, OPEN_BODY);
        JsonNode other = open(key, OPEN_BODY.replace("Receptie kan", "Lift kan"));

        assertEquals(200, same.get("statusCode").asInt(), "a retry of the same request is the first ticket");
        assertEquals(422, other.get("statusCode").asInt(), other.toString());
        assertTrue(detail(other).contains("Idempotency-Key '" + key + "'"), detail(other));
    }

    // ------------------------------------------------------------- item 12: headers

    @Test
    void theStatusPageCarriesSecurityHeadersAndJsonCarriesNosniff() {
        String number = openTicket(newKey(), OPEN_BODY);

        JsonNode html = getHtml(number).get("headers");
        JsonNode json = getTicket(number).get("headers");

        assertEquals("nosniff", html.get("x-content-type-options").asText());
        String csp = html.get("content-security-policy").asText();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("no-referrer", html.get("referrer-policy").asText());
        assertEquals("nosniff", json.get("x-content-type-options").asText());
        assertFalse(json.has("content-security-policy"));
    }

    // ------------------------------------------------------------- helpers

    private static String newKey() {
        return "input-" + UUID.randomUUID();
    }

    private static String openTicket(String key, String body) {
        JsonNode response = open(key, body);
        assertEquals(201, response.get("statusCode").asInt(), response.toString());
        return body(response).get("number").asText();
    }

    private static JsonNode open(String key, String body) {
        APIGatewayV2HTTPEvent event = sample("post-tickets.json", null, body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return invoke(event);
    }

    private static JsonNode phone(String key, String calledAt) {
        APIGatewayV2HTTPEvent event = sample(
                "post-intake-phone.json",
                null,
                "{\"callerNumber\": \"020 123 4567\", \"calledAt\": \"" + calledAt
                        + "\", \"summary\": \"Geen kiestoon\"}");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return invoke(event);
    }

    private static JsonNode event(String number, String body, String key) {
        APIGatewayV2HTTPEvent event = sample("post-ticket-event.json", number, body);
        if (key != null) {
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            headers.put("idempotency-key", key);
            event.setHeaders(headers);
        }
        return invoke(event);
    }

    private static JsonNode getTicket(String number) {
        return invoke(sample("get-ticket.json", number, null));
    }

    private static JsonNode getHtml(String number) {
        return invoke(sample("get-ticket-html.json", number, null));
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

    private static JsonNode invoke(APIGatewayV2HTTPEvent event) {
        try {
            String output = LambdaInvoke.invokeJson(handler, LambdaInvoke.wireJson(event), null);
            return DatabindJson.MAPPER.readTree(output);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode body(JsonNode response) {
        try {
            return DatabindJson.MAPPER.readTree(response.get("body").asText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String detail(JsonNode response) {
        return body(response).get("detail").asText();
    }
}
