package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EventBridge Scheduler's expressions in Europe/Amsterdam. Amsterdam is UTC+1 in winter (CET) and
 * UTC+2 in summer (CEST); in 2026 summer time starts Sun 29 Mar (02:00 CET -> 03:00 CEST) and ends
 * Sun 25 Oct (03:00 CEST -> 02:00 CET). Scheduler skips a cron time that does not exist and runs
 * a repeated wall-clock time once; a rate is a fixed duration.
 */
class ScheduleExpressionTest {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static ScheduleExpression parse(String expression) {
        return ScheduleExpression.parse(expression, AMSTERDAM);
    }

    @Test
    void monthEndRunsFiveMinutesAfterMidnightOnTheFirstInAmsterdam() {
        ScheduleExpression monthEnd = parse("cron(5 0 1 * ? *)");

        // created Thu 26 Nov 2026 11:00 CET: next is Tue 1 Dec 00:05 CET = 30 Nov 23:05 UTC
        Instant december = monthEnd.first(Instant.parse("2026-11-26T10:00:00Z"));
        assertEquals(Instant.parse("2026-11-30T23:05:00Z"), december);
        // then Fri 1 Jan 2027 00:05 CET = 31 Dec 23:05 UTC
        assertEquals(Instant.parse("2026-12-31T23:05:00Z"), monthEnd.next(december));
    }

    @Test
    void monthEndAfterTheSwitchToSummerTimeRunsAtTheSummerOffset() {
        ScheduleExpression monthEnd = parse("cron(5 0 1 * ? *)");

        // after Sun 1 Mar 2026 00:05 CET (28 Feb 23:05 UTC) comes Wed 1 Apr 00:05 CEST = 31 Mar 22:05 UTC
        assertEquals(Instant.parse("2026-03-31T22:05:00Z"), monthEnd.next(Instant.parse("2026-02-28T23:05:00Z")));
        // and after Thu 1 Oct 00:05 CEST (30 Sep 22:05 UTC), Sun 1 Nov 00:05 CET = 31 Oct 23:05 UTC
        assertEquals(Instant.parse("2026-10-31T23:05:00Z"), monthEnd.next(Instant.parse("2026-09-30T22:05:00Z")));
    }

