package nl.vioms.sladesk.core.clock;

import static nl.vioms.sladesk.core.clock.TestLevels.at;
import static nl.vioms.sladesk.core.clock.TestLevels.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks with expected values worked out by hand (the arithmetic is in each comment).
 * An office day is 09:00-17:30 = 8.5 h. Offsets: +01:00 in winter, +02:00 in summer (R6).
 */
class SlaClocksTest {

    private final WorkingDays calendar = WorkingDays.dutchDefault();

    private ClockResult compute(TicketTimeline t, SlaLevel level, String now) {
        return SlaClocks.compute(t, terms(level), calendar, at(now));
    }

    private static TicketTimeline ticket(String created, Channel channel, Priority priority) {
        return TicketTimeline.created(at(created), channel, priority);
    }

    @Nested
    @DisplayName("office-hours levels across holidays and boundaries (R3, R6, R9)")
    class OfficeHours {

        @Test
        @DisplayName("N P1 on Christmas Eve 2026 16:30: restore due Monday 28 December 16:00")
        void christmas() {
            // Thu 24 Dec 16:30-17:30 = 1 h; Fri 25 Christmas, Sat 26 Boxing Day / weekend, Sun 27;
            // Mon 28 Dec: restore 8 h -> 7 h left -> 16:00; response 4 h -> 3 h left -> 12:00;
            // start work 2 h -> 1 h left -> 10:00; warning 6 h -> 5 h left -> 14:00;
            // acknowledge 24 clock hours -> Fri 25 Dec 16:30.
            ClockResult r = compute(
                    ticket("2026-12-24T16:30+01:00", Channel.EMAIL, Priority.P1), SlaLevel.N, "2026-12-24T16:30+01:00");
            assertEquals(at("2026-12-24T16:30+01:00"), r.clockStart());
            assertEquals(at("2026-12-25T16:30+01:00"), r.acknowledgeDue());
            assertEquals(at("2026-12-28T12:00+01:00"), r.responseDue());
            assertEquals(at("2026-12-28T10:00+01:00"), r.startWorkDue());
            assertEquals(at("2026-12-28T16:00+01:00"), r.restoreDue());
            assertEquals(at("2026-12-28T14:00+01:00"), r.warningAt());
            assertEquals(Duration.ZERO, r.restoreElapsed());
            assertEquals(Duration.ofHours(8), r.restoreRemaining());
            assertEquals(List.of("R3", "R5", "R6", "R8", "R12", "R14"), r.rulesApplied());
        }

