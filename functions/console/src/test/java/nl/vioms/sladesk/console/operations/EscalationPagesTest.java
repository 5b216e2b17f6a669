package nl.vioms.sladesk.console.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.ConsolePages;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.escalation.EscalationHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The escalations page (issue 17, page 4) on the emulators: outbox messages with their state,
 * attempts and last error, filtered by state from the by-state index, and the redrive of a
 * failed one (the same {@code OutboxRepository.redrive} as the sweep and the CLI).
 */
@ExtendWith(AwsEmulators.class)
class EscalationPagesTest {
    /** Fri 4 Dec 2026 14:12 in Amsterdam (UTC+1). */
    private static final Instant NOW = Instant.parse("2026-12-04T13:12:00Z");

    private static final String OPS = "ops@vioms.demo";
    private static final MutableClock CLOCK = new MutableClock(NOW);

    private static Services services;
    private static ConsolePages pages;
    private static LocalAws aws;

    @BeforeAll
    static void setUp(LocalAws emulated) {
        aws = emulated;
        services = new Services(aws.environmentOf("ConsoleFunction"), aws.clients(), CLOCK);
        pages = new ConsolePages(new ConsoleApp(services, new TestLogin())::handle);
    }

    /** A P1 escalation of a fresh ticket number, written at 14:05 Amsterdam, whose one delivery SNS refused. */
    private static String failedEscalation() {
        String ticket =
                "VIO-2026-" + String.format("%06d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
        String id = ticket + "#p1-escalation";
        services.outbox()
                .add(OutboxMessage.pending(
                        id,
                        OutboxMessage.Topic.ESCALATIONS,
                        Map.of("kind", "p1-escalation", "ticketNumber", ticket, "priority", "P1"),
                        "{\"ticket\":\"" + ticket + "\"}",
                        Instant.parse("2026-12-04T13:05:00Z")));
        services.outbox().recordFailure(id, "Topic does not exist", Instant.parse("2026-12-04T13:05:02Z"));
        return id;
    }

    @Test
    void aFailedEscalationShowsItsTicketKindStateAttemptsAndLastError() {
        String id = failedEscalation();
        String ticket = id.substring(0, id.indexOf('#'));

        WebResponse response = pages.get("/console/escalations?state=failed", OPS, Role.OPERATIONS);

        assertEquals(200, response.statusCode());
        Element row = row(ConsolePages.html(response), ticket);
        assertEquals("/console/tickets/" + ticket, row.selectFirst("th a").attr("href"));
        assertEquals(
                List.of(
                        "P1 naar de tweede lijn",
                        "tweede lijn",
                        "vr 4 dec 14:05",
                        "mislukt",
                        "1",
                        "Topic does not exist",
                        "Opnieuw aanbieden"),
                row.select("td").eachText());
    }

    @Test
    void theStateFilterShowsOnlyThatStateAndAnUnknownStateIs400() {
        String failed = failedEscalation();
        String ticket = failed.substring(0, failed.indexOf('#'));

        Document delivered = ConsolePages.html(pages.get("/console/escalations?state=delivered", OPS, Role.OPERATIONS));
        WebResponse unknown = pages.get("/console/escalations?state=kapot", OPS, Role.OPERATIONS);

        assertTrue(
                delivered.select("tbody tr").stream().noneMatch(tr -> tr.text().contains(ticket)));
        assertEquals(400, unknown.statusCode());
        assertTrue(ConsolePages.html(unknown).text().contains("Onbekende status 'kapot'"));
    }

    @Test
    void aRedrivenFailedEscalationIsPendingAgainAndTheEscalationFunctionDeliversIt() {
        try (var stream = aws.streamOf("OutboxTable")) {
            stream.read(); // what was written before
            String id = failedEscalation();
            stream.read(); // its INSERT and the failed attempt: say Lambda's retries ran out

            WebResponse redriven = pages.post("/console/escalations/redrive", Map.of("id", id), OPS, Role.OPERATIONS);

            assertEquals(303, redriven.statusCode());
            assertEquals(
                    "/console/escalations?gedaan=opnieuw", redriven.headers().get("location"));
            var after = services.outbox().delivery(id).orElseThrow();
            assertEquals(DeliveryState.PENDING, after.message().state(), "pending again: the stream delivers it");
            assertEquals(1, after.redrives());
            // the redrive's MODIFY reaches the escalation function through the table's stream
            DynamodbEvent redrive = stream.read();
            var response = LambdaInvoke.invoke(
                    new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), CLOCK),
                    redrive,
                    StreamsEventResponse.class);
            assertTrue(response.getBatchItemFailures().isEmpty());
            String ticket = id.substring(0, id.indexOf('#'));
            Element row = row(ConsolePages.html(pages.get("/console/escalations", OPS, Role.OPERATIONS)), ticket);
            assertEquals("afgeleverd", row.select("td").get(3).text());
            assertTrue(row.select("button").isEmpty(), "nothing to redrive once delivered");

            WebResponse again = pages.post("/console/escalations/redrive", Map.of("id", id), OPS, Role.OPERATIONS);
            assertEquals(409, again.statusCode());
        }
    }

    @Test
    void financeCannotSeeNorRedriveEscalationsAndNothingChanges() {
        String id = failedEscalation();

        assertEquals(
                403,
                pages.get("/console/escalations", "fin@vioms.demo", Role.FINANCE)
                        .statusCode());
        WebResponse refused =
                pages.post("/console/escalations/redrive", Map.of("id", id), "fin@vioms.demo", Role.FINANCE);

        assertEquals(403, refused.statusCode());
        var unchanged = services.outbox().delivery(id).orElseThrow();
        assertEquals(DeliveryState.FAILED, unchanged.message().state());
        assertEquals(0, unchanged.redrives());
    }

    @Test
    void redrivingAnUnknownMessageIs404() {
        WebResponse response =
                pages.post("/console/escalations/redrive", Map.of("id", "VIO-0000-000000#nope"), OPS, Role.OPERATIONS);
        assertEquals(404, response.statusCode());
    }

    private static Element row(Document page, String ticket) {
        return page.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("th") != null
                        && tr.selectFirst("th").text().equals(ticket))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + ticket));
    }
}
