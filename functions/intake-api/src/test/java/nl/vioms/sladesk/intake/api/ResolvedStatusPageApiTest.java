package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 item 8: a resolved ticket's status page says when it was resolved and, per deadline,
 * whether it was met, in Dutch, with names instead of ids; the reseller's JSON carries the same facts.
 */
@ExtendWith(AwsEmulators.class)
class ResolvedStatusPageApiTest {
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
    void aResolvedTicketShowsWhenAndWhetherEachDeadlineWasMet() throws Exception {
        // telnet's portal opens a P2 for the hotel (HA: 24x7) at 10:12:30: by hand, the response
        // is due at 12:12:30 (2 h) and the restore at 18:12:30 (8 h), both in clock hours (R5, R14)
        var opened =
                call(ApiSample.of("post-tickets.json").withHeader("idempotency-key", "resolved-" + System.nanoTime()));
        assertEquals(201, opened.getStatusCode(), opened.getBody());
        String number = ApiSample.json(opened).get("number").asText();
        CLOCK.set(Instant.parse("2026-11-26T09:30:00Z")); // 10:30: the response, in time
        call(ApiSample.postEvent(number, "{\"kind\":\"response\",\"note\":\"We kijken ernaar\"}"));
        CLOCK.set(Instant.parse("2026-11-26T18:00:00Z")); // 19:00: resolved, 47 minutes late
        var resolved =
                call(ApiSample.postEvent(number, "{\"kind\":\"resolved\",\"note\":\"Doorverbinden werkt weer\"}"));
        assertEquals(200, resolved.getStatusCode(), resolved.getBody());

        String page = call(ApiSample.getTicket(number, "demo-telnet-token").withHeader("accept", "text/html"))
                .getBody();
        var asJson = call(ApiSample.getTicket(number, "demo-telnet-token"));
        assertEquals(200, asJson.getStatusCode(), asJson.getBody());

        assertTrue(page.contains("<th>Opgelost</th><td>do 26 nov. 2026 19:00</td>"), page);
        assertTrue(
                page.contains("do 26 nov. 2026 12:12 · gereageerd do 26 nov. 2026 10:30 · "
                        + "<span class=\"met\">gehaald</span>"),
                page);
        assertTrue(
                page.contains("do 26 nov. 2026 18:12 · opgelost do 26 nov. 2026 19:00 · "
                        + "<span class=\"late\">niet gehaald</span>"),
                page);
        assertFalse(page.contains("(verlopen)"), "a done deadline is met or missed, not overdue");
        // Dutch throughout, names instead of ids
        assertTrue(page.contains("<span class=\"badge\">opgelost</span>"), page);
        assertTrue(page.contains("<th>Soort</th><td>storing</td>"), page);
        assertTrue(page.contains("via het portaal/API"), page);
        assertTrue(page.contains("<th>Dienst</th><td>Hosted PBX</td>"), page);
        assertTrue(page.contains("<strong>Gemeld</strong> · TelNet Partners B.V."), page);
        for (String english : List.of("resolved", "incident", "via api", "reseller:", "telnet-portal", "rule P")) {
            assertFalse(page.contains(english), english + " on the page");
        }

        JsonNode ticket = ApiSample.json(asJson);
        assertEquals("resolved", ticket.get("status").asText(), "the JSON keeps its machine values");
        assertEquals("incident", ticket.get("kind").asText());
        assertEquals("api", ticket.get("channel").asText());
        assertEquals("pbx", ticket.get("service").asText());
        assertEquals("Hosted PBX", ticket.get("serviceName").asText());
        assertEquals(
                "2026-11-26T19:00:00+01:00",
                ticket.get("clocks").get("resolvedAt").asText());
        assertEquals(false, ticket.get("clocks").get("responseBreached").asBoolean());
        assertEquals(true, ticket.get("clocks").get("restoreBreached").asBoolean());
        assertEquals(
                "TelNet Partners B.V.", ticket.get("history").get(0).get("by").asText());
        List<String> facts = new ArrayList<>();
        ResellerViewApiTest.collect("", ticket, facts, false);
        for (String fact : facts) {
            assertTrue(page.contains(fact), "the JSON's fact '" + fact + "' is not on the status page");
        }
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
