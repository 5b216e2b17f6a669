package nl.vioms.sladesk.core.clock;

import static nl.vioms.sladesk.core.clock.TestLevels.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * End to end: the shipped default policy (terms and holiday settings) through
 * {@link SlaClocks#compute}, as the product runs it. Expected values are worked out by hand from
 * the rules; the arithmetic is in each comment. Offsets are +02:00 (summer 2026).
 */
class DefaultPolicyClocksTest {

    private final SlaPolicy policy = PolicyLoader.loadDefault().policyOn(LocalDate.of(2026, 6, 1));
    private final WorkingDays calendar = new WorkingDays(policy.holidays());

    private ClockResult compute(TicketTimeline t, SlaLevel level, ServiceKind kind, String now) {
        return SlaClocks.compute(t, policy.terms(level, kind), calendar, at(now));
    }

    private static TicketTimeline ticket(String created, Channel channel, Priority priority) {
        return TicketTimeline.created(at(created), channel, priority);
    }

    @Test
    @DisplayName("R15: hosted PBX on level B, P1 Tuesday 15:00: response 4 h and restore 8 office hours")
    void hostedPbxOnLevelB() {
        // Tue 16 June 2026 15:00-17:30 = 2.5 office hours.
        // response 4 h -> 1.5 h left -> Wed 17 June 09:00 + 1.5 h = 10:30
        // start work 2 h -> Tue 17:00 (inside Tuesday)
        // restore 8 h -> 5.5 h left -> Wed 09:00 + 5.5 h = 14:30
        // warning 75 % of 8 h = 6 h -> 3.5 h left -> Wed 12:30
        TicketTimeline t = ticket("2026-06-16T15:00+02:00", Channel.EMAIL, Priority.P1);
        ClockResult r = compute(t, SlaLevel.B, ServiceKind.HOSTED_PBX, "2026-06-16T15:00+02:00");
        assertEquals(at("2026-06-16T15:00+02:00"), r.clockStart());
        assertEquals(at("2026-06-17T10:30+02:00"), r.responseDue());
        assertEquals(at("2026-06-16T17:00+02:00"), r.startWorkDue());
        assertEquals(at("2026-06-17T14:30+02:00"), r.restoreDue());
        assertEquals(at("2026-06-17T12:30+02:00"), r.warningAt());
        assertEquals(Duration.ofHours(8), r.restoreRemaining());

        // the same ticket on a SIP trunk keeps B's row of R5: response 8 h -> 5.5 h Wed -> 14:30,
        // restore best effort
        ClockResult sip = compute(t, SlaLevel.B, ServiceKind.SIP_TRUNK, "2026-06-16T15:00+02:00");
        assertEquals(at("2026-06-17T14:30+02:00"), sip.responseDue());
        assertNull(sip.restoreDue());
        assertNull(sip.warningAt());

        // hosted PBX B, P2: response 4 h -> Wed 10:30; start work and restore 8 h -> Wed 14:30
        ClockResult p2 = compute(
                ticket("2026-06-16T15:00+02:00", Channel.EMAIL, Priority.P2),
                SlaLevel.B,
                ServiceKind.HOSTED_PBX,
                "2026-06-16T15:00+02:00");
        assertEquals(at("2026-06-17T10:30+02:00"), p2.responseDue());
        assertEquals(at("2026-06-17T14:30+02:00"), p2.startWorkDue());
        assertEquals(at("2026-06-17T14:30+02:00"), p2.restoreDue());
    }

    @Test
    @DisplayName("R2: a connectivity ticket carries no credit but is still timed")
    void connectivityIsTimed() {
        LevelTerms terms = policy.terms(SlaLevel.N, ServiceKind.CONNECTIVITY);
        assertFalse(terms.availabilityCredit());
        // N P1 Mon 15 June 2026 10:00: response 4 h -> 14:00; start work 2 h -> 12:00;
        // restore 8 h: Mon 10:00-17:30 = 7.5 h, 0.5 h left -> Tue 16 June 09:30; warning 6 h -> Mon 16:00
        ClockResult r = compute(
                ticket("2026-06-15T10:00+02:00", Channel.EMAIL, Priority.P1),
                SlaLevel.N,
                ServiceKind.CONNECTIVITY,
                "2026-06-15T15:00+02:00");
        assertEquals(at("2026-06-15T14:00+02:00"), r.responseDue());
        assertEquals(at("2026-06-15T12:00+02:00"), r.startWorkDue());
        assertEquals(at("2026-06-16T09:30+02:00"), r.restoreDue());
        assertEquals(at("2026-06-15T16:00+02:00"), r.warningAt());
        assertTrue(r.responseBreached()); // no response, 15:00 > 14:00
        // elapsed Mon 10:00-15:00 = 5 h, remaining 3 h
        assertEquals(Duration.ofHours(5), r.restoreElapsed());
        assertEquals(Duration.ofHours(3), r.restoreRemaining());

        // connectivity on A, phoned Saturday 13 June 22:00: 24x7 at once (R7) -> response and start work
        // 2 h -> Sun 00:00; restore 8 h -> Sun 06:00
        ClockResult a = compute(
                ticket("2026-06-13T22:00+02:00", Channel.PHONE, Priority.P1),
                SlaLevel.A,
                ServiceKind.CONNECTIVITY,
                "2026-06-13T22:00+02:00");
        assertEquals(at("2026-06-14T00:00+02:00"), a.responseDue());
        assertEquals(at("2026-06-14T00:00+02:00"), a.startWorkDue());
        assertEquals(at("2026-06-14T06:00+02:00"), a.restoreDue());
    }

    @Test
    @DisplayName("HS P1 created 20:30: 30 min that evening, the rest from 12:00 the next day")
    void hsP1LateEvening() {
        // window every day 12:00-21:00. Wed 17 June 2026 20:30-21:00 = 30 min.
        // response 3 h -> 2 h 30 left -> Thu 18 June 12:00 + 2:30 = 14:30
        // start work 2 h -> 1 h 30 left -> Thu 13:30
        // restore 8 h -> 7 h 30 left -> Thu 19:30
        // warning 6 h -> 5 h 30 left -> Thu 17:30
        // acknowledge 24 clock hours (R12) -> Thu 20:30
        // now Thu 15:00: elapsed 30 min + 12:00-15:00 3 h = 3 h 30, remaining 4 h 30; no response -> breached
        ClockResult r = compute(
                ticket("2026-06-17T20:30+02:00", Channel.EMAIL, Priority.P1),
                SlaLevel.HS,
                ServiceKind.HOSTED_PBX,
                "2026-06-18T15:00+02:00");
        assertEquals(at("2026-06-17T20:30+02:00"), r.clockStart());
        assertEquals(at("2026-06-18T14:30+02:00"), r.responseDue());
        assertEquals(at("2026-06-18T13:30+02:00"), r.startWorkDue());
        assertEquals(at("2026-06-18T19:30+02:00"), r.restoreDue());
        assertEquals(at("2026-06-18T17:30+02:00"), r.warningAt());
        assertEquals(at("2026-06-18T20:30+02:00"), r.acknowledgeDue());
        assertEquals(Duration.ofMinutes(210), r.restoreElapsed());
        assertEquals(Duration.ofMinutes(270), r.restoreRemaining());
        assertTrue(r.responseBreached());
        assertFalse(r.restoreBreached());
    }

    @Test
    @DisplayName("HN P2 on a Saturday runs in the weekend window 12:00-20:00")
    void hnP2Saturday() {
        // Sat 13 June 2026 15:00, open 15:00-20:00 = 5 h.
        // response 4 h -> Sat 19:00
        // start work 8 h and restore 8 h -> 3 h left -> Sun 14 June 12:00 + 3 h = 15:00
        // warning 6 h -> 1 h left -> Sun 13:00
        ClockResult r = compute(
                ticket("2026-06-13T15:00+02:00", Channel.EMAIL, Priority.P2),
                SlaLevel.HN,
                ServiceKind.HOSTED_PBX,
                "2026-06-13T15:00+02:00");
        assertEquals(at("2026-06-13T15:00+02:00"), r.clockStart());
        assertEquals(at("2026-06-13T19:00+02:00"), r.responseDue());
        assertEquals(at("2026-06-14T15:00+02:00"), r.startWorkDue());
        assertEquals(at("2026-06-14T15:00+02:00"), r.restoreDue());
        assertEquals(at("2026-06-14T13:00+02:00"), r.warningAt());

        // created Sat 10:00, before the weekend window: clock starts Sat 12:00; response 4 h -> 16:00;
        // restore 8 h fills Saturday's window exactly -> Sat 20:00 (the end of the period)
        ClockResult early = compute(
                ticket("2026-06-13T10:00+02:00", Channel.EMAIL, Priority.P2),
                SlaLevel.HN,
                ServiceKind.HOSTED_PBX,
                "2026-06-13T10:00+02:00");
        assertEquals(at("2026-06-13T12:00+02:00"), early.clockStart());
        assertEquals(at("2026-06-13T16:00+02:00"), early.responseDue());
        assertEquals(at("2026-06-13T20:00+02:00"), early.restoreDue());
    }
}
