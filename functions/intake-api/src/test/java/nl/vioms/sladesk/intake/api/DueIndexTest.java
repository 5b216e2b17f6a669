package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
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
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sparse, write-sharded due index (issue #5's sweep reads it): every open clock carries its
 * next checkpoint, and every change of the ticket moves or removes it. Instants by hand from R5,
 * R12, R14 and R16.
 */
@ExtendWith(AwsEmulators.class)
class DueIndexTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-26T09:10:00Z"));
    private static LocalAws aws;
    private static IntakeApiHandler handler;
    private static TicketRepository tickets;
    private static String table;

    @BeforeAll
    static void setUp(LocalAws emulators) throws Exception {
        aws = emulators;
        var env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
        table = env.require(EnvVar.TICKETS_TABLE);
        tickets = new TicketRepository(aws.clients().dynamo(), table);
    }

    @Test
    void theDueEntryFollowsTheTicketThroughItsLife() throws Exception {
        // level N, P1 by phone, Thu 26 Nov 2026 10:05 (R5, R14): start work due 12:05, response 14:05,
        // warning (6 of 8 office hours) 16:05, restore Fri 09:35, acknowledge Fri 10:05 (R12)
        CLOCK.set(Instant.parse("2026-11-26T09:10:00Z"));
        String number = open("{\"callerNumber\":\"020 123 4567\",\"calledAt\":\"2026-11-26T10:05:00+01:00\","
                + "\"summary\":\"Niemand kan bellen\",\"priority\":\"P1\"}");
        assertEquals("2026-11-26T11:05:00.000000000Z", dueAt(number), "first: start work 12:05 (+01:00)");

        event(number, "2026-11-26T09:40:00Z", "{\"kind\":\"work-started\",\"at\":\"2026-11-26T10:40:00+01:00\"}");
        assertEquals("2026-11-26T13:05:00.000000000Z", dueAt(number), "then the response, 14:05");

        event(number, "2026-11-26T09:45:00Z", "{\"kind\":\"response\",\"at\":\"2026-11-26T10:45:00+01:00\"}");
        assertEquals("2026-11-26T15:05:00.000000000Z", dueAt(number), "then the 75 % warning, 16:05");

        event(
                number,
                "2026-11-26T09:50:00Z",
                "{\"kind\":\"waiting-for-customer\",\"at\":\"2026-11-26T10:50:00+01:00\"}");
        assertNull(dueAt(number), "paused (R16), responded, work started: nothing is due");

        event(number, "2026-11-26T10:20:00Z", "{\"kind\":\"customer-replied\",\"at\":\"2026-11-26T11:20:00+01:00\"}");
        assertEquals("2026-11-26T15:35:00.000000000Z", dueAt(number), "the 30 minute pause moves the warning to 16:35");

        event(number, "2026-11-26T10:30:00Z", "{\"kind\":\"resolved\",\"at\":\"2026-11-26T11:30:00+01:00\"}");
        assertNull(dueAt(number), "resolved: off the index");
    }

    @Test
    void aSweepReadsOnlyTheEntriesDueAndTouchesNothingElse() throws Exception {
        // two P1 calls for the bakery: at 09:00 (start work due 11:00) and at 10:00 (due 12:00)
        CLOCK.set(Instant.parse("2026-11-26T09:30:00Z"));
        String early = open("{\"callerNumber\":\"020 123 4567\",\"calledAt\":\"2026-11-26T09:00:00+01:00\","
                + "\"summary\":\"Niemand kan bellen\",\"priority\":\"P1\"}");
        String later = open("{\"callerNumber\":\"020 123 4567\",\"calledAt\":\"2026-11-26T10:00:00+01:00\","
                + "\"summary\":\"Niemand kan bellen\",\"priority\":\"P1\"}");

        var due = tickets.dueBy(Instant.parse("2026-11-26T10:30:00Z")); // 11:30 Amsterdam

        assertTrue(due.ticketNumbers().contains(early), "11:00 is due by 11:30");
        assertFalse(due.ticketNumbers().contains(later), "12:00 is not");
        assertEquals(due.ticketNumbers().size(), due.itemsRead(), "every entry read is a due one");
    }

    @Test
    void aHundredThousandClosedTicketsCostTheSweepNothing() throws Exception {
        // closed tickets carry no due entry: write 100 000 of them as the store would, then 10 due ones
        var dynamo = aws.clients().dynamo();
        for (int batch = 0; batch < 100_000 / 25; batch++) {
            var writes = new ArrayList<WriteRequest>();
            for (int i = 0; i < 25; i++) {
                String number = String.format("VIO-2025-%06d", batch * 25 + i + 1);
                writes.add(WriteRequest.builder()
                        .putRequest(p -> p.item(Map.of(
                                "pk",
                                AttributeValue.fromS("TICKET#" + number),
                                "sk",
                                AttributeValue.fromS("TICKET"),
                                "number",
                                AttributeValue.fromS(number),
                                "status",
                                AttributeValue.fromS("CLOSED"),
                                "resellerKey",
                                AttributeValue.fromS("RESELLER#telnet#done"),
                                "createdAt",
                                AttributeValue.fromS("2025-06-01T09:00:00.000000000Z"))))
                        .build());
            }
            var unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)))
                    .unprocessedItems();
            assertTrue(unprocessed.isEmpty(), "the emulator took the whole batch");
        }
        CLOCK.set(Instant.parse("2027-03-01T09:00:00Z"));
        for (int i = 0; i < 10; i++) {
            // Mon 1 Mar 2027 09:00 + i minutes, P1 on level N: start work due 2 office hours later
            open("{\"callerNumber\":\"020 123 4567\",\"calledAt\":\"2027-03-01T09:" + String.format("%02d", i)
                    + ":00+01:00\",\"summary\":\"Niemand kan bellen\",\"priority\":\"P1\"}");
        }

        // by Mon 1 Mar 2027 13:00 Amsterdam all ten (due 11:00..11:09) are due, and every 2026 ticket
        // of the other tests too: the sweep reads exactly the entries it returns
        var due = tickets.dueBy(Instant.parse("2027-03-01T12:00:00Z"));
        long ours = due.ticketNumbers().stream()
                .filter(n -> n.startsWith("VIO-2027-"))
                .count();

        assertEquals(10, ours);
        assertTrue(due.ticketNumbers().stream().noneMatch(n -> n.startsWith("VIO-2025-")), "no closed ticket is read");
        assertEquals(due.ticketNumbers().size(), due.itemsRead());
        assertTrue(due.itemsRead() < 100, "read " + due.itemsRead() + " entries, not 100 000");
    }

    private static String open(String body) throws Exception {
        var event = LambdaEvents.load("intake-api/post-intake-phone.json", APIGatewayV2HTTPEvent.class);
        event.setBody(body);
        // a call of its own, even at a minute another test class also uses
        var headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", UUID.randomUUID().toString());
        event.setHeaders(headers);
        var response = LambdaInvoke.invoke(handler, event, APIGatewayV2HTTPResponse.class);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return DatabindJson.MAPPER.readTree(response.getBody()).get("number").asText();
    }

    private static void event(String number, String now, String body) {
        CLOCK.set(Instant.parse(now));
        var event = LambdaEvents.load("intake-api/post-ticket-event.json", APIGatewayV2HTTPEvent.class);
        event.setPathParameters(Map.of("number", number));
        event.setBody(body);
        var response = LambdaInvoke.invoke(handler, event, APIGatewayV2HTTPResponse.class);
        assertEquals(200, response.getStatusCode(), response.getBody());
    }

    /** The ticket's due-index sort key, or null when it has none. */
    private static String dueAt(String number) {
        Map<String, AttributeValue> item = aws.clients()
                .dynamo()
                .getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("TICKET#" + number), "sk", AttributeValue.fromS("TICKET"))))
                .item();
        return item.containsKey("dueAt") ? item.get("dueAt").s() : null;
    }
}