    @Test
    void aCronTimeInTheSpringForwardGapIsSkipped() {
        ScheduleExpression halfPastTwo = parse("cron(30 2 * * ? *)");

        // Sat 28 Mar 2026 13:00 CET; Sun 29 Mar 02:30 does not exist (02:00 CET -> 03:00 CEST),
        // so the next run is Mon 30 Mar 02:30 CEST = 00:30 UTC
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), halfPastTwo.next(Instant.parse("2026-03-28T12:00:00Z")));
    }

    @Test
    void aRepeatedWallClockTimeRunsOnceWhenClocksGoBack() {
        ScheduleExpression halfPastTwo = parse("cron(30 2 * * ? *)");

        // Sun 25 Oct 2026 02:30 happens twice: 02:30 CEST (00:30 UTC) and 02:30 CET (01:30 UTC)
        Instant first = halfPastTwo.next(Instant.parse("2026-10-24T12:00:00Z"));
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first, "the first occurrence");
        // not again at 01:30 UTC: next is Mon 26 Oct 02:30 CET = 01:30 UTC
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), halfPastTwo.next(first));
    }

    @Test
    void everyQuarterHourLeavesOutTheRepeatedHour() {
        ScheduleExpression quarterly = parse("cron(0/15 * * * ? *)");

        // after 02:45 CEST (00:45 UTC) the wall clock shows 02:00..02:59 again (CET); those times
        // already ran, so the next run is 03:00 CET = 02:00 UTC, an hour and a quarter later
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"), quarterly.next(Instant.parse("2026-10-25T00:45:00Z")));
        // and while the repeated hour runs (02:10 CET = 01:10 UTC), also 03:00 CET
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"), quarterly.next(Instant.parse("2026-10-25T01:10:00Z")));
    }

    @Test
    void aRateIsAFixedDurationWhateverTheClockSays() {
        ScheduleExpression daily = parse("rate(1 day)");

        // Sat 24 Oct 2026 12:00 CEST = 10:00 UTC; 24 hours later is Sun 25 Oct 11:00 CET (a 25-hour day)
        Instant created = Instant.parse("2026-10-24T10:00:00Z");
        assertEquals(created, daily.first(created), "a rate without StartDate runs at once");
        assertEquals(Instant.parse("2026-10-25T10:00:00Z"), daily.next(created));
        assertEquals(
                Instant.parse("2026-11-26T10:01:00Z"),
                parse("rate(1 minute)").next(Instant.parse("2026-11-26T10:00:00Z")));
        assertEquals(
                Instant.parse("2026-11-26T12:00:00Z"),
                parse("rate(2 hours)").next(Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void lastDayOfTheMonthAndWorkingDays() {
        // the last day of February 2026 is Sat 28 Feb; 12:00 CET = 11:00 UTC
        assertEquals(
                Instant.parse("2026-02-28T11:00:00Z"),
                parse("cron(0 12 L * ? *)").next(Instant.parse("2026-02-01T00:00:00Z")));
        // after Fri 27 Nov 2026 10:00 CET the next weekday 09:00 is Mon 30 Nov 09:00 CET = 08:00 UTC
        assertEquals(
                Instant.parse("2026-11-30T08:00:00Z"),
                parse("cron(0 9 ? * MON-FRI *)").next(Instant.parse("2026-11-27T09:00:00Z")));
    }

    @Test
    void aOneTimeScheduleRunsOnceAtItsWallClockTime() {
        ScheduleExpression once = parse("at(2026-12-01T00:05:00)");

        assertEquals(Instant.parse("2026-11-30T23:05:00Z"), once.first(Instant.parse("2026-11-01T00:00:00Z")));
        assertNull(once.next(Instant.parse("2026-11-30T23:05:00Z")));
        assertNull(once.first(Instant.parse("2026-12-02T00:00:00Z")), "created after its time: never");
    }

    @Test
    void withoutATimeZoneScheduleRunsInUtc() {
        // Scheduler's default time zone is UTC
        assertEquals(
                Instant.parse("2026-12-01T00:05:00Z"),
                ScheduleExpression.parse("cron(5 0 1 * ? *)", ZoneOffset.UTC)
                        .next(Instant.parse("2026-11-26T10:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rate(0 minutes)       | positive",
                "rate(1 minutes)       | rate(1 minute)",
                "rate(5 minute)        | rate(N minutes)",
                "rate(5 weeks)         | is not rate(value unit)",
                "cron(5 0 1 * *)       | has 5 fields",
                "cron(0 12 1 * MON *)  | one of day-of-month and day-of-week must be ?",
                "cron(61 * * * ? *)    | cron(61 * * * ? *)",
                "every minute          | is not rate(value unit)",
                "at(2026-13-01T00:00:00) | at(2026-13-01T00:00:00)",
            })
    void aBadExpressionIsNamedWithItsProblem(String expression, String problem) {
        var e = assertThrows(IllegalArgumentException.class, () -> parse(expression));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void everyScheduleOfTheTemplateParses() {
        var schedules = new TemplateTriggers(Template.ofProject()).schedules();

        assertTrue(schedules.size() >= 3, "probe, sla-check and month-end: " + schedules);
        for (var schedule : schedules) {
            assertEquals(AMSTERDAM, schedule.zone(), schedule.functionId());
            Instant first = schedule.parsed().first(Instant.parse("2026-11-26T10:00:00Z"));
            assertTrue(
                    first != null && !first.isBefore(Instant.parse("2026-11-26T10:00:00Z")), schedule + " -> " + first);
        }
    }
}
