package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakMachine;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.probe.ProbeRound;
import org.junit.jupiter.api.Test;

/** Issue 20: the demo's time-lapse jumps are monitored, while a real missed run stays unknown (R20). */
class DemoProbeBridgeTest {
    private static final String SERVICE = "platform:hosted-voice";
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final ProbeTarget TARGET =
            ProbeTarget.tcp("demo-softphone-tcp", SERVICE, "127.0.0.1", 1791, Duration.ofMillis(100));

    private final StreakMachine machine = new StreakMachine(ProbeRound.INTERVAL);

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private StreakState checkedAt(int minute, boolean passed) {
        CheckResult check = passed
                ? CheckResult.passed(TARGET.id(), at(minute), Duration.ofMillis(1), "ok")
                : CheckResult.failed(TARGET.id(), at(minute), null, "refused");
        return machine.apply(StreakState.initial(TARGET.id()), check, SERVICE, false, true)
                .next();
    }

    private List<StreakMachine.Effect> realRoundAt(StreakState state, int minute, boolean passed) {
        CheckResult check = passed
                ? CheckResult.passed(TARGET.id(), at(minute), Duration.ofMillis(1), "ok")
                : CheckResult.failed(TARGET.id(), at(minute), null, "refused");
        return machine.apply(state, check, SERVICE, false, true).effects();
    }

    @Test
    void aJumpOverAQuietDayLeavesNoUnknownTime() {
        StreakState before = checkedAt(0, true);
        // the jump ends a day later, where the real round runs
        DemoProbeBridge.Carried carried = DemoProbeBridge.carry(machine, before, TARGET, true, at(1440));
        assertEquals(1439, carried.rounds(), "every round the jump passed over, up to the real one");
        assertEquals(at(1439), carried.state().lastCheckAt());
        assertEquals(at(1439), carried.last().at(), "the last skipped round is stored as a check");
        assertTrue(carried.last().detail().startsWith("demo time-lapse"), "marked as the demo's");
        assertEquals(
                List.of(), realRoundAt(carried.state(), 1440, true), "the real round after the jump: no missed run");
    }

    @Test
    void aRealMissedRunIsStillUnknown() {
        // production: nothing carries the streak, a round a day later records the gap as unknown (R20)
        List<StreakMachine.Effect> effects = realRoundAt(checkedAt(0, true), 1440, true);
        assertEquals(1, effects.size());
        var unknown = (StreakMachine.RecordUnknown) effects.get(0);
        assertEquals(at(1), unknown.span().span().start(), "the last check speaks for one interval");
        assertEquals(at(1440), unknown.span().span().end());
    }

    @Test
    void aJumpInsideAnOutageKeepsItOpenWithoutNewEffects() {
        // five failures: the outage is open and its incident claimed; the jump crosses hours of it
        StreakState s = checkedAt(0, false);
        for (int m = 1; m < 5; m++) {
            s = machine.apply(s, CheckResult.failed(TARGET.id(), at(m), null, "refused"), SERVICE, false, true)
                    .next();
        }
        s = s.withIncident("VIO-2026-000005");
        assertTrue(s.outageOpen());
        DemoProbeBridge.Carried carried = DemoProbeBridge.carry(machine, s, TARGET, false, at(600));
        assertEquals(595, carried.rounds());
        assertTrue(carried.state().outageOpen(), "still down: the outage runs on, not cut by unknown time");
        assertEquals(at(0), carried.state().outageStart());
        List<StreakMachine.Effect> effects = realRoundAt(carried.state(), 600, true);
        assertEquals(
                new StreakMachine.RecordOutage(
                        new Outage(SERVICE, TARGET.id(), at(0), at(4), at(600), "VIO-2026-000005")),
                effects.get(0),
                "the passing round after the jump closes the outage where it really ended");
    }

    @Test
    void aRoundThatWouldAskForAnEffectEndsTheBridge() {
        // one failure before the jump and the peers still down: the third failure would notify
        StreakState s = checkedAt(0, false);
        DemoProbeBridge.Carried carried = DemoProbeBridge.carry(machine, s, TARGET, false, at(60));
        assertEquals(1, carried.rounds(), "the second failure is carried, the third is left to the probe");
        assertEquals(at(1), carried.state().lastCheckAt());
        assertFalse(realRoundAt(carried.state(), 60, false).isEmpty(), "the rest of the jump is unknown");
    }

    @Test
    void aTargetNeverCheckedIsNotCarried() {
        DemoProbeBridge.Carried carried =
                DemoProbeBridge.carry(machine, StreakState.initial(TARGET.id()), TARGET, true, at(60));
        assertEquals(0, carried.rounds());
        assertNull(carried.last());
    }
}
