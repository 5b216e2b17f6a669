package nl.vioms.sladesk.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The probe's embedded metrics (issue 21) on the real handler against the emulators: per service
 * and round the checks failed and the targets with an open outage, and the round's heartbeat.
 * A TCP target on a closed port fails at once; its fifth failure opens the outage (R20).
 */
@ExtendWith(AwsEmulators.class)
class ProbeMetricsTest {
    @Test
    void eachRoundCountsFailedChecksAndOpenOutagesPerServiceAndEmitsItsHeartbeat(LocalAws aws) throws Exception {
        var env = aws.environmentOf("ProbeFunction");
        String service = "metrics:" + UUID.randomUUID().toString().substring(0, 8);
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        new ProbeRepository(aws.clients().dynamo(), env.require(EnvVar.MONITORING_TABLE))
                .putTarget(ProbeTarget.tcp("tcp-" + service, service, "127.0.0.1", closed, Duration.ofMillis(500)));
        // Tue 2 Mar 2027, 11:00 Amsterdam: no service window
        Instant t0 = Instant.parse("2027-03-02T10:00:00Z");
        MutableClock clock = new MutableClock(t0);
        List<Integer> failed = new ArrayList<>();
        List<Integer> outages = new ArrayList<>();
        try (Prober prober = new Prober(8)) {
            var handler = new ProbeHandler(env, aws.clients(), clock, prober);
            for (int minute = 0; minute < 5; minute++) {
                clock.set(t0.plus(Duration.ofMinutes(minute)));
                var lines = LogCapture.capture(() -> LambdaInvoke.invoke(handler, Map.of(), Map.class))
                        .lines();
                Map<String, Object> perService = lines.stream()
                        .filter(l -> "probe.service".equals(l.get("event")) && service.equals(l.get("service")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no probe.service line for " + service + ": " + lines));
                failed.add((Integer) perService.get("ProbeChecksFailed"));
                outages.add((Integer) perService.get("OutagesOpen"));
                assertEquals(List.of(List.of("service")), directive(perService).get("Dimensions"));
                Map<String, Object> round = lines.stream()
                        .filter(l -> "probe.round".equals(l.get("event")))
                        .findFirst()
                        .orElseThrow();
                assertEquals(1, round.get("ProbeRoundCompleted"));
                assertEquals(List.of(List.of()), directive(round).get("Dimensions"));
            }
        }

        assertEquals(List.of(1, 1, 1, 1, 1), failed);
        assertEquals(List.of(0, 0, 0, 0, 1), outages, "the fifth failure opens the outage (R20)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> directive(Map<String, Object> line) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) line.get("_aws")).get("CloudWatchMetrics")).get(0);
    }
}
