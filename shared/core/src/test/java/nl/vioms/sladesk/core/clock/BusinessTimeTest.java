package nl.vioms.sladesk.core.clock;

import static nl.vioms.sladesk.core.clock.TestLevels.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R6, R16: business-time arithmetic over whole open periods. */
class BusinessTimeTest {

    private final WorkingDays days = WorkingDays.dutchDefault();
    private final BusinessTime office = BusinessTime.of(days.window(WindowKind.OFFICE_HOURS));
    private final BusinessTime always = BusinessTime.of(days.window(WindowKind.ALWAYS));
    private final BusinessTime hn = BusinessTime.of(days.window(WindowKind.OFFICE_HOURS_AND_WEEKEND_12_TO_20));

    @Test
    @DisplayName("R6: adding zero gives the first open instant at or after the start")
    void addZeroIsNextOpen() {
        // Saturday 13 June 2026 -> Monday 15 June 09:00
        assertEquals(at("2026-06-15T09:00+02:00"), office.add(at("2026-06-13T10:00+02:00"), Duration.ZERO));
        assertEquals(at("2026-06-15T10:00+02:00"), office.add(at("2026-06-15T10:00+02:00"), Duration.ZERO));
        // 17:30 itself is closed (half-open period) -> next working day 09:00
        assertEquals(at("2026-06-16T09:00+02:00"), office.nextOpen(at("2026-06-15T17:30+02:00")));
    }

    @Test
    @DisplayName("R6: a full office day is 8.5 h and the result may be exactly the period end")
    void resultAtEndOfPeriod() {
        // Monday 09:00 + 8:30 = Monday 17:30 (end of the period, not Tuesday 09:00)
        assertEquals(at("2026-06-15T17:30+02:00"), office.add(at("2026-06-15T09:00+02:00"), Duration.ofMinutes(510)));
        // one second more spills into Tuesday 09:00:01
        assertEquals(
                at("2026-06-16T09:00:01+02:00"),
                office.add(at("2026-06-15T09:00+02:00"), Duration.ofSeconds(510 * 60 + 1)));
    }

    @Test
    @DisplayName("R6: between counts open time only, across a weekend")
    void betweenAcrossWeekend() {
        // Fri 12 June 16:00-17:30 = 1.5 h, weekend closed, Mon 15 June 09:00-11:00 = 2 h -> 3.5 h
        assertEquals(
                Duration.ofMinutes(210), office.between(at("2026-06-12T16:00+02:00"), at("2026-06-15T11:00+02:00")));
        // HN adds Sat and Sun 12:00-20:00 = 16 h -> 19.5 h
        assertEquals(Duration.ofMinutes(1170), hn.between(at("2026-06-12T16:00+02:00"), at("2026-06-15T11:00+02:00")));
        assertEquals(Duration.ZERO, office.between(at("2026-06-15T11:00+02:00"), at("2026-06-12T16:00+02:00")));
    }

    @Test
    @DisplayName("R6: 24x7 counts clock hours: the spring DST night has one hour less")
    void alwaysAcrossDst() {
        // 2026-03-29 00:30+01:00 = 23:30Z; + 8 h = 07:30Z = 09:30+02:00
        assertEquals(at("2026-03-29T09:30+02:00"), always.add(at("2026-03-29T00:30+01:00"), Duration.ofHours(8)));
        // local 00:00 -> 04:00 on 29 March is only 3 clock hours
        assertEquals(Duration.ofHours(3), always.between(at("2026-03-29T00:00+01:00"), at("2026-03-29T04:00+02:00")));
    }

    @Test
    @DisplayName("R16: pauses are not counted, on 24x7 and on office hours")
    void pausesExcluded() {
        List<Interval> pauses = List.of(new Interval(at("2026-06-15T11:00+02:00"), at("2026-06-15T13:00+02:00")));
        // 24x7: 10:00 + 4 h with 2 h paused -> 16:00
        assertEquals(
                at("2026-06-15T16:00+02:00"), always.add(at("2026-06-15T10:00+02:00"), Duration.ofHours(4), pauses));
        // office: Mon 10:00-11:00 (1 h) + 13:00-17:30 (4.5 h) = 5.5 h; 8 h needs 2.5 h more -> Tue 11:30
        assertEquals(
                at("2026-06-16T11:30+02:00"), office.add(at("2026-06-15T10:00+02:00"), Duration.ofHours(8), pauses));
        assertEquals(
                Duration.ofMinutes(330),
                office.between(at("2026-06-15T10:00+02:00"), at("2026-06-15T18:00+02:00"), pauses));
        // starting inside a pause: the next open instant is its end
        assertEquals(at("2026-06-15T13:00+02:00"), office.nextOpen(at("2026-06-15T12:00+02:00"), pauses));
    }

    @Test
    @DisplayName("R16: overlapping and unsorted pauses are merged")
    void overlappingPauses() {
        List<Interval> pauses = List.of(
                new Interval(at("2026-06-15T12:00+02:00"), at("2026-06-15T14:00+02:00")),
                new Interval(at("2026-06-15T11:00+02:00"), at("2026-06-15T12:30+02:00")));
        // paused 11:00-14:00 = 3 h; 10:00 + 2 h -> 1 h before, 1 h after 14:00 = 15:00
        assertEquals(
                at("2026-06-15T15:00+02:00"), always.add(at("2026-06-15T10:00+02:00"), Duration.ofHours(2), pauses));
    }

    @Test
    @DisplayName("R7: office hours until the phone report, 24x7 from then on")
    void switching() {
        BusinessTime gated = BusinessTime.switching(office, at("2026-06-11T10:00+02:00"), always);
        // Thu 08:00: office opens 09:00, 1 h until 10:00, then clock hours: 8 h = 1 h + 7 h -> 17:00
        assertEquals(at("2026-06-11T09:00+02:00"), gated.nextOpen(at("2026-06-11T08:00+02:00")));
        assertEquals(at("2026-06-11T17:00+02:00"), gated.add(at("2026-06-11T08:00+02:00"), Duration.ofHours(8)));
        // after 17:30 it keeps running: 08:00 -> 22:00 = 1 h office + 12 h clock
        assertEquals(Duration.ofHours(13), gated.between(at("2026-06-11T08:00+02:00"), at("2026-06-11T22:00+02:00")));
    }

    @Test
    @DisplayName("negative amounts are refused")
    void negativeAmount() {
        assertThrows(
                IllegalArgumentException.class, () -> office.add(at("2026-06-15T10:00+02:00"), Duration.ofMinutes(-1)));
    }
}
