package nl.vioms.sladesk.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R5, R6: open periods per window kind, in Amsterdam wall-clock time, across DST. */
class ServiceWindowTest {

    private final WorkingDays days = WorkingDays.dutchDefault();

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static Interval period(String from, String to) {
        return new Interval(at(from), at(to));
    }

    @Test
    @DisplayName("R6: the 24x7 day lasts 23 h on 29 March 2026 and 25 h on 25 October 2026")
    void alwaysOnDstSundays() {
        ServiceWindow always = days.window(WindowKind.ALWAYS);
        // spring: 00:00+01:00 to next midnight 00:00+02:00 = 23:00Z..22:00Z = 23 h
        assertEquals(
                List.of(period("2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00")),
                always.openPeriods(LocalDate.of(2026, 3, 29)));
        assertEquals(
                Duration.ofHours(23),
                always.openPeriods(LocalDate.of(2026, 3, 29)).get(0).duration());
        // autumn: 00:00+02:00 to 00:00+01:00 next day = 25 h
        assertEquals(
                Duration.ofHours(25),
                always.openPeriods(LocalDate.of(2026, 10, 25)).get(0).duration());
    }

    @Test
    @DisplayName("R6: HS 12:00-21:00 every day including holidays and DST Sundays")
    void dailyNoonToNine() {
        ServiceWindow hs = days.window(WindowKind.DAILY_12_TO_21);
        assertEquals(
                List.of(period("2026-03-28T12:00+01:00", "2026-03-28T21:00+01:00")),
                hs.openPeriods(LocalDate.of(2026, 3, 28)));
        assertEquals(
                List.of(period("2026-03-29T12:00+02:00", "2026-03-29T21:00+02:00")),
                hs.openPeriods(LocalDate.of(2026, 3, 29)));
        assertEquals(
                List.of(period("2026-12-25T12:00+01:00", "2026-12-25T21:00+01:00")),
                hs.openPeriods(LocalDate.of(2026, 12, 25)));
    }

    @Test
    @DisplayName("R3: office hours 09:00-17:30 on working days only")
    void officeHours() {
        ServiceWindow office = days.window(WindowKind.OFFICE_HOURS);
        assertEquals(
                List.of(period("2026-03-30T09:00+02:00", "2026-03-30T17:30+02:00")),
                office.openPeriods(LocalDate.of(2026, 3, 30)));
        assertEquals(List.of(), office.openPeriods(LocalDate.of(2026, 3, 29))); // Sunday
        assertEquals(List.of(), office.openPeriods(LocalDate.of(2026, 4, 27))); // King's Day
    }

    @Test
    @DisplayName("R6: HN adds Saturday and Sunday 12:00-20:00, but a weekday holiday stays closed")
    void officeHoursAndWeekend() {
        ServiceWindow hn = days.window(WindowKind.OFFICE_HOURS_AND_WEEKEND_12_TO_20);
        assertEquals(
                List.of(period("2026-10-25T12:00+01:00", "2026-10-25T20:00+01:00")),
                hn.openPeriods(LocalDate.of(2026, 10, 25)));
        assertEquals(
                List.of(period("2025-04-26T12:00+02:00", "2025-04-26T20:00+02:00")),
                hn.openPeriods(LocalDate.of(2025, 4, 26))); // King's Day on a Saturday
        assertEquals(List.of(), hn.openPeriods(LocalDate.of(2026, 4, 27))); // King's Day, Monday
        assertEquals(
                List.of(period("2026-10-26T09:00+01:00", "2026-10-26T17:30+01:00")),
                hn.openPeriods(LocalDate.of(2026, 10, 26)));
    }

    @Test
    @DisplayName("R6: lookups by instant agree with the periods, half-open at 17:30")
    void lookupByInstant() {
        ServiceWindow office = days.window(WindowKind.OFFICE_HOURS);
        assertTrue(office.isOpen(at("2026-06-16T17:29:59+02:00")));
        assertFalse(office.isOpen(at("2026-06-16T17:30:00+02:00")));
        assertTrue(office.isOpen(at("2026-06-16T09:00:00+02:00")));
        // from Thursday 24 December 2026 evening the next period is Monday 28 December
        assertEquals(
                period("2026-12-28T09:00+01:00", "2026-12-28T17:30+01:00"),
                office.currentOrNextPeriod(at("2026-12-24T17:30+01:00")));
        // across the year end: 31 Dec 2026 evening -> Monday 4 January 2027 (1 January is a holiday)
        assertEquals(
                period("2027-01-04T09:00+01:00", "2027-01-04T17:30+01:00"),
                office.currentOrNextPeriod(at("2026-12-31T23:30+01:00")));
    }
}
