package nl.vioms.sladesk.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The first end-to-end path: the escalation function, built from template.yaml's environment,
 * fed the sample stream event from events/, publishing through the SNS emulator to an SQS
 * queue subscribed with a filter policy, and recording the delivery in the DynamoDB emulator.
 */
@ExtendWith(AwsEmulators.class)
class EscalationEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-11-26T21:10:05Z");

    private LocalAws aws;
    private Environment env;
    private OutboxRepository outbox;
    private String p1Queue;
    private String operationsQueue;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.environmentOf("EscalationFunction");
        this.outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
        // the second-line helpdesk's view: P1 only (template's SecondLineSubscription filter, R17)
        this.p1Queue = aws.subscribedQueue(env.require(EnvVar.ESCALATIONS_TOPIC_ARN), "{\"priority\":[\"P1\"]}");
        this.operationsQueue = aws.subscribedQueue(env.require(EnvVar.OPERATIONS_TOPIC_ARN), null);
    }

    @Test
    void sampleP1EscalationReachesTheP1QueueOnceAndIsRecordedAsDelivered() {
        DynamodbEvent event = sampleEventWithFreshId();
        String id = idOf(event);
        putNewImage(event);

        var response = LambdaInvoke.invoke(handler(env), event, StreamsEventResponse.class);

        assertTrue(response.getBatchItemFailures().isEmpty(), "no failures");
        List<Message> received = aws.drain(p1Queue);
        assertEquals(1, received.size(), "exactly one message on the P1 subscription");
        Message message = received.get(0);
        assertTrue(message.body().contains("\"priority\":\"P1\""), message.body());
        assertEquals(id, message.messageAttributes().get("escalationId").stringValue());
        assertEquals("P1", message.messageAttributes().get("priority").stringValue());
        assertEquals("24x7", message.messageAttributes().get("contract").stringValue());

        OutboxMessage stored = outbox.find(id).orElseThrow();
        assertEquals(DeliveryState.DELIVERED, stored.state());
        assertEquals(NOW, stored.deliveredAt());
        assertNotNull(stored.snsMessageId());
        assertTrue(
                outbox.listByState(DeliveryState.DELIVERED, 1000).stream().anyMatch(m -> m.id().equals(id)),
                "listed on the by-state index as delivered");
        assertEquals(List.of(), aws.drain(operationsQueue), "nothing on the operations topic");
    }

    @Test
    void aRedeliveredStreamRecordPublishesNothingTheSecondTime() {
        DynamodbEvent event = sampleEventWithFreshId();
        putNewImage(event);

        LambdaInvoke.invoke(handler(env), event, StreamsEventResponse.class);
        var again = LambdaInvoke.invoke(handler(env), event, StreamsEventResponse.class);

        assertTrue(again.getBatchItemFailures().isEmpty());
        assertEquals(1, aws.drain(p1Queue).size(), "one message in all");
    }

    @Test
    void aFailedPublishIsReportedForRetryAndDeliveredOnceOnTheRetry() {
        DynamodbEvent event = sampleEventWithFreshId();
        String id = idOf(event);
        putNewImage(event);
        Map<String, String> broken = new HashMap<>(aws.rawEnvironmentOf("EscalationFunction"));
        broken.put(EnvVar.ESCALATIONS_TOPIC_ARN.name(), "arn:aws:sns:eu-central-1:000000000000:no-such-topic");

        var failed = LambdaInvoke.invoke(handler(Environment.of(broken)), event, StreamsEventResponse.class);

        assertEquals(1, failed.getBatchItemFailures().size());
        assertEquals(
                event.getRecords().get(0).getDynamodb().getSequenceNumber(),
                failed.getBatchItemFailures().get(0).getItemIdentifier());
        // the failed attempt is on the message for operations' escalations page (issue 17)
        var afterFailure = outbox.delivery(id).orElseThrow();
        assertEquals(DeliveryState.FAILED, afterFailure.message().state());
        assertEquals(1, afterFailure.attempts());
        assertFalse(afterFailure.lastError().isBlank(), "SNS's refusal is kept as the last error");

        var retried = LambdaInvoke.invoke(handler(env), event, StreamsEventResponse.class);

        assertTrue(retried.getBatchItemFailures().isEmpty());
        assertEquals(1, aws.drain(p1Queue).size(), "delivered exactly once after the failure");
        assertEquals(DeliveryState.DELIVERED, outbox.find(id).orElseThrow().state());
    }

    @Test
    void aFailedMessageRedrivenIsPendingAgainAndTheNextDeliveryPublishesIt() {
        DynamodbEvent event = sampleEventWithFreshId();
        String id = idOf(event);
        putNewImage(event);
        Map<String, String> broken = new HashMap<>(aws.rawEnvironmentOf("EscalationFunction"));
        broken.put(EnvVar.ESCALATIONS_TOPIC_ARN.name(), "arn:aws:sns:eu-central-1:000000000000:no-such-topic");
        LambdaInvoke.invoke(handler(Environment.of(broken)), event, StreamsEventResponse.class);
        LambdaInvoke.invoke(handler(Environment.of(broken)), event, StreamsEventResponse.class);
        assertEquals(2, outbox.delivery(id).orElseThrow().attempts(), "two failed attempts");

        // the retries ran out; operations redrive it (console, CLI and sweep share OutboxRepository.redrive)
        assertTrue(outbox.redrive(id, Instant.parse("2026-12-04T13:20:00Z")));
        assertEquals(DeliveryState.PENDING, outbox.find(id).orElseThrow().state());
        // the redrive's MODIFY (pending again) reaches the function through the stream filter
        var delivered = LambdaInvoke.invoke(handler(env), event, StreamsEventResponse.class);

        assertTrue(delivered.getBatchItemFailures().isEmpty());
        assertEquals(1, aws.drain(p1Queue).size());
        var after = outbox.delivery(id).orElseThrow();
        assertEquals(DeliveryState.DELIVERED, after.message().state());
        assertEquals(1, after.redrives());
        assertFalse(outbox.redrive(id, Instant.parse("2026-12-04T13:21:00Z")), "delivered: nothing to redrive");
    }

    @Test
    void aNonP1OperationsMessageIsFilteredAwayFromTheSecondLine() {
        String id = "VIO-2026-000124#p3-breach-" + UUID.randomUUID();
        outbox.add(OutboxMessage.pending(
                id,
                OutboxMessage.Topic.OPERATIONS,
                Map.of("priority", "P3", "kind", "breach", "contract", "office-hours"),
                "{\"kind\":\"breach\"}",
                NOW));
        DynamodbEvent event = sampleEventWithFreshId();
        event.getRecords().get(0).getDynamodb().getKeys().get("id").setS(id);

        LambdaInvoke.invoke(handler(env), event, StreamsEventResponse.class);

        assertEquals(List.of(), aws.drain(p1Queue), "the P1 subscription gets nothing");
        List<Message> operations = aws.drain(operationsQueue);
        assertEquals(1, operations.size());
        assertEquals("P3", operations.get(0).messageAttributes().get("priority").stringValue());
    }

    @Test
    void anOutboxMessageReachesTheSecondLineThroughTheTablesRealStream() {
        Assumptions.assumeTrue(aws.supportsStreams(), "this DynamoDB emulator has no streams");
        try (var stream = aws.streamOf("OutboxTable")) {
            stream.read(); // what other tests wrote before
            String id = "VIO-2026-000125#p1-escalation-" + UUID.randomUUID();
            outbox.add(OutboxMessage.pending(
                    id,
                    OutboxMessage.Topic.ESCALATIONS,
                    Map.of("priority", "P1", "kind", "p1-escalation", "contract", "24x7"),
                    "{\"ticket\":\"VIO-2026-000125\"}",
                    NOW));

            DynamodbEvent inserted = stream.read();
            var response = LambdaInvoke.invoke(handler(env), inserted, StreamsEventResponse.class);
            DynamodbEvent delivery = stream.read(); // our own markDelivered, a MODIFY
            LambdaInvoke.invoke(handler(env), delivery, StreamsEventResponse.class);

            assertTrue(
                    inserted.getRecords().stream()
                            .anyMatch(r -> r.getEventName().equals("INSERT")
                                    && r.getDynamodb()
                                            .getKeys()
                                            .get("id")
                                            .getS()
                                            .equals(id)),
                    "the stream carries the insert");
            assertTrue(response.getBatchItemFailures().isEmpty());
            assertTrue(delivery.getRecords().stream()
                    .anyMatch(r -> r.getEventName().equals("MODIFY")));
            List<Message> received = aws.drain(p1Queue);
            assertEquals(1, received.size(), "one message, the MODIFY published nothing");
            assertEquals(
                    id, received.get(0).messageAttributes().get("escalationId").stringValue());
        }
    }

    private EscalationHandler handler(Environment environment) {
        return new EscalationHandler(environment, aws.clients(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The sample event, with a fresh id so tests sharing the emulator do not see each other. */
    private static DynamodbEvent sampleEventWithFreshId() {
        DynamodbEvent event = LambdaEvents.load("escalation/outbox-insert.json", DynamodbEvent.class);
        var record = event.getRecords().get(0).getDynamodb();
        String id = record.getKeys().get("id").getS() + "-" + UUID.randomUUID();
        record.getKeys().get("id").setS(id);
        record.getNewImage().get("id").setS(id);
        return event;
    }

    private static String idOf(DynamodbEvent event) {
        return event.getRecords().get(0).getDynamodb().getKeys().get("id").getS();
    }

    private void putNewImage(DynamodbEvent event) {
        Map<String, AttributeValue> item =
                LambdaEvents.item(event.getRecords().get(0).getDynamodb().getNewImage());
        aws.clients()
                .dynamo()
                .putItem(b -> b.tableName(env.require(EnvVar.OUTBOX_TABLE)).item(item));
    }
}
