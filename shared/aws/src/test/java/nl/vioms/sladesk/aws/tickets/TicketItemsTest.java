package nl.vioms.sladesk.aws.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** An event item DynamoDB refuses (issue 15 item 2): logged once as an alarmed metric, nothing thrown. */
class TicketItemsTest {
    private static final TicketEvent NOTE = new TicketEvent(
            "api-note-1", EventKind.NOTE, Instant.parse("2026-12-01T09:00:00Z"), "operations:noc", "api", Map.of());

    @Test
    void anInvalidItemIsLoggedAsTheMetricTheAlarmWatches() {
        DynamoDbException refused = refusal("ValidationException");
        String out = captured(() -> TicketItems.unstorable("VIO-2026-000042", NOTE, refused));
        Map<String, Object> line = Json.readObject(out.strip());
        assertEquals("ticket.event-unstorable", line.get("event"));
        assertEquals("VIO-2026-000042", line.get("ticket"));
        // the field named like the metric carries the value; _aws declares it (embedded metric format)
        assertEquals(1, ((Number) line.get(TicketItems.UNSTORABLE_METRIC)).intValue());
        Map<String, Object> aws = Json.object(line, "_aws");
        Map<String, Object> directive = Json.objects(aws, "CloudWatchMetrics").get(0);
        assertEquals("SlaDesk", directive.get("Namespace"));
        List<Map<String, Object>> metrics = Json.objects(directive, "Metrics");
        assertEquals("TicketEventUnstorable", metrics.get(0).get("Name"));
        assertTrue(((String) line.get("stackTrace")).contains("ValidationException"), out);
    }

    @Test
    void anyOtherRefusalIsThrownOnForTheCallerToRetry() {
        DynamoDbException throttled = refusal("ProvisionedThroughputExceededException");
        var thrown =
                assertThrows(DynamoDbException.class, () -> TicketItems.unstorable("VIO-2026-000042", NOTE, throttled));
        assertSame(throttled, thrown);
    }

    private static DynamoDbException refusal(String code) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(code + " from the test")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .build();
    }

    private static String captured(Runnable body) {
        PrintStream before = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(before);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