        @Test
        @DisplayName("N P1 at 17:29:59 starts at once with 1 s that day; at 17:30:00 it starts next day 09:00")
        void lastSecondOfOfficeHours() {
            // Tue 16 June 2026 17:29:59: 1 s on Tuesday, 7:59:59 from Wed 09:00 -> 16:59:59;
            // response 4 h: 1 s + 3:59:59 -> Wed 12:59:59
            ClockResult before = compute(
                    ticket("2026-06-16T17:29:59+02:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.N,
                    "2026-06-16T17:29:59+02:00");
            assertEquals(at("2026-06-16T17:29:59+02:00"), before.clockStart());
            assertEquals(at("2026-06-17T16:59:59+02:00"), before.restoreDue());
            assertEquals(at("2026-06-17T12:59:59+02:00"), before.responseDue());
            assertFalse(before.rulesApplied().contains("R9"));
            // 17:30:00 is closed (R9): clock starts Wed 09:00; restore 8 h -> 17:00; response 4 h -> 13:00
            ClockResult at = compute(
                    ticket("2026-06-16T17:30:00+02:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.N,
                    "2026-06-16T17:30:00+02:00");
            assertEquals(at("2026-06-17T09:00+02:00"), at.clockStart());
            assertEquals(at("2026-06-17T17:00+02:00"), at.restoreDue());
            assertEquals(at("2026-06-17T13:00+02:00"), at.responseDue());
            assertTrue(at.rulesApplied().contains("R9"));
        }

        @Test
        @DisplayName("N P1 on New Year's Eve 2026 15:00: restore due Monday 4 January 2027 14:30")
        void yearBoundary() {
            // Thu 31 Dec 15:00-17:30 = 2.5 h; Fri 1 Jan New Year's Day; Sat 2, Sun 3;
            // Mon 4 Jan: restore 5.5 h left -> 14:30; response 4 h -> 1.5 h left -> 10:30;
            // acknowledge 24 clock hours -> Fri 1 Jan 15:00
            ClockResult r = compute(
                    ticket("2026-12-31T15:00+01:00", Channel.API, Priority.P1), SlaLevel.N, "2026-12-31T15:00+01:00");
            assertEquals(at("2027-01-04T14:30+01:00"), r.restoreDue());
            assertEquals(at("2027-01-04T10:30+01:00"), r.responseDue());
            assertEquals(at("2027-01-01T15:00+01:00"), r.acknowledgeDue());
        }

        @Test
        @DisplayName("N P1 Friday 27 March 2026 16:30 across the spring DST weekend: due Monday 16:00+02:00")
        void officeAcrossSpringDst() {
            // Fri 16:30-17:30 (+01:00) = 1 h; weekend (DST switch Sunday 29 March); Mon 30 March
            // 09:00+02:00 + 7 h = 16:00+02:00 (wall clock, not shifted by the switch)
            ClockResult r = compute(
                    ticket("2026-03-27T16:30+01:00", Channel.EMAIL, Priority.P1), SlaLevel.N, "2026-03-27T16:30+01:00");
            assertEquals(at("2026-03-30T16:00+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("N P1 Friday before King's Day Monday 27 April 2026: due Tuesday 28 April 16:30")
        void kingsDayMonday() {
            // Fri 24 April 17:00-17:30 = 0.5 h; weekend; Mon 27 April King's Day;
            // Tue 28 April 09:00 + 7.5 h = 16:30
            ClockResult r = compute(
                    ticket("2026-04-24T17:00+02:00", Channel.EMAIL, Priority.P1), SlaLevel.N, "2026-04-24T17:00+02:00");
            assertEquals(at("2026-04-28T16:30+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("N P1 in 2025, King's Day on Saturday 26 April (27th is a Sunday), Liberation Day Monday 5 May")
        void kingsDayOnSundayYear() {
            // Fri 25 April 2025 16:30-17:30 = 1 h; Sat 26 (King's Day), Sun 27; Mon 28 09:00 + 7 h = 16:00
            ClockResult kings = compute(
                    ticket("2025-04-25T16:30+02:00", Channel.EMAIL, Priority.P1), SlaLevel.N, "2025-04-25T16:30+02:00");
            assertEquals(at("2025-04-28T16:00+02:00"), kings.restoreDue());
            // Fri 2 May 16:30-17:30 = 1 h; weekend; Mon 5 May Liberation Day; Tue 6 May 09:00 + 7 h = 16:00
            ClockResult liberation = compute(
                    ticket("2025-05-02T16:30+02:00", Channel.EMAIL, Priority.P1), SlaLevel.N, "2025-05-02T16:30+02:00");
            assertEquals(at("2025-05-06T16:00+02:00"), liberation.restoreDue());
        }

        @Test
        @DisplayName("R3 settings: an announced closure day and Liberation Day in a non-lustrum year")
        void settingsChangeTheCalendar() {
            WorkingDays lustrumOnly =
                    new WorkingDays(new HolidaySettings(false, false, Set.of(LocalDate.of(2026, 5, 6))));
            // Mon 4 May 2026 16:30-17:30 = 1 h; Tue 5 May works (2026 is no lustrum year): 8.5 h
            // >= 7 h left -> Tue 16:00
            TicketTimeline t = ticket("2026-05-04T16:30+02:00", Channel.EMAIL, Priority.P1);
            assertEquals(
                    at("2026-05-05T16:00+02:00"),
                    SlaClocks.compute(t, terms(SlaLevel.N), lustrumOnly, at("2026-05-04T17:00+02:00"))
                            .restoreDue());
            // default calendar: Tue 5 May is a holiday -> Wed 6 May 16:00
            assertEquals(
                    at("2026-05-06T16:00+02:00"),
                    compute(t, SlaLevel.N, "2026-05-04T17:00+02:00").restoreDue());
            // Tue 5 May 2026 16:30, lustrum-only calendar with closure day Wed 6 May: 1 h, Thu 7 May 09:00 + 7 h
            TicketTimeline t2 = ticket("2026-05-05T16:30+02:00", Channel.EMAIL, Priority.P1);
            assertEquals(
                    at("2026-05-07T16:00+02:00"),
                    SlaClocks.compute(t2, terms(SlaLevel.N), lustrumOnly, at("2026-05-05T17:00+02:00"))
                            .restoreDue());
        }

        @Test
        @DisplayName("N P2 Wednesday 14:00: response Thursday 09:30, restore Thursday 13:30")
        void nP2() {
            // Wed 17 June 14:00-17:30 = 3.5 h; response 4 h -> 0.5 h Thu -> 09:30;
            // restore 8 h -> 4.5 h Thu -> 13:30; start work 8 h -> same 13:30
            ClockResult r = compute(
                    ticket("2026-06-17T14:00+02:00", Channel.EMAIL, Priority.P2), SlaLevel.N, "2026-06-17T14:00+02:00");
            assertEquals(at("2026-06-18T09:30+02:00"), r.responseDue());
            assertEquals(at("2026-06-18T13:30+02:00"), r.restoreDue());
            assertEquals(at("2026-06-18T13:30+02:00"), r.startWorkDue());
        }

        @Test
        @DisplayName("B P1 on the last day of July: response across the month boundary, restore best effort")
        void bP1MonthBoundary() {
            // Fri 31 July 2026 16:00-17:30 = 1.5 h; weekend; Mon 3 Aug 09:00 + 6.5 h = 15:30
            ClockResult r = compute(
                    ticket("2026-07-31T16:00+02:00", Channel.EMAIL, Priority.P1), SlaLevel.B, "2026-08-03T16:00+02:00");
            assertEquals(at("2026-08-03T15:30+02:00"), r.responseDue());
            assertTrue(r.responseBreached()); // no response and now 16:00 > 15:30
            assertNull(r.restoreDue());
            assertNull(r.warningAt());
            assertNull(r.restoreRemaining());
            assertFalse(r.restoreBreached());
            // elapsed still reported: 1.5 h Friday + Mon 09:00-16:00 = 7 h -> 8.5 h
            assertEquals(Duration.ofMinutes(510), r.restoreElapsed());
        }

        @Test
        @DisplayName("B P2 Tuesday 09:00: response Tuesday 17:00")
        void bP2() {
            // 09:00 + 8 h = 17:00, inside the 8.5 h day
            ClockResult r = compute(
                    ticket("2026-06-16T09:00+02:00", Channel.EMAIL, Priority.P2), SlaLevel.B, "2026-06-16T09:00+02:00");
            assertEquals(at("2026-06-16T17:00+02:00"), r.responseDue());
            assertNull(r.restoreDue());
        }

        @Test
        @DisplayName("HB P1 on Saturday starts Monday 09:00; HB P2 at 17:30:00 starts Tuesday 09:00")
        void hb() {
            // Sat 13 June -> Mon 15 June 09:00 + 8 h = 17:00
            ClockResult p1 = compute(
                    ticket("2026-06-13T10:00+02:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.HB,
                    "2026-06-13T10:00+02:00");
            assertEquals(at("2026-06-15T09:00+02:00"), p1.clockStart());
            assertEquals(at("2026-06-15T17:00+02:00"), p1.responseDue());
            assertEquals(at("2026-06-15T11:00+02:00"), p1.startWorkDue()); // 2 h
            assertNull(p1.restoreDue());
            // Mon 15 June 17:30 -> Tue 16 June 09:00 + 8 h = 17:00
            ClockResult p2 = compute(
                    ticket("2026-06-15T17:30+02:00", Channel.EMAIL, Priority.P2),
                    SlaLevel.HB,
                    "2026-06-15T17:30+02:00");
            assertEquals(at("2026-06-16T09:00+02:00"), p2.clockStart());
            assertEquals(at("2026-06-16T17:00+02:00"), p2.responseDue());
        }
    }

    @Nested
    @DisplayName("24x7 and hospitality windows across DST (R5, R6)")
    class ClockHours {

        @Test
        @DisplayName("A P1 by phone 2026-03-29 00:30+01:00: restore 8 clock hours -> 09:30+02:00")
        void aP1SpringDst() {
            // 00:30+01:00 = 23:30Z (28 March); restore + 8 h = 07:30Z = 09:30+02:00 (02:00-03:00 skipped);
            // response + 2 h = 01:30Z = 03:30+02:00; warning + 6 h = 05:30Z = 07:30+02:00
            ClockResult r = compute(
                    ticket("2026-03-29T00:30+01:00", Channel.PHONE, Priority.P1), SlaLevel.A, "2026-03-29T00:30+01:00");
            assertEquals(at("2026-03-29T00:30+01:00"), r.clockStart());
            assertEquals(at("2026-03-29T09:30+02:00"), r.restoreDue());
            assertEquals(at("2026-03-29T03:30+02:00"), r.responseDue());
            assertEquals(at("2026-03-29T07:30+02:00"), r.warningAt());
            assertEquals(List.of("R5", "R6", "R7", "R8", "R12", "R14"), r.rulesApplied());
        }

        @Test
        @DisplayName("A P1 by phone 2026-10-25 00:30+02:00: restore 8 clock hours -> 07:30+01:00")
        void aP1AutumnDst() {
            // 00:30+02:00 = 22:30Z (24 Oct); + 8 h = 06:30Z = 07:30+01:00 (03:00 -> 02:00 repeats an hour);
            // response + 2 h = 00:30Z = 02:30+02:00 (the first 02:30)
            ClockResult r = compute(
                    ticket("2026-10-25T00:30+02:00", Channel.PHONE, Priority.P1), SlaLevel.A, "2026-10-25T00:30+02:00");
            assertEquals(at("2026-10-25T07:30+01:00"), r.restoreDue());
            assertEquals(at("2026-10-25T02:30+02:00"), r.responseDue());
        }

        @Test
        @DisplayName("A P2 by phone 22:00: response midnight, restore 06:00")
        void aP2() {
            // 16 June 22:00 + 2 h = 17 June 00:00; + 8 h = 06:00 (restore and start work)
            ClockResult r = compute(
                    ticket("2026-06-16T22:00+02:00", Channel.PHONE, Priority.P2), SlaLevel.A, "2026-06-16T22:00+02:00");
            assertEquals(at("2026-06-17T00:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-17T06:00+02:00"), r.restoreDue());
            assertEquals(at("2026-06-17T06:00+02:00"), r.startWorkDue());
        }

        @Test
        @DisplayName("HA P2 from monitoring at 03:00 runs 24x7 at once")
        void haP2Monitoring() {
            // Mon 15 June 03:00 + 2 h = 05:00; + 8 h = 11:00
            ClockResult r = compute(
                    ticket("2026-06-15T03:00+02:00", Channel.MONITORING, Priority.P2),
                    SlaLevel.HA,
                    "2026-06-15T03:00+02:00");
            assertEquals(at("2026-06-15T03:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-15T05:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-15T11:00+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("HS P1 Saturday 28 March 2026 20:00: restore Sunday 19:00+02:00 after the DST switch")
        void hsP1SpringDst() {
            // Sat 20:00-21:00 (+01:00) = 1 h; Sun 29 March 12:00+02:00: restore 7 h left -> 19:00+02:00;
            // response 3 h -> 2 h left -> 14:00+02:00. The 12-21 window keeps its 9 wall-clock hours.
            ClockResult r = compute(
                    ticket("2026-03-28T20:00+01:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.HS,
                    "2026-03-28T20:00+01:00");
            assertEquals(at("2026-03-29T19:00+02:00"), r.restoreDue());
            assertEquals(at("2026-03-29T14:00+02:00"), r.responseDue());
        }

        @Test
        @DisplayName("HS P1 Saturday 24 October 2026 20:00: restore Sunday 19:00+01:00 after the DST switch")
        void hsP1AutumnDst() {
            // Sat 20:00-21:00 (+02:00) = 1 h; Sun 25 Oct 12:00+01:00 + 7 h = 19:00+01:00
            ClockResult r = compute(
                    ticket("2026-10-24T20:00+02:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.HS,
                    "2026-10-24T20:00+02:00");
            assertEquals(at("2026-10-25T19:00+01:00"), r.restoreDue());
        }

        @Test
        @DisplayName("HS P2 Monday 08:00 starts at noon, also on Christmas Day")
        void hsP2() {
            // Mon 15 June 08:00 -> 12:00; response 3 h -> 15:00; restore 8 h -> 20:00
            ClockResult r = compute(
                    ticket("2026-06-15T08:00+02:00", Channel.EMAIL, Priority.P2),
                    SlaLevel.HS,
                    "2026-06-15T08:00+02:00");
            assertEquals(at("2026-06-15T12:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-15T15:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-15T20:00+02:00"), r.restoreDue());
            // R6: HS runs on holidays: Christmas 25 Dec 2026 10:00 -> 12:00 + 8 h = 20:00
            ClockResult xmas = compute(
                    ticket("2026-12-25T10:00+01:00", Channel.EMAIL, Priority.P2),
                    SlaLevel.HS,
                    "2026-12-25T10:00+01:00");
            assertEquals(at("2026-12-25T20:00+01:00"), xmas.restoreDue());
        }

        @Test
        @DisplayName("HN P1 Saturday 28 March / 24 October 2026 19:00 across both DST Sundays")
        void hnP1Dst() {
            // Sat 19:00-20:00 = 1 h; Sun 12:00 + 7 h = 19:00 local; response 4 h -> 1 h + 3 h -> 15:00
            ClockResult spring = compute(
                    ticket("2026-03-28T19:00+01:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.HN,
                    "2026-03-28T19:00+01:00");
            assertEquals(at("2026-03-29T19:00+02:00"), spring.restoreDue());
            assertEquals(at("2026-03-29T15:00+02:00"), spring.responseDue());
            ClockResult autumn = compute(
                    ticket("2026-10-24T19:00+02:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.HN,
                    "2026-10-24T19:00+02:00");
            assertEquals(at("2026-10-25T19:00+01:00"), autumn.restoreDue());
            assertEquals(at("2026-10-25T15:00+01:00"), autumn.responseDue());
            assertTrue(autumn.rulesApplied().contains("R3"));
        }

        @Test
        @DisplayName("HN P2 Friday 17:00 continues in the Saturday 12:00-20:00 window")
        void hnP2() {
            // Fri 12 June 17:00-17:30 = 0.5 h; Sat 13 June 12:00: response 3.5 h left -> 15:30;
            // restore 7.5 h left -> 19:30
            ClockResult r = compute(
                    ticket("2026-06-12T17:00+02:00", Channel.EMAIL, Priority.P2),
                    SlaLevel.HN,
                    "2026-06-12T17:00+02:00");
            assertEquals(at("2026-06-13T15:30+02:00"), r.responseDue());
            assertEquals(at("2026-06-13T19:30+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("HN: King's Day on a Monday is closed although the weekend window was open")
        void hnKingsDay() {
            // Sun 26 April 2026 19:00-20:00 = 1 h; Mon 27 April King's Day closed; Tue 28 09:00 + 7 h = 16:00
            ClockResult r = compute(
                    ticket("2026-04-26T19:00+02:00", Channel.EMAIL, Priority.P1),
                    SlaLevel.HN,
                    "2026-04-26T19:00+02:00");
            assertEquals(at("2026-04-28T16:00+02:00"), r.restoreDue());
        }
    }

    @Nested
    @DisplayName("R7: level A/HA outside office hours needs a phone report")
    class PhoneGate {

        @Test
        @DisplayName("A P1 e-mailed Saturday 10:00 without phone report runs on office hours from Monday 09:00")
        void emailOutOfHoursNoPhone() {
            // Sat 13 June -> Mon 15 June 09:00; response 2 h -> 11:00; restore 8 office hours -> 17:00
            ClockResult r = compute(
                    ticket("2026-06-13T10:00+02:00", Channel.EMAIL, Priority.P1), SlaLevel.A, "2026-06-13T10:00+02:00");
            assertEquals(at("2026-06-15T09:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-15T11:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-15T17:00+02:00"), r.restoreDue());
            assertEquals(List.of("R3", "R5", "R6", "R7", "R8", "R9", "R12", "R14"), r.rulesApplied());
        }

        @Test
        @DisplayName("A P1 phoned Saturday 10:00 runs 24x7 at once")
        void phoneOutOfHours() {
            // Sat 10:00 + 2 h = 12:00; + 8 h = 18:00
            ClockResult r = compute(
                    ticket("2026-06-13T10:00+02:00", Channel.PHONE, Priority.P1), SlaLevel.A, "2026-06-13T10:00+02:00");
            assertEquals(at("2026-06-13T10:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-13T12:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-13T18:00+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("A P1 e-mailed Saturday 10:00, phone report 14:00: 24x7 from 14:00")
        void emailThenPhoneLater() {
            // no office hours on Saturday, so the clock starts at the phone report 14:00;
            // response 16:00, restore 22:00, warning 6 h -> 20:00
            TicketTimeline t = ticket("2026-06-13T10:00+02:00", Channel.EMAIL, Priority.P1)
                    .withPhoneReport(at("2026-06-13T14:00+02:00"));
            ClockResult r = compute(t, SlaLevel.A, "2026-06-13T15:00+02:00");
            assertEquals(at("2026-06-13T14:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-13T16:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-13T22:00+02:00"), r.restoreDue());
            assertEquals(at("2026-06-13T20:00+02:00"), r.warningAt());
            assertEquals(Duration.ofHours(1), r.restoreElapsed());
            // replayed before the phone call came in, it is still on office hours (R7)
            ClockResult before = compute(t, SlaLevel.A, "2026-06-13T13:00+02:00");
            assertEquals(at("2026-06-15T17:00+02:00"), before.restoreDue());
        }

        @Test
        @DisplayName("A P1 e-mailed Thursday 08:00, phoned 10:00: 1 office hour, then clock hours")
        void emailBeforeOfficeHoursPhoneDuringThem() {
            // clock starts at 09:00 (office hours); 09:00-10:00 = 1 h office; from 10:00 24x7:
            // restore 8 h -> 7 h left -> 17:00; response 2 h -> 1 h left -> 11:00
            TicketTimeline t = ticket("2026-06-11T08:00+02:00", Channel.API, Priority.P1)
                    .withPhoneReport(at("2026-06-11T10:00+02:00"));
            ClockResult r = compute(t, SlaLevel.A, "2026-06-11T10:00+02:00");
            assertEquals(at("2026-06-11T09:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-11T11:00+02:00"), r.responseDue());
            assertEquals(at("2026-06-11T17:00+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("A P1 e-mailed Friday 16:00 inside office hours runs 24x7 from creation")
        void emailInsideOfficeHours() {
            // Fri 12 June 16:00 + 8 clock hours = Sat 00:00
            ClockResult r = compute(
                    ticket("2026-06-12T16:00+02:00", Channel.EMAIL, Priority.P1), SlaLevel.A, "2026-06-12T16:00+02:00");
            assertEquals(at("2026-06-13T00:00+02:00"), r.restoreDue());
        }

        @Test
        @DisplayName("HA P1 e-mailed Saturday 23:00, phoned Sunday 01:00: restore Sunday 09:00")
        void haEmailThenPhone() {
            // clock starts at the phone report Sun 01:00 (no office hours in between); + 8 h = 09:00
            TicketTimeline t = ticket("2026-06-13T23:00+02:00", Channel.EMAIL, Priority.P1)
                    .withPhoneReport(at("2026-06-14T01:00+02:00"));
            ClockResult r = compute(t, SlaLevel.HA, "2026-06-14T01:00+02:00");
            assertEquals(at("2026-06-14T01:00+02:00"), r.clockStart());
            assertEquals(at("2026-06-14T09:00+02:00"), r.restoreDue());
        }
    }

    @Nested
    @DisplayName("R16 pauses and R17 reclassification")
    class PausesAndReclassification {

        @Test
        @DisplayName("N P1 with a closed pause 11:00-13:00: restore and start work move, response does not")
        void closedPause() {
            // created Mon 15 June 10:00. Open Mon: 10:00-11:00 (1 h) + 13:00-17:30 (4.5 h) = 5.5 h.
            // restore 8 h -> 2.5 h Tue -> 11:30; warning 6 h -> 0.5 h Tue -> 09:30;
            // start work 2 h -> 1 h before + 1 h after the pause -> Mon 14:00;
            // response 4 h, never paused -> Mon 14:00 as well.
            // now Tue 10:00: elapsed 5.5 h + 1 h = 6.5 h, remaining 1.5 h.
            TicketTimeline t = ticket("2026-06-15T10:00+02:00", Channel.EMAIL, Priority.P1)
                    .withPause(at("2026-06-15T11:00+02:00"), at("2026-06-15T13:00+02:00"))
                    .withResponse(at("2026-06-15T13:30+02:00"))
                    .withWorkStarted(at("2026-06-15T14:30+02:00"));
            ClockResult r = compute(t, SlaLevel.N, "2026-06-16T10:00+02:00");
            assertEquals(at("2026-06-16T11:30+02:00"), r.restoreDue());
            assertEquals(at("2026-06-16T09:30+02:00"), r.warningAt());
            assertEquals(at("2026-06-15T14:00+02:00"), r.startWorkDue());
            assertEquals(at("2026-06-15T14:00+02:00"), r.responseDue());
            assertFalse(r.responseBreached()); // 13:30 <= 14:00
            assertTrue(r.startWorkBreached()); // 14:30 > 14:00
            assertFalse(r.restoreBreached());
            assertEquals(Duration.ofMinutes(390), r.restoreElapsed());
            assertEquals(Duration.ofMinutes(90), r.restoreRemaining());
            assertFalse(r.paused());
            assertTrue(r.rulesApplied().contains("R16"));
        }

        @Test
        @DisplayName("A P1 with an ongoing pause: restore due unknown, elapsed frozen; resumes after the reply")
        void ongoingPauseThenResumed() {
            // phoned Mon 15 June 10:00; work started 11:00, response 11:30; pause from 12:00, now 15:00.
            // restore elapsed frozen at 10:00-12:00 = 2 h, remaining 6 h, due and warning null;
            // start work due 10:00 + 2 h = 12:00, met at 11:00; response due 12:00, met at 11:30.
            TicketTimeline base = ticket("2026-06-15T10:00+02:00", Channel.PHONE, Priority.P1)
                    .withWorkStarted(at("2026-06-15T11:00+02:00"))
                    .withResponse(at("2026-06-15T11:30+02:00"));
            ClockResult paused =
                    compute(base.withPause(at("2026-06-15T12:00+02:00"), null), SlaLevel.A, "2026-06-15T15:00+02:00");
            assertTrue(paused.paused());
            assertNull(paused.restoreDue());
            assertNull(paused.warningAt());
            assertEquals(Duration.ofHours(2), paused.restoreElapsed());
            assertEquals(Duration.ofHours(6), paused.restoreRemaining());
            assertEquals(at("2026-06-15T12:00+02:00"), paused.startWorkDue());
            assertFalse(paused.startWorkBreached());
            assertEquals(at("2026-06-15T12:00+02:00"), paused.responseDue());
            assertFalse(paused.responseBreached());
            assertFalse(paused.restoreBreached());
            // the reply came at 16:00, now 17:00: 4 h paused -> restore 10:00 + 8 h + 4 h = 22:00;
            // warning: 2 h before the pause + 4 h after 16:00 = 20:00; elapsed 2 h + 1 h = 3 h
            ClockResult resumed = compute(
                    base.withPause(at("2026-06-15T12:00+02:00"), at("2026-06-15T16:00+02:00")),
                    SlaLevel.A,
                    "2026-06-15T17:00+02:00");
            assertFalse(resumed.paused());
            assertEquals(at("2026-06-15T22:00+02:00"), resumed.restoreDue());
            assertEquals(at("2026-06-15T20:00+02:00"), resumed.warningAt());
            assertEquals(Duration.ofHours(3), resumed.restoreElapsed());
            assertEquals(Duration.ofHours(5), resumed.restoreRemaining());
            // replaying the closed-pause timeline at 15:00 gives the ongoing view again
            ClockResult replay = compute(
                    base.withPause(at("2026-06-15T12:00+02:00"), at("2026-06-15T16:00+02:00")),
                    SlaLevel.A,
                    "2026-06-15T15:00+02:00");
            assertEquals(paused, replay);
        }

        @Test
        @DisplayName("N P1 paused after its restore target ran out stays breached")
        void ongoingPauseAfterBreach() {
            // created Mon 15 June 09:00; restore 8 h -> Mon 17:00 (day is 8.5 h). Pause from Tue 10:00,
            // now Wed 10:00: breached (17:00 Mon < pause start), due null while paused;
            // elapsed Mon 8.5 h + Tue 09:00-10:00 1 h = 9.5 h, remaining -1.5 h
            TicketTimeline t = ticket("2026-06-15T09:00+02:00", Channel.EMAIL, Priority.P1)
                    .withPause(at("2026-06-16T10:00+02:00"), null);
            ClockResult r = compute(t, SlaLevel.N, "2026-06-17T10:00+02:00");
            assertTrue(r.restoreBreached());
            assertNull(r.restoreDue());
            assertEquals(Duration.ofMinutes(570), r.restoreElapsed());
            assertEquals(Duration.ofMinutes(-90), r.restoreRemaining());
            // start work 2 h -> Mon 11:00, never started, target ran out before the pause: breached, due null
            assertNull(r.startWorkDue());
            assertTrue(r.startWorkBreached());
            // response is never paused (R16): Mon 09:00 + 4 h = 13:00, breached
            assertEquals(at("2026-06-15T13:00+02:00"), r.responseDue());
            assertTrue(r.responseBreached());
            assertTrue(r.paused());
        }

        @Test
        @DisplayName("resolved during an ongoing pause: the pause counts until the resolution")
        void resolvedWhilePaused() {
            // A P1 phoned Mon 15 June 10:00, pause from 12:00 never closed, resolved 19:00.
            // restore: 10:00-12:00 = 2 h, paused 12:00-19:00, then 6 h more -> due 01:00 Tue;
            // resolved 19:00 <= due -> in time; elapsed stops at 2 h; not paused any more
            TicketTimeline t = ticket("2026-06-15T10:00+02:00", Channel.PHONE, Priority.P1)
                    .withPause(at("2026-06-15T12:00+02:00"), null)
                    .withResolution(at("2026-06-15T19:00+02:00"));
            ClockResult r = compute(t, SlaLevel.A, "2026-06-15T20:00+02:00");
            assertEquals(at("2026-06-16T01:00+02:00"), r.restoreDue());
            assertFalse(r.restoreBreached());
            assertEquals(Duration.ofHours(2), r.restoreElapsed());
            assertFalse(r.paused());
        }

        @Test
        @DisplayName("R17: P3 -> P1 keeps clock start and pauses; the new deadline may be already breached")
        void reclassificationP3ToP1() {
            // N, created Mon 15 June 09:00 as P3 (no targets). P1 restore 8 h from the same start:
            // Mon 09:00 + 8 h = 17:00 Mon. Reclassified Tue 10:00 -> immediately breached.
            TicketTimeline t = ticket("2026-06-15T09:00+02:00", Channel.EMAIL, Priority.P3)
                    .withReclassification(at("2026-06-16T10:00+02:00"), Priority.P1);
            ClockResult asP3 = compute(t, SlaLevel.N, "2026-06-16T09:59+02:00");
            assertEquals(Priority.P3, asP3.priority());
            assertNull(asP3.restoreDue());
            assertNull(asP3.responseDue());
            ClockResult asP1 = compute(t, SlaLevel.N, "2026-06-16T10:00+02:00");
            assertEquals(Priority.P1, asP1.priority());
            assertEquals(at("2026-06-15T09:00+02:00"), asP1.clockStart());
            assertEquals(at("2026-06-15T17:00+02:00"), asP1.restoreDue());
            assertTrue(asP1.restoreBreached());
            assertEquals(at("2026-06-15T13:00+02:00"), asP1.responseDue()); // 09:00 + 4 h
            assertTrue(asP1.responseBreached());
            assertTrue(asP1.rulesApplied().contains("R17"));

            // with a pause Mon 12:00-14:00 during P3: open Mon 09:00-12:00 (3 h) + 14:00-17:30 (3.5 h)
            // = 6.5 h; restore 1.5 h Tue -> 10:30, not yet breached at 10:00;
            // elapsed 6.5 h + Tue 1 h = 7.5 h, remaining 0.5 h
            ClockResult paused = compute(
                    t.withPause(at("2026-06-15T12:00+02:00"), at("2026-06-15T14:00+02:00")),
                    SlaLevel.N,
                    "2026-06-16T10:00+02:00");
            assertEquals(at("2026-06-16T10:30+02:00"), paused.restoreDue());
            assertFalse(paused.restoreBreached());
            assertEquals(Duration.ofMinutes(30), paused.restoreRemaining());
        }
    }

    @Nested
    @DisplayName("breach flags (R13)")
    class Breaches {

        private final TicketTimeline phoned = ticket("2026-06-15T10:00+02:00", Channel.PHONE, Priority.P1);

        @Test
        @DisplayName("an event exactly at the due instant is in time, one second later is a breach")
        void boundary() {
            // A P1 10:00: response due 12:00, restore due 18:00
            ClockResult onTime = compute(
                    phoned.withResponse(at("2026-06-15T12:00+02:00")).withResolution(at("2026-06-15T18:00+02:00")),
                    SlaLevel.A,
                    "2026-06-15T19:00+02:00");
            assertFalse(onTime.responseBreached());
            assertFalse(onTime.restoreBreached());
            assertEquals(Duration.ofHours(8), onTime.restoreElapsed()); // stops at resolution
            ClockResult late = compute(
                    phoned.withResponse(at("2026-06-15T12:00:01+02:00"))
                            .withResolution(at("2026-06-15T18:00:01+02:00")),
                    SlaLevel.A,
                    "2026-06-15T19:00+02:00");
            assertTrue(late.responseBreached());
            assertTrue(late.restoreBreached());
        }

        @Test
        @DisplayName("no event: breached only once now is past the due instant")
        void noEventYet() {
            assertFalse(compute(phoned, SlaLevel.A, "2026-06-15T18:00+02:00").restoreBreached());
            assertTrue(compute(phoned, SlaLevel.A, "2026-06-15T18:00:01+02:00").restoreBreached());
            // acknowledge is clock hours regardless of the window (R12): 16 June 10:00
            assertEquals(
                    at("2026-06-16T10:00+02:00"),
                    compute(phoned, SlaLevel.A, "2026-06-15T18:00+02:00").acknowledgeDue());
        }
    }

    @Test
    @DisplayName("R12: acknowledge ignores windows and pauses")
    void acknowledgeIsClockHours() {
        // N, Saturday 13 June 10:00 with a pause: acknowledge 24 h -> Sunday 14 June 10:00
        TicketTimeline t = ticket("2026-06-13T10:00+02:00", Channel.EMAIL, Priority.P2)
                .withPause(at("2026-06-13T11:00+02:00"), at("2026-06-13T15:00+02:00"));
        Instant due = compute(t, SlaLevel.N, "2026-06-13T16:00+02:00").acknowledgeDue();
        assertEquals(at("2026-06-14T10:00+02:00"), due);
    }
}
