package nl.vioms.sladesk.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The escalation function's embedded metrics (issue 21) on the real handler against the
 * emulators: a published message with its delivery latency (outbox write to SNS accept) by topic
 * and in total, and a failed attempt.
 */
@ExtendWith(AwsEmulators.class)
class EscalationMetricsTest {
    private static final Instant WRITTEN = Instant.parse("2026-12-03T09:00:00Z");
    private static final LambdaContext CONTEXT = new LambdaContext("EscalationFunction", Duration.ofSeconds(30), 512);

    @Test
    void aPublishedEscalationIsCountedWithItsLatencyByTopicAndInTotal(LocalAws aws) {
        String id = written(aws, OutboxMessage.Topic.ESCALATIONS);
        MutableClock clock = new MutableClock(WRITTEN.plusMillis(3_250));
        var handler = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), clock);

        var captured = LogCapture.capture(() -> LambdaInvoke.invokeJson(handler, record(id), CONTEXT));

        Map<String, Object> published = line(captured.lines(), "outbox.published");
        assertEquals(1, published.get("EscalationsPublished"));
        assertEquals(3250, published.get("EscalationDeliveryLatency"));
        assertEquals("ESCALATIONS", published.get("topic"));
        assertEquals(
                List.of(Map.of(
                        "Namespace",
                        "SlaDesk",
                        "Dimensions",
                        List.of(List.of("topic"), List.of()),
                        "Metrics",
                        List.of(
                                Map.of("Name", "EscalationsPublished", "Unit", "Count"),
                                Map.of("Name", "EscalationDeliveryLatency", "Unit", "Milliseconds")))),
                aws(published).get("CloudWatchMetrics"));
    }

    @Test
    void aFailedPublishIsCounted(LocalAws aws) {
        String id = written(aws, OutboxMessage.Topic.OPERATIONS);
        Map<String, String> broken = new HashMap<>(aws.rawEnvironmentOf("EscalationFunction"));
        broken.put(EnvVar.OPERATIONS_TOPIC_ARN.name(), "arn:aws:sns:eu-central-1:000000000000:no-such-topic");
        var handler = new EscalationHandler(Environment.of(broken), aws.clients(), new MutableClock(WRITTEN));

        var captured = LogCapture.capture(() -> LambdaInvoke.invokeJson(handler, record(id), CONTEXT));

        Map<String, Object> failed = line(captured.lines(), "outbox.publish-failed");
        assertEquals(1, failed.get("EscalationsFailed"));
        assertEquals(id, failed.get("escalationId"));
        assertEquals(
                List.of(Map.of(
                        "Namespace",
                        "SlaDesk",
                        "Dimensions",
                        List.of(List.of()),
                        "Metrics",
                        List.of(Map.of("Name", "EscalationsFailed", "Unit", "Count")))),
                aws(failed).get("CloudWatchMetrics"));
    }

    private static String written(LocalAws aws, OutboxMessage.Topic topic) {
        String id = "VIO-2026-000888#p1-escalation-" + UUID.randomUUID();
        new OutboxRepository(
                        aws.clients().dynamo(),
                        aws.environmentOf("EscalationFunction").require(EnvVar.OUTBOX_TABLE))
                .add(OutboxMessage.pending(
                        id, topic, Map.of("priority", "P1", "kind", "p1-escalation"), "{}", WRITTEN));
        return id;
    }

    private static String record(String id) {
        return Json.write(Map.of(
                "Records",
                List.of(Map.of(
                        "eventName",
                        "INSERT",
                        "dynamodb",
                        Map.of(
                                "Keys",
                                Map.of("id", Map.of("S", id)),
                                "SequenceNumber",
                                "7",
                                "StreamViewType",
                                "NEW_IMAGE")))));
    }

    private static Map<String, Object> line(List<Map<String, Object>> lines, String event) {
        return lines.stream()
                .filter(l -> event.equals(l.get("event")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(event + " not in " + lines));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> aws(Map<String, Object> line) {
        return (Map<String, Object>) line.get("_aws");
    }
}
