package nl.vioms.sladesk.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Month-end's embedded metrics (issue 21) on the real handler against the emulators: a finished
 * run's duration, contracts and completion, and the run record sla-check's month-end switch reads.
 * September 2025 is a month no other test of this module runs.
 */
@ExtendWith(AwsEmulators.class)
class MonthEndMetricsTest {
    @Test
    void aFinishedRunEmitsItsDurationAndContractsAndLeavesItsRunRecord(LocalAws aws) {
        var env = aws.environmentOf("MonthEndFunction");
        Instant finished = Instant.parse("2025-10-01T00:07:00Z");
        var handler = new MonthEndHandler(env, aws.clients(), new MutableClock(finished));

        var run = LogCapture.capture(() -> LambdaInvoke.invokeJson(
                handler,
                "{\"month\":\"2025-09\"}",
                new LambdaContext("req-m", "MonthEndFunction", Duration.ofSeconds(30), 1024)));

        assertNull(run.thrown());
        Map<String, Object> done = run.lines().stream()
                .filter(l -> "month-end-done".equals(l.get("event")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(run.lines().toString()));
        assertEquals(1, done.get("MonthEndCompleted"));
        assertEquals(done.get("contracts"), done.get("MonthEndContracts"));
        assertTrue(((Number) done.get("MonthEndDuration")).longValue() >= 0, done.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = (Map<String, Object>) done.get("_aws");
        assertEquals(
                List.of(Map.of(
                        "Namespace",
                        "SlaDesk",
                        "Dimensions",
                        List.of(List.of()),
                        "Metrics",
                        List.of(
                                Map.of("Name", "MonthEndDuration", "Unit", "Milliseconds"),
                                Map.of("Name", "MonthEndContracts", "Unit", "Count"),
                                Map.of("Name", "MonthEndCompleted", "Unit", "Count")))),
                declared.get("CloudWatchMetrics"));
        assertEquals(
                finished,
                new ReportsRepository(aws.clients().dynamo(), env.require(EnvVar.REPORTS_TABLE))
                        .runFinished(YearMonth.of(2025, 9))
                        .orElseThrow());
    }
}
