package nl.vioms.sladesk.core.availability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.vioms.sladesk.core.policy.RuleIds;
import nl.vioms.sladesk.core.time.Interval;

/**
 * One month's availability (R23) with every interval that made the figures, so a report can
 * trace each minute. The durations are exact; the minute and percentage accessors are for display.
 *
 * @param month               calendar month in Europe/Amsterdam
 * @param period              the month as instants [first 00:00, next month's first 00:00)
 * @param total               every second of the month (a DST month is one hour shorter or longer)
 * @param down                outage (and, when the policy says so, unknown) time outside every exclusion
 * @param excluded            outage time inside an exclusion
 * @param unknown             time without monitoring and without a recorded outage (R20), all of it
 * @param unknownCountedAsDown part of {@code down} that is unknown time (zero by default)
 * @param emergencyDown       down time inside emergency maintenance windows (R19, its own figure)
 * @param downIntervals       the spans of {@code down}
 * @param excludedIntervals   the spans of {@code excluded}, each with reason and rule
 * @param unknownIntervals    the spans of {@code unknown}
 * @param emergencyWindows    every emergency window of the month, reported separately (R19)
 * @param rulesApplied        rule ids the computation used
 */
public record AvailabilityResult(
        YearMonth month,
        Interval period,
        Duration total,
        Duration down,
        Duration excluded,
        Duration unknown,
        Duration unknownCountedAsDown,
        Duration emergencyDown,
        List<DownInterval> downIntervals,
        List<ExcludedInterval> excludedIntervals,
        List<Interval> unknownIntervals,
        List<EmergencyWindowReport> emergencyWindows,
        SortedSet<String> rulesApplied) {

    /** Scale of the displayed availability percentage. */
    public static final int DISPLAY_SCALE = 4;

    public AvailabilityResult {
        downIntervals = List.copyOf(downIntervals);
        excludedIntervals = List.copyOf(excludedIntervals);
        unknownIntervals = List.copyOf(unknownIntervals);
        emergencyWindows = List.copyOf(emergencyWindows);
        TreeSet<String> byNumber = new TreeSet<>(RuleIds.ORDER);
        byNumber.addAll(rulesApplied);
        rulesApplied = Collections.unmodifiableSortedSet(byNumber);
    }

    /**
     * Whether the month meets an availability KPI (R5), judged on the exact ratio: 99.59996 % does
     * not meet 99.60 %, though it is shown as 99.6000.
     */
    public boolean meets(BigDecimal kpiPercent) {
        BigDecimal up = Minutes.nanos(total.minus(down)).multiply(BigDecimal.valueOf(100));
        return up.compareTo(kpiPercent.multiply(Minutes.nanos(total))) >= 0;
    }

    /**
     * (total - down) / total in percent, rounded HALF_UP to 4 decimals, for display. Credits use
     * the exact ratio of {@link #down} and {@link #total}, not this figure.
     */
    public BigDecimal availabilityPercent() {
        return availabilityPercent(DISPLAY_SCALE);
    }

    /** The availability in percent at another scale, HALF_UP. */
    public BigDecimal availabilityPercent(int scale) {
        BigDecimal t = Minutes.nanos(total);
        return Minutes.nanos(total.minus(down))
                .multiply(BigDecimal.valueOf(100))
                .divide(t, scale, RoundingMode.HALF_UP);
    }

    public BigDecimal totalMinutes() {
        return Minutes.of(total);
    }

    public BigDecimal downMinutes() {
        return Minutes.of(down);
    }

    public BigDecimal excludedMinutes() {
        return Minutes.of(excluded);
    }

    public BigDecimal unknownMinutes() {
        return Minutes.of(unknown);
    }

    public BigDecimal emergencyDownMinutes() {
        return Minutes.of(emergencyDown);
    }
}
