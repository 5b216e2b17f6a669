package nl.vioms.sladesk.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A log line that CloudWatch also reads as a metric data point (the embedded metric format):
 * Lambda ships the line, CloudWatch extracts the value of the field named like the metric. No
 * client and no permission are needed, and the template's alarms watch the metric (issue 15).
 *
 * <p>The one way SLA Desk emits metrics (issue 21, decision 19): a structured {@link Log} line
 * that carries, besides its usual fields, the metric values, the dimension values and the
 * {@code _aws} declaration. Dimensions are fields of the line too, so the line reads as a log
 * line and the dimension values are searchable in Logs Insights.
 *
 * <pre>{@code
 * EmbeddedMetric.count("TicketsOpened").dimension("channel", "EMAIL").dimension("priority", "P1")
 *         .into(fields);
 * Log.info("ticket.opened", fields);
 * }</pre>
 */
public final class EmbeddedMetric {
    /** The namespace of every metric SLA Desk emits. */
    public static final String NAMESPACE = "SlaDesk";

    public static final String COUNT = "Count";
    public static final String MILLISECONDS = "Milliseconds";
    public static final String SECONDS = "Seconds";

    /** CloudWatch's limit per dimension set; SLA Desk keeps far below it (cost per combination). */
    static final int MAX_DIMENSIONS = 30;

    private final Map<String, Number> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private boolean rollup;

    private EmbeddedMetric() {}

    /** A metric with this value and unit (more can follow with {@link #and}). */
    public static EmbeddedMetric of(String metric, Number value, String unit) {
        return new EmbeddedMetric().and(metric, value, unit);
    }

    /** One occurrence: value 1, unit Count. */
    public static EmbeddedMetric count(String metric) {
        return of(metric, 1, COUNT);
    }

    /** Another metric on the same line, with the same dimensions. */
    public EmbeddedMetric and(String metric, Number value, String unit) {
        values.put(metric, value);
        units.put(metric, unit);
        return this;
    }

    /** A dimension: its name is a field of the line, its value that field's (text) value. */
    public EmbeddedMetric dimension(String name, String value) {
        if (dimensions.size() == MAX_DIMENSIONS) {
            throw new IllegalStateException("at most " + MAX_DIMENSIONS + " dimensions");
        }
        dimensions.put(name, value == null || value.isBlank() ? "none" : value);
        return this;
    }

    /**
     * Also declares the metrics without dimensions (a second dimension set, the empty one), so
     * that an alarm can watch the total: CloudWatch alarms cannot sum over dimension values.
     */
    public EmbeddedMetric rollup() {
        this.rollup = true;
        return this;
    }

    /** Puts the metric values, the dimension values and the declaration into a log line's fields. */
    public Map<String, Object> into(Map<String, Object> fields) {
        fields.putAll(dimensions);
        fields.putAll(values);
        fields.put("_aws", aws(Log.clock().millis()));
        return fields;
    }

    /** The metric as its own log line at INFO level. */
    public void log(String event) {
        Log.info(event, into(new LinkedHashMap<>()));
    }

    /** The metric on a log line with these fields, at INFO level. */
    public void log(String event, Map<String, ?> fields) {
        Log.info(event, into(new LinkedHashMap<>(fields)));
    }

    private Map<String, Object> aws(long epochMillis) {
        List<List<String>> sets = new ArrayList<>();
        sets.add(List.copyOf(dimensions.keySet()));
        if (rollup && !dimensions.isEmpty()) {
            sets.add(List.of());
        }
        List<Map<String, String>> metrics = new ArrayList<>();
        units.forEach((name, unit) -> {
            Map<String, String> metric = new LinkedHashMap<>();
            metric.put("Name", name);
            metric.put("Unit", unit);
            metrics.add(metric);
        });
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", sets);
        directive.put("Metrics", metrics);
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Timestamp", epochMillis);
        aws.put("CloudWatchMetrics", List.of(directive));
        return aws;
    }
}
