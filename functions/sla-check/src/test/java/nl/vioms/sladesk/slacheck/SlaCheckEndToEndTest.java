package nl.vioms.sladesk.slacheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.escalation.EscalationHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * sla-check and escalation end to end (R12-R17): tickets opened through the ticket service, the
 * handler built from template.yaml's environment sweeping the due index at moments set by an
 * injected clock, the outbox read from its real stream by the escalation handler, and SNS
 * delivering to an SQS queue subscribed like the second-line helpdesk (priority = P1).
 * Deadlines worked out by hand from R5 and R14.
 */
@ExtendWith(AwsEmulators.class)
class SlaCheckEndToEndTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private static LocalAws aws;
    private static Environment env;
    private static TicketService tickets;
    private static DirectoryRepository directory;
    private static OutboxRepository outbox;
    private static SlaCheckHandler sweep;

    @BeforeAll
    static void setUp(LocalAws emulators) throws Exception {
        aws = emulators;
        Assumptions.assumeTrue(aws.supportsStreams(), "needs a DynamoDB emulator with transactions and streams");
        env = aws.environmentOf("SlaCheckFunction");
        directory =
                new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable"));
        aws.seed("demo");
        var repository = new TicketRepository(
                aws.clients().dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
        tickets = new TicketService(
                repository,
                new TicketClocks(PolicyLoader.loadDefault()),
                new PriorityClassifier(),
                CLOCK,
                env.require(EnvVar.PUBLIC_BASE_URL));
        outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
        sweep = new SlaCheckHandler(env, aws.clients(), CLOCK);
    }

    @Test
    void aP1OnAnOfficeHoursContractIsWarnedAtSeventyFivePercentAndEscalatedAtBreachOnce() throws Exception {
        // level N (office hours), P1 by phone, Mon 30 Nov 2026 10:00 (R5, R14):
        //   start work due 12:00, response 14:00, 75 % warning (6 of 8 office hours) 16:00,
        //   restore 10:00-17:30 = 7.5 h + 0.5 h on Tue 1 Dec = 09:30, acknowledge Tue 10:00 (R12)
        String number = open("bakkerij-devries", "2026-11-30T09:00:00Z");
        long started = System.nanoTime();

        // (the sweep sees every ticket of the shared emulator, so count this ticket's checkpoints)
        sweepAt("2026-11-30T10:59:59Z");
        assertEquals(List.of(), checkpoints(number), "11:59:59: nothing due yet");
        sweepAt("2026-11-30T11:00:00Z");
        assertEquals(List.of("start-work-breach"), checkpoints(number), "12:00: start-work breach");
        sweepAt("2026-11-30T11:00:30Z");
        assertEquals(List.of("start-work-breach"), checkpoints(number), "the same sweep again records nothing");
        record(number, "response", EventKind.RESPONSE, "2026-11-30T12:00:00Z"); // 13:00: the reporter hears from us
        sweepAt("2026-11-30T13:30:00Z");
        assertEquals(
                List.of("start-work-breach"), checkpoints(number), "responded: no response or acknowledgement breach");
        sweepAt("2026-11-30T15:00:00Z");
        sweepAt("2026-11-30T15:00:00Z");
        assertEquals(
                List.of("start-work-breach", "restore-warning"), checkpoints(number), "16:00: the 75 % warning, once");
        record(number, "ack", EventKind.SECOND_LINE_ACK, "2026-11-30T15:05:00Z");
        sweepAt("2026-12-01T08:29:59Z");
        assertEquals(2, checkpoints(number).size(), "Tue 09:29:59: no breach yet");
        sweepAt("2026-12-01T08:30:00Z");
        assertEquals(
                List.of("start-work-breach", "restore-warning", "restore-breach"),
                checkpoints(number),
                "Tue 09:30: the restore breach");
        record(number, "resolved", EventKind.RESOLVED, "2026-12-01T08:45:00Z");
        sweepAt("2026-12-01T12:00:00Z");
        assertEquals(3, checkpoints(number).size(), "resolved: nothing more");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(
                OutboxMessage.Topic.OPERATIONS,
                outbox.find(number + "#start-work-breach").orElseThrow().topic());
        var warning = outbox.find(number + "#p1-restore-warning").orElseThrow();
        var breach = outbox.find(number + "#p1-restore-breach").orElseThrow();
        assertEquals(OutboxMessage.Topic.ESCALATIONS, warning.topic());
        assertEquals(OutboxMessage.Topic.ESCALATIONS, breach.topic());
        assertEquals(
                Map.of(
                        "priority",
                        "P1",
                        "kind",
                        "p1-restore-breach",
                        "contract",
                        "office-hours",
                        "ticketNumber",
                        number,
                        "escalationId",
                        number + "#p1-restore-breach"),
                breach.attributes());
        var body = DatabindJson.MAPPER.readTree(breach.body());
        assertEquals("Bakkerij De Vries", body.get("customer").asText());
        assertEquals("2026-12-01T09:30:00+01:00", body.get("restoreDue").asText());
        assertEquals("http://127.0.0.1:3000/tickets/" + number, body.get("link").asText());
        assertFalse(dueEntry(number), "off the due index");
        System.out.println(
                "P1 lifecycle (creation, breach, warning, acknowledgement, breach, resolution) over 2 days of"
                        + " clock time took " + elapsedMs + " ms of test time");
    }

    @Test
    void aP1OnATwentyFourSevenContractIsEscalatedAtCreation() throws Exception {
        // level HA is a 24x7 contract (R14): the second line hears of a P1 at once (R17)
        String number = open("hotel-gouden-leeuw", "2026-11-30T09:00:00Z");

        var message = outbox.find(number + "#p1-escalation").orElseThrow();

        assertEquals(OutboxMessage.Topic.ESCALATIONS, message.topic());
        assertEquals("24x7", message.attributes().get("contract"));
        // HA by phone Mon 30 Nov 10:00, 24x7: restore due 18:00 (R5), in the message from the start
        assertEquals(
                "2026-11-30T18:00:00+01:00",
                DatabindJson.MAPPER.readTree(message.body()).get("restoreDue").asText());
    }

    @Test
    void aTicketThatBecomesAP1OnATwentyFourSevenContractIsEscalatedAtOnce() throws Exception {
        String number = open("hotel-gouden-leeuw", "2026-11-30T09:00:00Z", "P2");
        assertTrue(outbox.find(number + "#p1-escalation").isEmpty(), "a P2 is not escalated");

        CLOCK.set(Instant.parse("2026-11-30T09:30:00Z"));
        tickets.record(
                        number,
                        new TicketEvent(
                                "re-1",
                                EventKind.RECLASSIFIED,
                                Instant.parse("2026-11-30T09:30:00Z"),
                                "operations:test",
                                "api",
                                Map.of("priority", "P1")))
                .orElseThrow();
        tickets.record(
                number,
                new TicketEvent(
                        "note-1",
                        EventKind.NOTE,
                        Instant.parse("2026-11-30T09:31:00Z"),
                        "operations:test",
                        "api",
                        Map.of()));

        var message = outbox.find(number + "#p1-escalation").orElseThrow();
        assertEquals(OutboxMessage.Topic.ESCALATIONS, message.topic());
        assertEquals("P1", message.attributes().get("priority"));
        // the clock start stays 10:00 (R17): restore 8 clock hours -> 18:00
        assertEquals(
                "2026-11-30T18:00:00+01:00",
                DatabindJson.MAPPER.readTree(message.body()).get("restoreDue").asText());
    }

    @Test
    void theSecondLineReceivesEachP1EscalationOnceThroughSnsEvenAfterAFailedPublishAndADoubleSweep() {
        String queue = aws.subscribedQueue(
                aws.environmentOf("EscalationFunction").require(EnvVar.ESCALATIONS_TOPIC_ARN),
                "{\"priority\":[\"P1\"]}");
        try (var stream = aws.streamOf("OutboxTable")) {
            String number = open("tandarts-smit", "2026-11-30T09:00:00Z");
            // level B hosted PBX (R15): P1 restore 8 office hours from Mon 10:00: warning 16:00, breach Tue 09:30
            sweepAt("2026-11-30T15:00:00Z");
            sweepAt("2026-11-30T15:00:00Z");
            sweepAt("2026-12-01T08:30:00Z");
            sweepAt("2026-12-01T08:30:00Z");

            DynamodbEvent records = stream.read();
            Map<String, String> broken = new HashMap<>(aws.rawEnvironmentOf("EscalationFunction"));
            broken.put(EnvVar.ESCALATIONS_TOPIC_ARN.name(), "arn:aws:sns:eu-central-1:000000000000:no-such-topic");
            var failed = LambdaInvoke.invoke(
                    new EscalationHandler(Environment.of(broken), aws.clients(), CLOCK),
                    records,
                    StreamsEventResponse.class);
            assertFalse(failed.getBatchItemFailures().isEmpty(), "the first publish fails");
            var publisher = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), CLOCK);
            LambdaInvoke.invoke(publisher, records, StreamsEventResponse.class); // Lambda retries the batch
            LambdaInvoke.invoke(publisher, records, StreamsEventResponse.class); // and once more, for good measure
            LambdaInvoke.invoke(
                    publisher,
                    stream.read(),
                    StreamsEventResponse.class); // the delivery updates (MODIFY) publish nothing

            Map<String, Integer> perEscalation = new HashMap<>();
            for (Message m : aws.drain(queue)) {
                if (number.equals(m.messageAttributes().get("ticketNumber").stringValue())) {
                    perEscalation.merge(
                            m.messageAttributes().get("escalationId").stringValue(), 1, Integer::sum);
                }
            }
            assertEquals(Map.of(number + "#p1-restore-warning", 1, number + "#p1-restore-breach", 1), perEscalation);
        }
    }

    @Test
    void anEscalationWhoseStreamRetriesRanOutIsAskedForAgainAndDelivered() {
        try (var stream = aws.streamOf("OutboxTable")) {
            stream.read(); // what the other tests wrote
            String id = "VIO-2026-000777#p1-restore-breach-" + UUID.randomUUID();
            Instant written = Instant.parse("2026-12-03T09:00:00Z");
            outbox.add(OutboxMessage.pending(
                    id,
                    OutboxMessage.Topic.ESCALATIONS,
                    Map.of("priority", "P1", "kind", "p1-restore-breach", "contract", "office-hours"),
                    "{}",
                    written));
            stream.read(); // its INSERT: say every delivery of it failed, the records are gone to the DLQ

            sweepAt("2026-12-03T09:04:00Z"); // 4 minutes: still within a normal delivery
            assertTrue(outbox.find(id).orElseThrow().state() == DeliveryState.PENDING);
            assertTrue(
                    stream.read().getRecords().stream()
                            .noneMatch(r ->
                                    r.getDynamodb().getKeys().get("id").getS().equals(id)),
                    "not asked for again yet");
            sweepAt("2026-12-03T09:06:00Z"); // 6 minutes: missed, ask again
            DynamodbEvent again = stream.read();
            LambdaInvoke.invoke(
                    new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), CLOCK),
                    again,
                    StreamsEventResponse.class);

            assertTrue(
                    again.getRecords().stream()
                            .anyMatch(r -> r.getEventName().equals("MODIFY")
                                    && r.getDynamodb()
                                            .getKeys()
                                            .get("id")
                                            .getS()
                                            .equals(id)),
                    "the redrive reached the stream");
            assertEquals(DeliveryState.DELIVERED, outbox.find(id).orElseThrow().state());
        }
    }

    @Test
    void aFailedEscalationIsAskedForAgainByTheSweepAndDelivered() {
        try (var stream = aws.streamOf("OutboxTable")) {
            stream.read(); // what the other tests wrote
            String id = "VIO-2026-000778#p1-restore-breach-" + UUID.randomUUID();
            Instant written = Instant.parse("2026-12-03T10:00:00Z");
            outbox.add(OutboxMessage.pending(
                    id,
                    OutboxMessage.Topic.ESCALATIONS,
                    Map.of("priority", "P1", "kind", "p1-restore-breach", "contract", "office-hours"),
                    "{}",
                    written));
            // SNS refused every attempt: the escalation function recorded it FAILED (issue 17)
            outbox.recordFailure(id, "Topic does not exist", written.plusSeconds(1));
            stream.read();

            sweepAt("2026-12-03T10:06:00Z"); // 6 minutes: failed and missed, ask again
            DynamodbEvent again = stream.read();
            LambdaInvoke.invoke(
                    new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), CLOCK),
                    again,
                    StreamsEventResponse.class);

            assertEquals(DeliveryState.DELIVERED, outbox.find(id).orElseThrow().state());
        }
    }

    @Test
    void oneBrokenTicketDoesNotStopTheSweepForTheOthers() {
        // a snapshot no code can read (its level is gone), due Wed 2 Dec 2026
        String table = env.require(EnvVar.TICKETS_TABLE);
        Map<String, AttributeValue> broken = Map.of(
                "pk",
                AttributeValue.fromS("TICKET#VIO-2026-999998"),
                "sk",
                AttributeValue.fromS("TICKET"),
                "number",
                AttributeValue.fromS("VIO-2026-999998"),
                "dueShard",
                AttributeValue.fromS("DUE#00"),
                "dueAt",
                AttributeValue.fromS("2026-12-02T08:00:00.000000000Z"));
        aws.clients().dynamo().putItem(b -> b.tableName(table).item(broken));
        // level N P1 by phone Wed 2 Dec 10:00: start work due 12:00
        String number = open("bakkerij-devries", "2026-12-02T09:00:00Z");
        try {
            CLOCK.set(Instant.parse("2026-12-02T11:30:00Z"));
            var failure = Assertions.assertThrows(
                    IllegalStateException.class, () -> LambdaInvoke.invoke(sweep, Map.of(), Map.class));

            assertTrue(failure.getMessage().contains("VIO-2026-999998"), failure.getMessage());
            assertEquals(List.of("start-work-breach"), checkpoints(number), "the good ticket was swept all the same");
        } finally {
            aws.clients()
                    .dynamo()
                    .deleteItem(b -> b.tableName(table).key(Map.of("pk", broken.get("pk"), "sk", broken.get("sk"))));
        }
    }

    @Test
    void aTicketPoisonedByAnOverlongEventIdIsSweptWithTheOtherDueTickets() {
        // issue 15 item 2: level N P1s by phone Thu 3 Dec 10:00, start work due 12:00; the middle
        // one holds an event whose item DynamoDB refuses (key over 1 024 bytes)
        String first = open("bakkerij-devries", "2026-12-03T09:00:00Z");
        String poisoned = open("bakkerij-devries", "2026-12-03T09:00:00Z");
        String last = open("bakkerij-devries", "2026-12-03T09:00:00Z");
        record(poisoned, "api-" + "x".repeat(1100), EventKind.NOTE, "2026-12-03T09:10:00Z");

        sweepAt("2026-12-03T11:30:00Z");

        for (String number : List.of(first, poisoned, last)) {
            assertEquals(List.of("start-work-breach"), checkpoints(number), number);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A P1 phone report for the customer, received at {@code at} (UTC). */
    private static String open(String customerId, String at) {
        return open(customerId, at, "P1");
    }

    private static String open(String customerId, String at, String priority) {
        CLOCK.set(Instant.parse(at));
        var customer = directory.customer(customerId).orElseThrow();
        var report = new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                Instant.parse(at),
                "+31201234567",
                "Niemand kan bellen",
                "Niemand kan bellen",
                priority,
                null,
                "phone:support",
                "telephony:test");
        return tickets.open(report, customer, "test#" + UUID.randomUUID())
                .ticket()
                .number();
    }

    private static void sweepAt(String now) {
        CLOCK.set(Instant.parse(now));
        LambdaInvoke.invoke(sweep, Map.of(), Map.class);
    }

    /** The checkpoints recorded in the ticket's history, in order. */
    private static List<String> checkpoints(String number) {
        return tickets.view(number).orElseThrow().history().stream()
                .filter(e -> e.kind() == EventKind.SLA_WARNING || e.kind() == EventKind.SLA_BREACH)
                .map(e -> e.data().get(TicketService.CHECKPOINT))
                .toList();
    }

    private static void record(String number, String id, EventKind kind, String at) {
        CLOCK.set(Instant.parse(at));
        tickets.record(number, new TicketEvent(id, kind, Instant.parse(at), "operations:test", "api", Map.of()))
                .orElseThrow();
    }

    private static boolean dueEntry(String number) {
        var item = aws.clients()
                .dynamo()
                .getItem(b -> b.tableName(env.require(EnvVar.TICKETS_TABLE))
                        .consistentRead(true)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("TICKET#" + number), "sk", AttributeValue.fromS("TICKET"))))
                .item();
        return item.containsKey("dueAt");
    }
}
