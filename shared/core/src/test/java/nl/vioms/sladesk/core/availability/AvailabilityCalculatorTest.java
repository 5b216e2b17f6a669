package nl.vioms.sladesk.core.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.policy.AvailabilityPolicy;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.RegularServiceWindow;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand in the comments (R18-R24). */
class AvailabilityCalculatorTest {

    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final AvailabilityPolicy POLICY =
            PolicyLoader.loadDefault().policyFor(NOV).availability();
    static final AvailabilityPolicy UNKNOWN_IS_DOWN =
            new AvailabilityPolicy(POLICY.regularServiceWindows(), POLICY.minimumNotice(), false);

    /** Amsterdam wall-clock time (unambiguous ones only). */
    static Instant ams(String localDateTime) {
        return LocalDateTime.parse(localDateTime)
                .atZone(AvailabilityCalculator.AMSTERDAM)
                .toInstant();
    }

    static Interval ams(String from, String to) {
        return new Interval(ams(from), ams(to));
    }

    static Interval utc(String from, String to) {
        return new Interval(Instant.parse(from), Instant.parse(to));
    }

    static AvailabilityResult calc(AvailabilityInput.Builder b) {
        return AvailabilityCalculator.calculate(b.build(), POLICY);
    }

    static void assertMinutes(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    // ---- totals (R23): every minute of the month in Amsterdam time ----

    @Test
    void totalOfNovember2026() {
        // 30 days * 24 h * 60 min = 43200 min; no outage: 100.0000 %
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV));
        assertMinutes("43200", r.totalMinutes());
        assertMinutes("0", r.downMinutes());
        assertEquals(new BigDecimal("100.0000"), r.availabilityPercent());
        assertTrue(
                r.rulesApplied().containsAll(List.of("R23", "R24", "R18")),
                r.rulesApplied().toString());
    }

    @Test
    void totalOfMarch2026SpringForward() {
        // 31 * 24 * 60 = 44640, minus the hour skipped on Sunday 29 March 02:00 -> 03:00 = 44580
        assertMinutes(
                "44580", calc(AvailabilityInput.forMonth(YearMonth.of(2026, 3))).totalMinutes());
    }

    @Test
    void totalOfOctober2026FallBack() {
        // 31 * 24 * 60 = 44640, plus the hour repeated on Sunday 25 October 03:00 -> 02:00 = 44700
        assertMinutes(
                "44700",
                calc(AvailabilityInput.forMonth(YearMonth.of(2026, 10))).totalMinutes());
    }

    // ---- month boundaries ----

    @Test
    void outageAcrossMonthBoundaryIsSplitBetweenMonths() {
        // 31 Oct 23:00 -> 1 Nov 01:00 Amsterdam (CET after 25 Oct). Saturday 31 Oct 23:00 is no service
        // window; Sunday 1 Nov's window starts at 01:00, where the outage ends.
        Interval outage = ams("2026-10-31T23:00", "2026-11-01T01:00");
        AvailabilityResult oct =
                calc(AvailabilityInput.forMonth(YearMonth.of(2026, 10)).outage(outage));
        AvailabilityResult nov = calc(AvailabilityInput.forMonth(NOV).outage(outage));
        assertMinutes("60", oct.downMinutes());
        assertMinutes("60", nov.downMinutes());
        assertEquals(
                List.of(new DownInterval(ams("2026-11-01T00:00", "2026-11-01T01:00"), Observed.OUTAGE)),
                nov.downIntervals());
        // Oct: (44700 - 60) / 44700 = 0.998657718... -> 99.8658 %
        assertEquals(new BigDecimal("99.8658"), oct.availabilityPercent());
        // Nov: (43200 - 60) / 43200 = 0.998611111... -> 99.8611 %
        assertEquals(new BigDecimal("99.8611"), nov.availabilityPercent());
    }

    // ---- regular service windows (R18) ----

    @Test
    void outageInsideSundayServiceWindowIsExcluded() {
        // Sunday 8 Nov 02:00-03:00, inside 01:00-05:00: 60 min excluded, 0 down
        AvailabilityResult r =
                calc(AvailabilityInput.forMonth(NOV).outage(ams("2026-11-08T02:00", "2026-11-08T03:00")));
        assertMinutes("0", r.downMinutes());
        assertMinutes("60", r.excludedMinutes());
        assertEquals(new BigDecimal("100.0000"), r.availabilityPercent());
        ExcludedInterval x = r.excludedIntervals().get(0);
        assertEquals(ExclusionKind.REGULAR_SERVICE_WINDOW, x.kind());
        assertEquals("R18", x.ruleId());
    }

    @Test
    void outageLeavingSaturdayServiceWindowIsPartlyDown() {
        // Saturday 7 Nov 04:30-05:30: 04:30-05:00 excluded (30), 05:00-05:30 down (30)
        AvailabilityResult r =
                calc(AvailabilityInput.forMonth(NOV).outage(ams("2026-11-07T04:30", "2026-11-07T05:30")));
        assertMinutes("30", r.downMinutes());
        assertMinutes("30", r.excludedMinutes());
        assertEquals(
                ams("2026-11-07T05:00", "2026-11-07T05:30"),
                r.downIntervals().get(0).interval());
    }

    @Test
    void serviceWindowOnSpringForwardSundayIsThreeRealHours() {
        // Sunday 29 March 2026: 01:00 CET (00:00Z) to 05:00 CEST (03:00Z) = 3 h real time.
        // Outage 00:00Z-04:00Z: 180 min excluded, 03:00Z-04:00Z = 60 min down.
        AvailabilityResult r = calc(AvailabilityInput.forMonth(YearMonth.of(2026, 3))
                .outage(utc("2026-03-29T00:00:00Z", "2026-03-29T04:00:00Z")));
        assertMinutes("180", r.excludedMinutes());
        assertMinutes("60", r.downMinutes());
    }

    @Test
    void serviceWindowOnFallBackSundayIsFiveRealHours() {
        // Sunday 25 Oct 2026: 01:00 CEST (24 Oct 23:00Z) to 05:00 CET (04:00Z) = 5 h real time.
        // Outage 23:00Z-05:00Z: 300 min excluded, 04:00Z-05:00Z = 60 min down.
        AvailabilityResult r = calc(AvailabilityInput.forMonth(YearMonth.of(2026, 10))
                .outage(utc("2026-10-24T23:00:00Z", "2026-10-25T05:00:00Z")));
        assertMinutes("300", r.excludedMinutes());
        assertMinutes("60", r.downMinutes());
    }

    // ---- planned and emergency maintenance (R19) ----

    private static final Interval PLANNED = ams("2026-11-10T20:00", "2026-11-10T23:00");

    @Test
    void plannedWindowAnnounced48hAheadExcludesItsSpan() {
        // outage 19:00-21:00, window 20:00-23:00 announced 8 Nov 20:00 (48 h):
        // 20:00-21:00 excluded (60), 19:00-20:00 down (60)
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-10T19:00", "2026-11-10T21:00"))
                .planned(new PlannedMaintenance(PLANNED, ams("2026-11-08T20:00"), "MW-42")));
        assertMinutes("60", r.downMinutes());
        assertMinutes("60", r.excludedMinutes());
        ExcludedInterval x = r.excludedIntervals().get(0);
        assertEquals(ExclusionKind.PLANNED_MAINTENANCE, x.kind());
        assertEquals("R19", x.ruleId());
        assertTrue(x.reason().contains("MW-42"), x.reason());
        assertEquals(List.of(), r.emergencyWindows());
    }

    @Test
    void plannedWindowAnnounced12hAheadIsEmergencyAndDown() {
        // same outage, announced 10 Nov 08:00 (12 h < 24 h): emergency, nothing excluded, 120 down;
        // the emergency window's own figure: 20:00-21:00 = 60 down inside it
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-10T19:00", "2026-11-10T21:00"))
                .planned(new PlannedMaintenance(PLANNED, ams("2026-11-10T08:00"), "MW-43")));
        assertMinutes("120", r.downMinutes());
        assertMinutes("0", r.excludedMinutes());
        assertMinutes("60", r.emergencyDownMinutes());
        EmergencyWindowReport e = r.emergencyWindows().get(0);
        assertTrue(e.lateAnnouncement());
        assertFalse(e.excluded());
        assertEquals(Duration.ofMinutes(60), e.down());
        assertTrue(e.reason().contains("PT12H"), e.reason());
        assertTrue(r.rulesApplied().contains("R19"));
    }

    @Test
    void plannedWindowAnnouncedExactly24hAheadCounts() {
        // "at least 24 hours": announced 9 Nov 20:00 for 10 Nov 20:00 is in time; outage inside: 0 down
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-10T20:00", "2026-11-10T21:00"))
                .planned(new PlannedMaintenance(PLANNED, ams("2026-11-09T20:00"), null)));
        assertMinutes("0", r.downMinutes());
        assertMinutes("60", r.excludedMinutes());
    }

    @Test
    void overrunPastAnnouncedEndIsDown() {
        // outage 22:00-23:45, announced window ends 23:00: 60 excluded, 23:00-23:45 = 45 down
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-10T22:00", "2026-11-10T23:45"))
                .planned(new PlannedMaintenance(PLANNED, ams("2026-11-01T12:00"), "MW-44")));
        assertMinutes("60", r.excludedMinutes());
        assertMinutes("45", r.downMinutes());
        assertEquals(
                ams("2026-11-10T23:00", "2026-11-10T23:45"),
                r.downIntervals().get(0).interval());
    }

    @Test
    void plannedWindowAcrossMonthBoundaryIsSplitBetweenMonths() {
        // R19's preferred window Sunday 20:00 - Monday 05:00 across the month end: Sun 28 Feb 2027 20:00 to
        // Mon 1 Mar 05:00 (CET both), announced 48 h ahead. Outage Sun 19:00 to Mon 06:00.
        // February: 19:00-20:00 down (60), 20:00-24:00 excluded (240); Sunday's 01:00-05:00 window is not hit.
        // March: 00:00-05:00 excluded (300), 05:00-06:00 down (60); Monday has no regular service window.
        PlannedMaintenance mw =
                new PlannedMaintenance(ams("2027-02-28T20:00", "2027-03-01T05:00"), ams("2027-02-26T20:00"), "MW-45");
        Interval outage = ams("2027-02-28T19:00", "2027-03-01T06:00");
        AvailabilityResult feb = calc(
                AvailabilityInput.forMonth(YearMonth.of(2027, 2)).outage(outage).planned(mw));
        assertMinutes("60", feb.downMinutes());
        assertMinutes("240", feb.excludedMinutes());
        assertEquals(
                ExclusionKind.PLANNED_MAINTENANCE,
                feb.excludedIntervals().get(0).kind());
        AvailabilityResult mar = calc(
                AvailabilityInput.forMonth(YearMonth.of(2027, 3)).outage(outage).planned(mw));
        assertMinutes("300", mar.excludedMinutes());
        assertMinutes("60", mar.downMinutes());
        assertEquals(
                ams("2027-03-01T05:00", "2027-03-01T06:00"),
                mar.downIntervals().get(0).interval());
    }

    @Test
    void emergencyFlaggedExcludedIsExcludedAndReportedSeparately() {
        // window Wed 11 Nov 02:00-03:00 flagged by operations, outage 02:00-02:40: 40 excluded, 0 down
        Interval window = ams("2026-11-11T02:00", "2026-11-11T03:00");
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-11T02:00", "2026-11-11T02:40"))
                .emergency(EmergencyMaintenance.excluded(window, "SBC firmware fix", "supplier security advisory")));
        assertMinutes("0", r.downMinutes());
        assertMinutes("40", r.excludedMinutes());
        assertMinutes("0", r.emergencyDownMinutes());
        assertEquals(
                ExclusionKind.EMERGENCY_MAINTENANCE,
                r.excludedIntervals().get(0).kind());
        EmergencyWindowReport e = r.emergencyWindows().get(0);
        assertTrue(e.excluded());
        assertEquals("supplier security advisory", e.exclusionReason());
        assertEquals(Duration.ofMinutes(40), e.outage());
        assertEquals(Duration.ZERO, e.down());
    }

    @Test
    void emergencyNotFlaggedIsDown() {
        // same window not flagged: 40 down, all of it emergency downtime
        Interval window = ams("2026-11-11T02:00", "2026-11-11T03:00");
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-11T02:00", "2026-11-11T02:40"))
                .emergency(EmergencyMaintenance.counted(window, "SBC firmware fix")));
        assertMinutes("40", r.downMinutes());
        assertMinutes("40", r.emergencyDownMinutes());
        assertEquals(Duration.ofMinutes(40), r.emergencyWindows().get(0).down());
    }

    @Test
    void emergencyExcludedWithoutReasonIsRejected() {
        Interval window = ams("2026-11-11T02:00", "2026-11-11T03:00");
        assertThrows(IllegalArgumentException.class, () -> new EmergencyMaintenance(window, "fix", true, " "));
    }

    // ---- overlaps and other exclusions ----

    @Test
    void overlappingOutagesCountOnce() {
        // Mon 2 Nov 10:00-11:00, 10:30-12:00 and 10:15-10:45: union 10:00-12:00 = 120;
        // Mon 30 Nov 23:30 -> 1 Dec 00:30 gives 30 in November. Down 150.
        // (43200 - 150) / 43200 = 43050 / 43200 = 0.996527777... -> 99.6528 %
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-02T10:00", "2026-11-02T11:00"))
                .outage(ams("2026-11-02T10:30", "2026-11-02T12:00"))
                .outage(ams("2026-11-02T10:15", "2026-11-02T10:45"))
                .outage(ams("2026-11-30T23:30", "2026-12-01T00:30")));
        assertMinutes("150", r.downMinutes());
        assertEquals(2, r.downIntervals().size());
        assertEquals(
                ams("2026-11-02T10:00", "2026-11-02T12:00"),
                r.downIntervals().get(0).interval());
        assertEquals(new BigDecimal("99.6528"), r.availabilityPercent());
    }

    @Test
    void overlappingExclusionsAttributeTimeOnce() {
        // force majeure Sun 8 Nov 04:00-06:00 overlaps the 01:00-05:00 window; outage 03:00-07:00:
        // 03:00-05:00 service window (120), 05:00-06:00 force majeure (60), 06:00-07:00 down (60)
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(ams("2026-11-08T03:00", "2026-11-08T07:00"))
                .exclusion(new Exclusion(
                        ams("2026-11-08T04:00", "2026-11-08T06:00"),
                        ExclusionKind.FORCE_MAJEURE,
                        "DDoS on the SIP edge")));
        assertMinutes("180", r.excludedMinutes());
        assertMinutes("60", r.downMinutes());
        assertEquals(
                List.of(
                        new ExcludedInterval(
                                ams("2026-11-08T03:00", "2026-11-08T05:00"),
                                Observed.OUTAGE,
                                ExclusionKind.REGULAR_SERVICE_WINDOW,
                                "regular service window",
                                "R18"),
                        new ExcludedInterval(
                                ams("2026-11-08T05:00", "2026-11-08T06:00"),
                                Observed.OUTAGE,
                                ExclusionKind.FORCE_MAJEURE,
                                "DDoS on the SIP edge",
                                "R18")),
                r.excludedIntervals());
    }

    @Test
    void exactMinutesHalfMinute() {
        // Mon 2 Nov 10:00:00-10:12:30 = 750 s = 12.5 min
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .outage(new Interval(ams("2026-11-02T10:00"), ams("2026-11-02T10:12:30"))));
        assertEquals(new BigDecimal("12.5"), r.downMinutes());
        assertEquals(Duration.ofSeconds(750), r.down());
    }

    // ---- unknown time (R20) ----

    @Test
    void unknownGapReportedApartAvailableByDefault() {
        // unknown Mon 2 Nov 03:00-05:00, outage 04:00-04:30 inside it:
        // unknown = 120 - 30 = 90 (03:00-04:00, 04:30-05:00), down = 30
        AvailabilityResult r = calc(AvailabilityInput.forMonth(NOV)
                .unknown(ams("2026-11-02T03:00", "2026-11-02T05:00"))
                .outage(ams("2026-11-02T04:00", "2026-11-02T04:30")));
        assertMinutes("90", r.unknownMinutes());
        assertMinutes("30", r.downMinutes());
        assertEquals(Duration.ZERO, r.unknownCountedAsDown());
        assertEquals(
                List.of(ams("2026-11-02T03:00", "2026-11-02T04:00"), ams("2026-11-02T04:30", "2026-11-02T05:00")),
                r.unknownIntervals());
        assertTrue(r.rulesApplied().contains("R20"));
    }

    @Test
    void unknownGapCountsAsDownWhenPolicySaysSo() {
        // same input, unknown counts as down: 90 + 30 = 120 down, of which 90 unknown
        AvailabilityResult r = AvailabilityCalculator.calculate(
                AvailabilityInput.forMonth(NOV)
                        .unknown(ams("2026-11-02T03:00", "2026-11-02T05:00"))
                        .outage(ams("2026-11-02T04:00", "2026-11-02T04:30"))
                        .build(),
                UNKNOWN_IS_DOWN);
        assertMinutes("120", r.downMinutes());
        assertMinutes("90", r.unknownMinutes());
        assertEquals(Duration.ofMinutes(90), r.unknownCountedAsDown());
        assertEquals(Observed.UNKNOWN, r.downIntervals().get(0).observed());
    }

    @Test
    void unknownCountedAsDownIsStillForgivenInsideServiceWindow() {
        // unknown Sun 8 Nov 04:00-06:00: 04:00-05:00 in the service window (excluded), 05:00-06:00 down
        AvailabilityResult r = AvailabilityCalculator.calculate(
                AvailabilityInput.forMonth(NOV)
                        .unknown(ams("2026-11-08T04:00", "2026-11-08T06:00"))
                        .build(),
                UNKNOWN_IS_DOWN);
        assertMinutes("60", r.downMinutes());
        assertMinutes("60", r.excludedMinutes());
        assertEquals(Observed.UNKNOWN, r.excludedIntervals().get(0).observed());
    }

    @Test
    void movedServiceWindowIsPolicyData() {
        // a policy that moves the window to Sunday 02:00-04:00: outage Sun 8 Nov 01:00-02:00 is down
        AvailabilityPolicy moved = new AvailabilityPolicy(
                List.of(new RegularServiceWindow(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0), LocalTime.of(4, 0))),
                Duration.ofHours(24),
                true);
        AvailabilityResult r = AvailabilityCalculator.calculate(
                AvailabilityInput.forMonth(NOV)
                        .outage(ams("2026-11-08T01:00", "2026-11-08T02:00"))
                        .build(),
                moved);
        assertMinutes("60", r.downMinutes());
    }
}
