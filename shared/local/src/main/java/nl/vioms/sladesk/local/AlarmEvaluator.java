package nl.vioms.sladesk.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.vioms.sladesk.emulators.Template;

/**
 * A small stand-in for CloudWatch's evaluation of the template's alarms on SLA Desk's own
 * metrics (issue 21), over the data points the local runtime collected: the alarm's metric with
 * its dimension set (none, for SLA Desk's alarms), its statistic over periods of {@code Period}
 * seconds aligned to the epoch, the last {@code EvaluationPeriods} whole periods before now,
 * {@code DatapointsToAlarm} of them breaching, the comparison, and {@code TreatMissingData}.
 * Alarms that compute on several metrics (the anomaly band) are not evaluated here.
 */
final class AlarmEvaluator {
    enum State {
        OK,
        ALARM,
        INSUFFICIENT_DATA
    }

    /** One alarm of the template as CloudWatch reads it. */
    record Alarm(
            String id,
            String namespace,
            String metric,
            Map<String, String> dimensions,
            String statistic,
            Duration period,
            int evaluationPeriods,
            int datapointsToAlarm,
            double threshold,
            String comparison,
            String treatMissingData) {

        /** The alarm's definition, or empty for one that computes on metrics or whose dimensions are references. */
        static Optional<Alarm> of(String id, Map<String, Object> props) {
            if (props.get("MetricName") == null) {
                return Optional.empty();
            }
            Map<String, String> dims = new TreeMap<>();
            for (Object d : Template.list(props.getOrDefault("Dimensions", List.of()))) {
                Map<String, Object> dim = Template.map(d);
                if (!(dim.get("Value") instanceof String value)) {
                    return Optional.empty(); // a resource's name: AWS's own metrics, not collected locally
                }
                dims.put((String) dim.get("Name"), value);
            }
            int evaluations = ((Number) props.get("EvaluationPeriods")).intValue();
            return Optional.of(new Alarm(
                    id,
                    (String) props.get("Namespace"),
                    (String) props.get("MetricName"),
                    dims,
                    (String) props.get("Statistic"),
                    Duration.ofSeconds(((Number) props.get("Period")).longValue()),
                    evaluations,
                    ((Number) props.getOrDefault("DatapointsToAlarm", evaluations)).intValue(),
                    ((Number) props.get("Threshold")).doubleValue(),
                    (String) props.get("ComparisonOperator"),
                    (String) props.getOrDefault("TreatMissingData", "missing")));
        }

        /** The alarm's state at {@code now} over these data points. */
        State evaluate(List<MetricLines.Point> points, Instant now) {
            long p = period.toMillis();
            long end = Math.floorDiv(now.toEpochMilli(), p) * p; // the last whole period ends here
            int breaching = 0;
            int missing = 0;
            for (int i = 0; i < evaluationPeriods; i++) {
                long to = end - i * p;
                long from = to - p;
                List<Double> values = new ArrayList<>();
                for (MetricLines.Point point : points) {
                    long at = point.at().toEpochMilli();
                    if (at >= from
                            && at < to
                            && point.namespace().equals(namespace)
                            && point.metric().equals(metric)
                            && point.dimensionSets().contains(dimensions)) {
                        values.add(point.value());
                    }
                }
                if (values.isEmpty()) {
                    missing++;
                    if ("breaching".equals(treatMissingData)) {
                        breaching++;
                    }
                } else if (breaches(statistic(values))) {
                    breaching++;
                }
            }
            boolean noData = missing == evaluationPeriods;
            if (noData && ("missing".equals(treatMissingData) || "ignore".equals(treatMissingData))) {
                return State.INSUFFICIENT_DATA;
            }
            return breaching >= datapointsToAlarm ? State.ALARM : State.OK;
        }

        private double statistic(List<Double> values) {
            return switch (statistic) {
                case "Sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
                case "Maximum" ->
                    values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                case "Minimum" ->
                    values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                case "Average" ->
                    values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                case "SampleCount" -> values.size();
                default -> throw new IllegalArgumentException(id + ": statistic " + statistic);
            };
        }

        private boolean breaches(double value) {
            return switch (comparison) {
                case "GreaterThanOrEqualToThreshold" -> value >= threshold;
                case "GreaterThanThreshold" -> value > threshold;
                case "LessThanThreshold" -> value < threshold;
                case "LessThanOrEqualToThreshold" -> value <= threshold;
                default -> throw new IllegalArgumentException(id + ": comparison " + comparison);
            };
        }
    }

    private AlarmEvaluator() {}

    /** The template's alarms on SLA Desk's own metrics (namespace SlaDesk) that can be evaluated locally. */
    static List<Alarm> slaDeskAlarms(Template template) {
        List<Alarm> alarms = new ArrayList<>();
        template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, props) -> {
            if ("SlaDesk".equals(props.get("Namespace"))) {
                Alarm.of(id, props).ifPresent(alarms::add);
            }
        });
        return alarms;
    }

    /** Each locally evaluated alarm's state at {@code now}. */
    static Map<String, String> states(Template template, List<MetricLines.Point> points, Instant now) {
        Map<String, String> states = new TreeMap<>();
        for (Alarm alarm : slaDeskAlarms(template)) {
            states.put(alarm.id(), alarm.evaluate(points, now).name());
        }
        return states;
    }
}
