package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.Template;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 locally: the runtime collects its functions' embedded-metric lines, ./sladesk stats
 * sums them, and the template's dead man's switches, evaluated over them on the runtime's
 * simulated clock, fire when the sweep and the probe stop.
 */
@ExtendWith(AwsEmulators.class)
class ObservabilityTest {
    private static final Template TEMPLATE = Template.ofProject();

    @Test
    void theSweepAndProbeSwitchesFireThreeMinutesAfterTheRuntimeStops(LocalAws aws, @TempDir Path state)
            throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "the runtime needs a DynamoDB emulator with streams");
        // Wed 10 Mar 2027 11:00 Amsterdam: every minute a sweep and a probe round
        Instant t0 = Instant.parse("2027-03-10T10:00:30Z");
        MutableClock clock = new MutableClock(t0);
        Path metricsFile = state.resolve("metrics.jsonl");
        var invocations = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.JSON);
        List<MetricLines.Point> points;
        Log.useClock(clock);
        try (var runtime =
                new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.ENABLED, invocations, state, metricsFile)) {
            for (int minute = 0; minute < 5; minute++) {
                clock.set(t0.plus(Duration.ofMinutes(minute)));
                runtime.drain();
            }
            points = runtime.metrics();
        } finally {
            Log.useClock(null);
        }
        assertEquals(points.size(), MetricLines.read(metricsFile).size(), "the file holds what was collected");
        assertTrue(sum(points, "SlaSweepCompleted") >= 5, "a sweep a minute");
        assertTrue(sum(points, "ProbeRoundCompleted") >= 5, "a round a minute");

        // the last runs were at 10:04:30; the runtime (and so every schedule) has stopped
        List<String> states = new ArrayList<>();
        for (int minute = 5; minute <= 9; minute++) {
            Map<String, String> alarms = AlarmEvaluator.states(TEMPLATE, points, t0.plus(Duration.ofMinutes(minute)));
            states.add(alarms.get("SlaSweepMissingAlarm") + "/" + alarms.get("ProbeRoundMissingAlarm"));
            if (minute == 5) {
                // (the P1 and latency alarms depend on the other tests' tickets in the shared emulator)
                assertEquals("OK", alarms.get("MonthEndOverdueAlarm"), alarms.toString());
            }
        }
        // evaluated at 10:05:30 the last three whole minutes (10:02-10:05) each had a run; at
        // 10:06:30 the minute 10:05 had none, ... at 10:08:30 three empty minutes: ALARM
        assertEquals(List.of("OK/OK", "OK/OK", "OK/OK", "ALARM/ALARM", "ALARM/ALARM"), states);

        var stats = StatsCommand.stats(false, points, t0.plus(Duration.ofMinutes(9)));
        @SuppressWarnings("unchecked")
        var slaDesk = (Map<String, Map<String, Object>>) ((Map<String, Object>) stats.get("metrics")).get("SlaDesk");
        assertEquals(
                (long) sum(points, "SlaSweepCompleted"),
                slaDesk.get("SlaSweepCompleted").get("sum"));
        assertEquals("ALARM", ((Map<?, ?>) stats.get("alarms")).get("SlaSweepMissingAlarm"));
        assertTrue(Files.size(metricsFile) > 0);
    }

    @Test
    void aMetricLineIsReadAsCloudWatchReadsIt() {
        String line = "{\"time\":\"x\",\"event\":\"outbox.published\",\"topic\":\"ESCALATIONS\","
                + "\"EscalationsPublished\":1,\"EscalationDeliveryLatency\":850,\"_aws\":{\"Timestamp\":1800000000000,"
                + "\"CloudWatchMetrics\":[{\"Namespace\":\"SlaDesk\",\"Dimensions\":[[\"topic\"],[]],"
                + "\"Metrics\":[{\"Name\":\"EscalationsPublished\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"EscalationDeliveryLatency\",\"Unit\":\"Milliseconds\"}]}]}}";

        List<MetricLines.Point> points = MetricLines.parse(line);

        assertEquals(2, points.size());
        MetricLines.Point latency = points.get(1);
        assertEquals("EscalationDeliveryLatency", latency.metric());
        assertEquals(850.0, latency.value());
        assertEquals("Milliseconds", latency.unit());
        assertEquals(Instant.ofEpochMilli(1_800_000_000_000L), latency.at());
        assertEquals(List.of(Map.of("topic", "ESCALATIONS"), Map.of()), latency.dimensionSets());
        assertEquals(List.of(), MetricLines.parse("{\"event\":\"ticket.opened\"}"), "no _aws: no metric");
        assertEquals(List.of(), MetricLines.parse("time=... level=INFO"), "not JSON");

        Map<String, Object> summary = MetricLines.summary(List.of(points.get(0), points.get(0), latency));
        assertEquals(
                "{EscalationDeliveryLatency={unit=Milliseconds, samples=1, sum=850, min=850, max=850,"
                        + " by={topic=ESCALATIONS=850}}, EscalationsPublished={unit=Count, samples=2, sum=2, min=1,"
                        + " max=1, by={topic=ESCALATIONS=2}}}",
                summary.get("SlaDesk").toString());
    }

    @Test
    void theEvaluatorFollowsPeriodsDatapointsToAlarmAndTreatMissingData() {
        var sweep = AlarmEvaluator.slaDeskAlarms(TEMPLATE).stream()
                .filter(a -> a.id().equals("SlaSweepMissingAlarm"))
                .findFirst()
                .orElseThrow();
        var latency = AlarmEvaluator.slaDeskAlarms(TEMPLATE).stream()
                .filter(a -> a.id().equals("EscalationLatencyAlarm"))
                .findFirst()
                .orElseThrow();
        Instant t = Instant.parse("2027-03-10T10:00:00Z");

        assertEquals(AlarmEvaluator.State.ALARM, sweep.evaluate(List.of(), t), "missing is breaching");
        assertEquals(AlarmEvaluator.State.OK, latency.evaluate(List.of(), t), "missing is not breaching");
        // one sweep in three minutes: two breaching periods of three, DatapointsToAlarm 3
        assertEquals(
                AlarmEvaluator.State.OK,
                sweep.evaluate(List.of(point("SlaSweepCompleted", 1, t.minusSeconds(90), Map.of())), t));
        assertEquals(
                AlarmEvaluator.State.ALARM,
                latency.evaluate(List.of(point("EscalationDeliveryLatency", 61_000, t.minusSeconds(30), Map.of())), t));
        assertEquals(
                AlarmEvaluator.State.OK,
                latency.evaluate(
                        List.of(point("EscalationDeliveryLatency", 61_000, t.minusSeconds(30), Map.of("topic", "X"))),
                        t),
                "the alarm has no dimensions: only the total counts");
        assertEquals(
                AlarmEvaluator.State.OK,
                latency.evaluate(List.of(point("EscalationDeliveryLatency", 60_000, t.minusSeconds(30), Map.of())), t),
                "a minute is not above a minute");
    }

    private static MetricLines.Point point(String metric, double value, Instant at, Map<String, String> dims) {
        return new MetricLines.Point("SlaDesk", metric, "Count", value, at, List.of(dims));
    }

    private static double sum(List<MetricLines.Point> points, String metric) {
        return points.stream()
                .filter(p -> p.metric().equals(metric))
                .mapToDouble(MetricLines.Point::value)
                .sum();
    }
}
