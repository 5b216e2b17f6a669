package nl.vioms.sladesk.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.vioms.sladesk.core.monitoring.StreakMachine.Effect;
import nl.vioms.sladesk.core.monitoring.StreakMachine.NoteIncident;
import nl.vioms.sladesk.core.monitoring.StreakMachine.Notify;
import nl.vioms.sladesk.core.monitoring.StreakMachine.OpenIncident;
import nl.vioms.sladesk.core.monitoring.StreakMachine.RecordOutage;
import nl.vioms.sladesk.core.monitoring.StreakMachine.RecordUnknown;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.Test;

/** R20's streak rules, one check a minute from Mon 30 Nov 2026 10:00 UTC. */
class StreakMachineTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final String SERVICE = "platform:hosted-voice";
    private final StreakMachine machine = new StreakMachine(Duration.ofMinutes(1));
    private StreakState state = StreakState.initial("sbc-1");
    private final List<Effect> effects = new ArrayList<>();

    private List<Effect> check(int minute, boolean passes, boolean suppressed, boolean platform) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        CheckResult result = passes
                ? CheckResult.passed("sbc-1", at, Duration.ofMillis(3), "SIP 200 OK")
                : CheckResult.failed("sbc-1", at, null, "timeout");
        StreakMachine.Step step = machine.apply(state, result, SERVICE, suppressed, platform);
        state = step.next();
        effects.addAll(step.effects());
        return step.effects();
    }

    private List<Effect> fail(int minute) {
        return check(minute, false, false, true);
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    @Test
    void threeFailuresNotifyOnceFiveOpenAnOutageFromTheFirstAndAPassCloses() {
        assertEquals(List.of(), fail(0));
        assertEquals(List.of(), fail(1));
        assertEquals(List.of(new Notify(at(0), 3, at(2))), fail(2), "third failure in a row notifies (R20)");
        assertEquals(List.of(), fail(3), "once per streak");
        // fifth failure at 10:04: outage from the first failed check 10:00, confirmed 10:04 (R20)
        Outage open = new Outage(SERVICE, "sbc-1", at(0), at(4), null, null);
        assertEquals(List.of(new RecordOutage(open), new OpenIncident(open)), fail(4));
        assertEquals(List.of(new OpenIncident(open)), fail(5), "the incident is asked for until it is linked");
        state = state.withIncident("VIO-2026-000001");
        assertEquals(List.of(), fail(6));
        // first passing check at 10:17 ends it: 17 minutes of outage
        Outage closed = new Outage(SERVICE, "sbc-1", at(0), at(4), at(17), "VIO-2026-000001");
        for (int m = 7; m < 17; m++) {
            assertEquals(List.of(), fail(m));
        }
        assertEquals(
                List.of(new RecordOutage(closed), new NoteIncident("VIO-2026-000001", closed, at(17))),
                check(17, true, false, true));
        assertEquals(Duration.ofMinutes(17), closed.interval(at(17)).duration());
        assertEquals(0, state.failures());
        assertNull(state.incident());
        assertTrue(fail(18).isEmpty() && fail(19).isEmpty(), "a new streak starts from nothing");
        assertEquals(List.of(new Notify(at(18), 3, at(20))), fail(20), "and is notified again");
    }

    @Test
    void twoFailuresAndAPassAreNothing() {
        fail(0);
        fail(1);
        assertEquals(List.of(), check(2, true, false, true));
        assertEquals(List.of(), fail(3));
        assertEquals(List.of(), fail(4), "the streak restarted at 10:03: two failures");
    }

    @Test
    void aCustomersServiceGetsAnOutageButNoIncident() {
        for (int m = 0; m < 4; m++) {
            check(m, false, false, false);
        }
        List<Effect> fifth = check(4, false, false, false);
        assertEquals(List.of(new RecordOutage(new Outage(SERVICE, "sbc-1", at(0), at(4), null, null))), fifth);
    }

    @Test
    void insideAnAnnouncedWindowNotificationAndIncidentWaitButTheOutageIsRecorded() {
        for (int m = 0; m < 4; m++) {
            assertTrue(check(m, false, true, true).isEmpty(), "suppressed at minute " + m);
        }
        Outage open = new Outage(SERVICE, "sbc-1", at(0), at(4), null, null);
        assertEquals(List.of(new RecordOutage(open)), check(4, false, true, true), "recorded, not announced");
        // the window ends at 10:05: still failing, so operations hear of it now, once
        assertEquals(List.of(new Notify(at(0), 6, at(5)), new OpenIncident(open)), check(5, false, false, true));
        state = state.withIncident("VIO-2026-000003");
        assertEquals(List.of(), check(6, false, false, true));
        assertEquals(1, effects.stream().filter(e -> e instanceof Notify).count());
    }

    @Test
    void anOutageThatEndsInsideTheWindowIsNeverAnnounced() {
        for (int m = 0; m < 8; m++) {
            check(m, false, true, true);
        }
        check(8, true, true, true);
        assertEquals(
                0,
                effects.stream()
                        .filter(e -> e instanceof Notify || e instanceof OpenIncident)
                        .count());
        assertEquals(
                new Outage(SERVICE, "sbc-1", at(0), at(4), at(8), null),
                ((RecordOutage) effects.get(effects.size() - 1)).outage());
    }

    @Test
    void missedRunsLeaveUnknownTimeAndEndTheOutageWhereItBegins() {
        for (int m = 0; m < 5; m++) {
            fail(m);
        }
        state = state.withIncident("VIO-2026-000002");
        // the probe did not run 10:05..10:09; the next check is at 10:10
        List<Effect> after = fail(10);
        // the 10:04 check speaks until 10:05; 10:05-10:10 is unknown (R20), the outage ends at 10:05
        assertEquals(
                new RecordUnknown(new UnknownSpan(
                        SERVICE, new Interval(at(5), at(10)), "target sbc-1 not checked (missed probe runs)")),
                after.get(0));
        assertEquals(
                new RecordOutage(new Outage(SERVICE, "sbc-1", at(0), at(4), at(5), "VIO-2026-000002")), after.get(1));
        assertEquals(2, after.size(), "a new streak of one failure; the incident stays linked");
        assertEquals(1, state.failures());
        assertEquals("VIO-2026-000002", state.incident());
        for (int m = 11; m < 14; m++) {
            fail(m);
        }
        List<Effect> fifth = fail(14);
        // the new outage (10:10, confirmed 10:14) joins the open incident instead of opening another
        assertEquals(
                List.of(new RecordOutage(new Outage(SERVICE, "sbc-1", at(10), at(14), null, "VIO-2026-000002"))),
                fifth);
        assertEquals(2, effects.stream().filter(e -> e instanceof Notify).count(), "each streak is notified");
    }

    @Test
    void oneLateRunIsJitterNotAGap() {
        fail(0);
        // 90 s later is within 1.5 rounds
        StreakMachine.Step step = machine.apply(
                state, CheckResult.failed("sbc-1", T0.plusSeconds(90), null, "timeout"), SERVICE, false, true);
        assertEquals(List.of(), step.effects());
        assertEquals(2, step.next().failures());
        StreakMachine.Step late = machine.apply(
                step.next(), CheckResult.failed("sbc-1", T0.plusSeconds(181), null, "timeout"), SERVICE, false, true);
        assertTrue(late.effects().get(0) instanceof RecordUnknown, "91 s after the last check is more than 1.5 rounds");
    }

    @Test
    void theSameRunAppliedTwiceChangesNothing() {
        fail(0);
        fail(1);
        StreakState before = state;
        assertEquals(List.of(), fail(1));
        assertEquals(before, state);
        assertEquals(List.of(), fail(0), "an older run neither");
        assertEquals(before, state);
    }

    @Test
    void degradedChecksPass() {
        fail(0);
        fail(1);
        CheckResult slow = CheckResult.passed("sbc-1", at(2), Duration.ofMillis(80), "SIP 200 OK");
        assertEquals(CheckResult.Status.DEGRADED, slow.status());
        state = machine.apply(state, slow, SERVICE, false, true).next();
        assertEquals(0, state.failures(), "slower than 25 ms is degraded, not down (R22)");
    }

    @Test
    void theDegradedThresholdIs25MsExclusive() {
        assertEquals(
                CheckResult.Status.UP,
                CheckResult.passed("t", T0, Duration.ofMillis(25), "").status());
        assertEquals(
                CheckResult.Status.DEGRADED,
                CheckResult.passed("t", T0, Duration.ofMillis(25).plusNanos(1000), "")
                        .status());
    }
}
