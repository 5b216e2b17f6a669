package nl.vioms.sladesk.app;

import java.util.List;
import java.util.Map;

/**
 * A log line that CloudWatch also reads as a metric data point (the embedded metric format):
 * Lambda ships the line, CloudWatch extracts the value of the field named like the metric. No
 * client and no permission are needed, and the template's alarms watch the metric (issue 15).
 */
public final class EmbeddedMetric {
    /** The namespace of every metric SLA Desk emits. */
    public static final String NAMESPACE = "SlaDesk";

    private EmbeddedMetric() {}

    /**
     * The {@code _aws} member that declares the line's field {@code metric} a metric without
     * dimensions; the line must also carry that field with the value.
     *
     * @param epochMillis the data point's time
     */
    public static Map<String, Object> declaration(String metric, String unit, long epochMillis) {
        return Map.of(
                "Timestamp",
                epochMillis,
                "CloudWatchMetrics",
                List.of(Map.of(
                        "Namespace",
                        NAMESPACE,
                        "Dimensions",
                        List.of(List.of()),
                        "Metrics",
                        List.of(Map.of("Name", metric, "Unit", unit)))));
    }
}
