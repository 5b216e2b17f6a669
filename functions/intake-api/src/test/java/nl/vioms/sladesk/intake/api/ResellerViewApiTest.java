package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.vioms.sladesk.app.tickets.ResellerWords;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, finding 5: a reseller reads in JSON exactly the facts of its status page. Before the
 * fix the JSON carried operations' internal note and the operator token's name.
 */
@ExtendWith(AwsEmulators.class)
class ResellerViewApiTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam (UTC+1). */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T09:12:30Z"));

    private static IntakeApiHandler handler;

    @BeforeAll
    static void seedDirectory(LocalAws aws) throws Exception {
        var env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
    }

    @Test
    void aResellersJsonShowsTheFactsOfItsStatusPageAndNothingInternal() throws Exception {
        // operations open the ticket for telnet's customer, note something internal and respond
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken("demo-ops-token")
                .withHeader("idempotency-key", "view-" + System.nanoTime()));
        assertEquals(201, opened.getStatusCode(), opened.getBody());
        String number = ApiSample.json(opened).get("number").asText();
        call(ApiSample.postEvent(number, "{\"kind\":\"note\",\"note\":\"intern: klant belt vaak\"}"));
        call(ApiSample.postEvent(number, "{\"kind\":\"response\",\"note\":\"We kijken ernaar\"}"));

        var asJson = call(ApiSample.of("get-ticket.json").withPath(number).withToken("demo-telnet-token"));
        var asPage = call(ApiSample.of("get-ticket-html.json").withPath(number).withToken("demo-telnet-token"));
        assertEquals(200, asJson.getStatusCode(), asJson.getBody());
        assertEquals(200, asPage.getStatusCode());
        String page = asPage.getBody();

        for (String internal : List.of("klant belt vaak", "operations:", "startWorkDue", "restoreWarningAt")) {
            assertFalse(asJson.getBody().contains(internal), internal + " in " + asJson.getBody());
            assertFalse(page.contains(internal), internal + " on the page");
        }
        JsonNode ticket = ApiSample.json(asJson);
        List<String> facts = new ArrayList<>();
        collect("", ticket, facts, ticket.get("status").asText().equals("open"));
        // the history: created (by VIOMS) and the response, not the note
        assertEquals(2, ticket.get("history").size(), asJson.getBody());
        for (JsonNode entry : ticket.get("history")) {
            assertEquals("VIOMS", entry.get("by").asText(), "staff and their token appear as VIOMS");
        }
        assertTrue(asJson.getBody().contains("\"text\":\"We kijken ernaar\""), asJson.getBody());
        for (String fact : facts) {
            assertTrue(page.contains(fact), "the JSON's fact '" + fact + "' is not on the status page");
        }
        assertTrue(facts.contains("do 26 nov. 2026 12:12"), "response due at 12:12:30 (HA, P2, 2 h): " + facts);
    }

    /**
     * Each leaf of the JSON as the status page writes it. The JSON keeps machine values for
     * programs (status, kind, channel, event kinds, ids, ISO times); the page writes them in Dutch.
     * The service's id is for programs: the page shows its name ({@code serviceName}).
     */
    static void collect(String field, JsonNode node, List<String> facts, boolean open) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getKey(), f.getValue(), facts, open));
        } else if (node.isArray()) {
            node.forEach(n -> collect(field, n, facts, open));
        } else if (node.isBoolean()) {
            if (node.asBoolean()) {
                facts.add(field.equals("paused") ? "klok gepauzeerd" : open ? "(verlopen)" : "niet gehaald");
            }
        } else if (!node.isNull() && !field.equals("service")) {
            facts.add(shown(field, node.asText()));
        }
    }

    private static String shown(String field, String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        switch (field) {
            case "kind" -> {
                return value.equals("incident") || value.equals("rfc")
                        ? ResellerWords.kind(TicketKind.valueOf(upper))
                        : StatusPage.label(EventKind.fromWireName(value));
            }
            case "status" -> {
                return ResellerWords.status(TicketStatus.valueOf(upper));
            }
            case "channel" -> {
                return ResellerWords.channel(Channel.valueOf(upper));
            }
            default -> {
                // the other values are written as they are
            }
        }
        if (value.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return Amsterdam.readable(OffsetDateTime.parse(value).toInstant());
        }
        return StatusPage.esc(value);
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
