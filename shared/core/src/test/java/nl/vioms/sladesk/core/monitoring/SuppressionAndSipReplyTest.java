package nl.vioms.sladesk.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.SipReply.Verdict;
import nl.vioms.sladesk.core.policy.RegularServiceWindow;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.Test;

class SuppressionAndSipReplyTest {
    private static final List<RegularServiceWindow> SAT_SUN_1_TO_5 = List.of(new RegularServiceWindow(
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(1, 0), LocalTime.of(5, 0)));

    @Test
    void regularServiceWindowsAreAmsterdamWallClockAcrossDst() {
        // Sat 28 Mar 2026 is CET (+01:00): 01:00-05:00 local = 00:00-04:00Z
        assertFalse(Suppression.inRegularWindow(Instant.parse("2026-03-27T23:59:59Z"), SAT_SUN_1_TO_5));
        assertTrue(Suppression.inRegularWindow(Instant.parse("2026-03-28T00:00:00Z"), SAT_SUN_1_TO_5));
        assertFalse(
                Suppression.inRegularWindow(Instant.parse("2026-03-28T04:00:00Z"), SAT_SUN_1_TO_5),
                "05:00 local is out");
        // Sun 29 Mar 2026: clocks go 02:00 -> 03:00; 01:00 CET = 00:00Z, 05:00 CEST = 03:00Z (3 hours long)
        assertTrue(Suppression.inRegularWindow(Instant.parse("2026-03-29T02:59:59Z"), SAT_SUN_1_TO_5));
        assertFalse(Suppression.inRegularWindow(Instant.parse("2026-03-29T03:00:00Z"), SAT_SUN_1_TO_5));
        // Mon 30 Mar 01:30 local is no window
        assertFalse(Suppression.inRegularWindow(Instant.parse("2026-03-29T23:30:00Z"), SAT_SUN_1_TO_5));
    }

    @Test
    void plannedMaintenanceSuppressesInsideItsAnnouncedSpanEmergencyDoesNot() {
        Interval night = new Interval(Instant.parse("2026-11-30T19:00:00Z"), Instant.parse("2026-11-30T23:00:00Z"));
        var planned = new MaintenanceWindow(
                "mw-1",
                "platform:x",
                MaintenanceKind.PLANNED,
                night,
                Instant.parse("2026-11-25T09:00:00Z"),
                "SBC firmware",
                false,
                null);
        var emergency = new MaintenanceWindow(
                "mw-2", "platform:x", MaintenanceKind.EMERGENCY, night, null, "disk", false, null);
        assertTrue(Suppression.suppressed(Instant.parse("2026-11-30T19:00:00Z"), List.of(), List.of(planned)));
        assertFalse(
                Suppression.suppressed(Instant.parse("2026-11-30T23:00:00Z"), List.of(), List.of(planned)),
                "overrun is not covered (R19)");
        assertFalse(Suppression.suppressed(Instant.parse("2026-11-30T20:00:00Z"), List.of(), List.of(emergency)));
    }

    @Test
    void sipRepliesAreJudgedLikeACarrierProxyJudgesItsKeepalives() {
        Set<Integer> alive = Set.of(404, 405, 480);
        assertEquals(Verdict.UP, SipReply.judge(200, alive));
        assertEquals(Verdict.ALIVE, SipReply.judge(480, alive));
        assertEquals(Verdict.FAILED, SipReply.judge(480, Set.of()), "alive only when configured");
        assertEquals(Verdict.OVERLOADED, SipReply.judge(503, alive));
        assertFalse(Verdict.OVERLOADED.passes());
        assertEquals(Verdict.FAILED, SipReply.judge(500, alive));
        assertThrows(
                IllegalArgumentException.class, () -> SipReply.judge(100, alive), "provisional replies are not judged");
    }

    @Test
    void targetsAreCheckedWhenBuilt() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ProbeTarget.sip("sbc", "platform:x", "127.0.0.1", 5060, null, Set.of(503), null));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.tcp("t", "platform:x", "h", 70000, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProbeTarget.http("w", "platform:x", URI.create("ftp://x/"), null, null));
        assertThrows(IllegalArgumentException.class, () -> ProbeTarget.tcp("a#b", "platform:x", "h", 1, null));
        var sip = ProbeTarget.sip("sbc", "platform:x", "sbc1.vioms.nl", 5060, null, Set.of(), Duration.ofSeconds(2));
        assertEquals("sip+udp://sbc1.vioms.nl:5060", sip.address(), "UDP unless TCP or TLS is set");
    }
}
