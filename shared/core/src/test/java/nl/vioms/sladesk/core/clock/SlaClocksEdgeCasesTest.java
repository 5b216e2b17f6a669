package nl.vioms.sladesk.core.clock;

import static nl.vioms.sladesk.core.clock.TestLevels.at;
import static nl.vioms.sladesk.core.clock.TestLevels.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Combinations found worth pinning in review: R7 across the DST night, pauses across the DST
 * weekend, Easter Monday and Good Friday, pauses on HS (R16 not on the response clock),
 * reclassification on HS (R17). Hand-worked; the arithmetic is in each comment.
 */
class SlaClocksEdgeCasesTest {

    private final WorkingDays calendar = WorkingDays.dutchDefault();

    private ClockResult compute(TicketTimeline t, SlaLevel level, String now) {
        return SlaClocks.compute(t, terms(level), calendar, at(now));
    }

    private static TicketTimeline ticket(String created, Channel channel, Priority priority) {
        return TicketTimeline.created(at(created), channel, priority);
    }

    @Test
    @DisplayName("R7 across the spring DST night: e-mailed Sat 23:00, phoned Sun 01:30, 24x7 from the call")
    void phoneGateAcrossSpringDst() {
        // Sat 28 March 2026 23:00+01:00 e-mail (no office hours before the call); phone Sun 01:30+01:00 = 00:30Z.
        // response 2 h -> 02:30Z = 04:30+02:00; restore 8 h -> 08:30Z = 10:30+02:00 (02:00-03:00 skipped)
        TicketTimeline t = ticket("2026-03-28T23:00+01:00", Channel.EMAIL, Priority.P1)
                .withPhoneReport(at("2026-03-29T01:30+01:00"));
        ClockResult r = compute(t, SlaLevel.A, "2026-03-29T01:30+01:00");
        assertEquals(at("2026-03-29T01:30+01:00"), r.clockStart());
        assertEquals(at("2026-03-29T04:30+02:00"), r.responseDue());
        assertEquals(at("2026-03-29T10:30+02:00"), r.restoreDue());
    }

    @Test
    @DisplayName("R16: N P1 paused over the spring DST weekend")
    void pauseAcrossDstWeekend() {
        // created Fri 27 March 2026 16:00+01:00, paused 17:00 Fri to Mon 30 March 10:00+02:00.
        // restore: Fri 16:00-17:00 = 1 h; Mon 10:00 + 7 h = 17:00+02:00.
        // response 4 h, never paused: Fri 16:00-17:30 = 1.5 h; Mon 09:00 + 2.5 h = 11:30+02:00
        TicketTimeline t = ticket("2026-03-27T16:00+01:00", Channel.EMAIL, Priority.P1)
                .withPause(at("2026-03-27T17:00+01:00"), at("2026-03-30T10:00+02:00"));
        ClockResult r = compute(t, SlaLevel.N, "2026-03-30T10:00+02:00");
        assertEquals(at("2026-03-30T17:00+02:00"), r.restoreDue());
        assertEquals(at("2026-03-30T11:30+02:00"), r.responseDue());
        assertEquals(Duration.ofHours(1), r.restoreElapsed());
    }

    @Test
    @DisplayName("HN: Easter Monday is closed; Easter Sunday runs the weekend window")
    void hnEaster() {
        // Easter 2026 is 5 April. Sun 5 April 19:00-20:00 = 1 h; Mon 6 April Easter Monday closed;
        // Tue 7 April 09:00 + 7 h = 16:00; response 4 h -> 1 h + 3 h -> Tue 12:00
        ClockResult r = compute(
                ticket("2026-04-05T19:00+02:00", Channel.EMAIL, Priority.P1), SlaLevel.HN, "2026-04-05T19:00+02:00");
        assertEquals(at("2026-04-07T16:00+02:00"), r.restoreDue());
        assertEquals(at("2026-04-07T12:00+02:00"), r.responseDue());
    }

    @Test
    @DisplayName("R3 setting: Good Friday off moves an N deadline past the whole Easter weekend")
    void goodFridaySetting() {
        // Thu 2 April 2026 17:00-17:30 = 0.5 h. With Good Friday: Fri 3 closed, weekend, Mon 6 Easter Monday;
        // Tue 7 April 09:00 + 7.5 h = 16:30. Default (Good Friday works): Fri 3 April 09:00 + 7.5 h = 16:30.
        TicketTimeline t = ticket("2026-04-02T17:00+02:00", Channel.EMAIL, Priority.P1);
        WorkingDays withGoodFriday = new WorkingDays(new HolidaySettings(true, true, Set.of()));
        assertEquals(
                at("2026-04-07T16:30+02:00"),
                SlaClocks.compute(t, terms(SlaLevel.N), withGoodFriday, at("2026-04-02T17:00+02:00"))
                        .restoreDue());
        assertEquals(
                at("2026-04-03T16:30+02:00"),
                compute(t, SlaLevel.N, "2026-04-02T17:00+02:00").restoreDue());
    }

    @Test
    @DisplayName("R16 on HS: a pause moves restore, not response; response may end exactly at 21:00")
    void hsPause() {
        // Mon 15 June 2026 18:00, window 12:00-21:00. Pause 20:00 Mon - Tue 13:00.
        // response 3 h, never paused: 18:00-21:00 = 3 h -> Mon 21:00 (the end of the period)
        // restore 8 h: Mon 18:00-20:00 = 2 h; Tue 13:00 + 6 h = 19:00
        // start work P2 8 h: same as restore -> Tue 19:00
        TicketTimeline t = ticket("2026-06-15T18:00+02:00", Channel.EMAIL, Priority.P2)
                .withPause(at("2026-06-15T20:00+02:00"), at("2026-06-16T13:00+02:00"));
        ClockResult r = compute(t, SlaLevel.HS, "2026-06-16T14:00+02:00");
        assertEquals(at("2026-06-15T21:00+02:00"), r.responseDue());
        assertEquals(at("2026-06-16T19:00+02:00"), r.restoreDue());
        assertEquals(at("2026-06-16T19:00+02:00"), r.startWorkDue());
        // elapsed: 2 h Mon + Tue 13:00-14:00 1 h = 3 h
        assertEquals(Duration.ofHours(3), r.restoreElapsed());
    }

    @Test
    @DisplayName("R17 on HS: P2 -> P1 keeps clock start; start work shrinks from 8 h to 2 h")
    void hsReclassification() {
        // Mon 15 June 2026 12:00 P2; reclassified P1 at 13:30. Start work P1 2 h -> 14:00 (from the same
        // start); restore 8 h -> 20:00 either way; at 14:30 with no start of work: start work breached
        TicketTimeline t = ticket("2026-06-15T12:00+02:00", Channel.EMAIL, Priority.P2)
                .withReclassification(at("2026-06-15T13:30+02:00"), Priority.P1);
        ClockResult asP2 = compute(t, SlaLevel.HS, "2026-06-15T13:00+02:00");
        assertEquals(at("2026-06-15T20:00+02:00"), asP2.startWorkDue()); // 12:00 + 8 h
        assertFalse(asP2.startWorkBreached());
        ClockResult asP1 = compute(t, SlaLevel.HS, "2026-06-15T14:30+02:00");
        assertEquals(Priority.P1, asP1.priority());
        assertEquals(at("2026-06-15T14:00+02:00"), asP1.startWorkDue());
        assertTrue(asP1.startWorkBreached());
        assertEquals(at("2026-06-15T20:00+02:00"), asP1.restoreDue());
        assertEquals(at("2026-06-15T15:00+02:00"), asP1.responseDue()); // 12:00 + 3 h
    }
}
