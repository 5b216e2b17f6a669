package nl.vioms.sladesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded metric format SLA Desk writes (issue 21): CloudWatch's specification, field by field. */
class EmbeddedMetricTest {
    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    @AfterEach
    void realClock() {
        Log.useClock(null);
    }

    @Test
    void aCountWithDimensionsPutsValuesDimensionsAndTheDeclarationOnTheLine() {
        Log.useClock(Clock.fixed(AT, ZoneOffset.UTC));
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("ticket", "VIO-2026-000001"));

        EmbeddedMetric.count("TicketsOpened")
                .dimension("channel", "EMAIL")
                .dimension("priority", "P1")
                .into(fields);

        assertEquals("VIO-2026-000001", fields.get("ticket"));
        assertEquals("EMAIL", fields.get("channel"));
        assertEquals("P1", fields.get("priority"));
        assertEquals(1, fields.get("TicketsOpened"));
        assertEquals(
                "{\"Timestamp\":" + AT.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"SlaDesk\","
                        + "\"Dimensions\":[[\"channel\",\"priority\"]],"
                        + "\"Metrics\":[{\"Name\":\"TicketsOpened\",\"Unit\":\"Count\"}]}]}",
                Json.write(fields.get("_aws")));
    }

    @Test
    void severalMetricsShareTheLineAndARollupAddsTheSetWithoutDimensions() {
        Map<String, Object> fields = EmbeddedMetric.count("EscalationsPublished")
                .and("EscalationDeliveryLatency", 1234L, EmbeddedMetric.MILLISECONDS)
                .dimension("topic", "ESCALATIONS")
                .rollup()
                .into(new LinkedHashMap<>());

        assertEquals(1234L, fields.get("EscalationDeliveryLatency"));
        Map<String, Object> directive = directive(fields);
        assertEquals(List.of(List.of("topic"), List.of()), directive.get("Dimensions"));
        assertEquals(
                List.of(
                        Map.of("Name", "EscalationsPublished", "Unit", "Count"),
                        Map.of("Name", "EscalationDeliveryLatency", "Unit", "Milliseconds")),
                directive.get("Metrics"));
    }

    @Test
    void withoutDimensionsTheOnlySetIsEmptyAndABlankDimensionValueIsNamed() {
        Map<String, Object> plain =
                EmbeddedMetric.count("SlaSweepCompleted").rollup().into(new LinkedHashMap<>());
        assertEquals(List.of(List.of()), directive(plain).get("Dimensions"));

        Map<String, Object> blank =
                EmbeddedMetric.count("MailsIgnored").dimension("class", " ").into(new LinkedHashMap<>());
        assertEquals("none", blank.get("class"), "CloudWatch drops a data point whose dimension value is empty");
    }

    @Test
    void atMostThirtyDimensions() {
        EmbeddedMetric metric = EmbeddedMetric.count("Many");
        for (int i = 0; i < 30; i++) {
            metric.dimension("d" + i, "v");
        }
        assertThrows(IllegalStateException.class, () -> metric.dimension("d30", "v"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> directive(Map<String, Object> fields) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) fields.get("_aws")).get("CloudWatchMetrics")).get(0);
    }
}
