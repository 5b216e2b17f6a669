package nl.vioms.sladesk.core.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;

/**
 * When a level's clocks run (R5, R6): the open wall-clock periods of each date in
 * Europe/Amsterdam, as UTC instants. Every local time is converted through {@link ZonedDateTime}
 * in Europe/Amsterdam, so DST days come out right (the ALWAYS day lasts 23 or 25 hours).
 *
 * <ul>
 *   <li>{@code ALWAYS}: the whole day, 24x7.</li>
 *   <li>{@code DAILY_12_TO_21}: every calendar day 12:00-21:00, holidays included (R6).</li>
 *   <li>{@code OFFICE_HOURS}: working days 09:00-17:30 (R3).</li>
 *   <li>{@code OFFICE_HOURS_AND_WEEKEND_12_TO_20}: office hours plus every Saturday and Sunday
 *       12:00-20:00 (R6).</li>
 * </ul>
 *
 * <p>Obtain instances from {@link WorkingDays#window(WindowKind)}. Lookups by instant use a lazily
 * built, thread-safe per-year table of the open periods, so a lookup is a binary search.
 */
public final class ServiceWindow {

    /** The zone of every wall-clock rule of the SLA. */
    public static final ZoneId AMSTERDAM = Amsterdam.ZONE;

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime HALF_PAST_FIVE = LocalTime.of(17, 30);
    private static final LocalTime NOON = LocalTime.of(12, 0);
    private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);
    private static final LocalTime NINE_PM = LocalTime.of(21, 0);

    private static final int FIRST_CACHED_YEAR = 1900;
    private static final int LAST_CACHED_YEAR = 2299;
    // a year without any open period would be a broken calendar; stop instead of looping forever
    private static final int MAX_EMPTY_YEARS = 5;

    private final WindowKind kind;
    private final WorkingDays days;
    /** Per local year: open periods as epoch seconds, start0, end0, start1, end1, ... ascending. */
    private final AtomicReferenceArray<long[]> years =
            new AtomicReferenceArray<>(LAST_CACHED_YEAR - FIRST_CACHED_YEAR + 1);

    ServiceWindow(WindowKind kind, WorkingDays days) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.days = Objects.requireNonNull(days, "days");
    }

    public WindowKind kind() {
        return kind;
    }

    /** The open periods of one local date, ascending; empty when the window is closed all day. */
    public List<Interval> openPeriods(LocalDate date) {
        switch (kind) {
            case ALWAYS:
                return List.of(new Interval(
                        date.atStartOfDay(AMSTERDAM).toInstant(),
                        date.plusDays(1).atStartOfDay(AMSTERDAM).toInstant()));
            case DAILY_12_TO_21:
                return List.of(period(date, NOON, NINE_PM));
            case OFFICE_HOURS:
                return days.isWorkingDay(date) ? List.of(period(date, NINE, HALF_PAST_FIVE)) : List.of();
            case OFFICE_HOURS_AND_WEEKEND_12_TO_20:
                if (days.isWorkingDay(date)) {
                    return List.of(period(date, NINE, HALF_PAST_FIVE));
                }
                DayOfWeek dow = date.getDayOfWeek();
                // R6 decision: every Saturday and Sunday; a weekday holiday stays closed
                return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY
                        ? List.of(period(date, NOON, EIGHT_PM))
                        : List.of();
            default:
                throw new IllegalStateException("unknown window " + kind);
        }
    }

    /** Whether the window is open at {@code instant} (periods are half-open: open at start, closed at end). */
    public boolean isOpen(Instant instant) {
        return currentOrNextPeriod(instant).contains(instant);
    }

    /**
     * The open period that contains {@code instant}, or else the first one that starts after it.
     * Periods are those of {@link #openPeriods(LocalDate)} (for ALWAYS: whole local days).
     */
    public Interval currentOrNextPeriod(Instant instant) {
        long second = instant.getEpochSecond();
        // Amsterdam is always ahead of UTC, so every period of a local year before the instant's
        // UTC year has ended by 1 January 00:00 UTC of that year: start searching there.
        int year = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400L)).getYear();
        for (int empty = 0; empty <= MAX_EMPTY_YEARS; year++) {
            long[] bounds = year(year);
            // boundaries are whole seconds, so "end > instant" is "end > epoch second" even with nanos
            int i = firstEndAfter(bounds, second);
            if (i >= 0) {
                return new Interval(Instant.ofEpochSecond(bounds[2 * i]), Instant.ofEpochSecond(bounds[2 * i + 1]));
            }
            if (bounds.length == 0) {
                empty++;
            }
        }
        throw new IllegalStateException("window " + kind + " has no open period after " + instant);
    }

    private static int firstEndAfter(long[] bounds, long second) {
        int lo = 0;
        int hi = bounds.length / 2; // number of periods
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[2 * mid + 1] > second) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < bounds.length / 2 ? lo : -1;
    }

    private long[] year(int year) {
        if (year < FIRST_CACHED_YEAR || year > LAST_CACHED_YEAR) {
            return buildYear(year);
        }
        int slot = year - FIRST_CACHED_YEAR;
        long[] bounds = years.get(slot);
        if (bounds == null) {
            bounds = buildYear(year); // a race builds the same table twice; harmless
            years.set(slot, bounds);
        }
        return bounds;
    }

    private long[] buildYear(int year) {
        List<Interval> periods = new ArrayList<>(400);
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            periods.addAll(openPeriods(d));
        }
        long[] bounds = new long[periods.size() * 2];
        for (int i = 0; i < periods.size(); i++) {
            bounds[2 * i] = periods.get(i).start().getEpochSecond();
            bounds[2 * i + 1] = periods.get(i).end().getEpochSecond();
        }
        return bounds;
    }

    private static Interval period(LocalDate date, LocalTime from, LocalTime to) {
        // through ZonedDateTime: the offset is the one valid on that date at that local time
        return new Interval(
                ZonedDateTime.of(date, from, AMSTERDAM).toInstant(),
                ZonedDateTime.of(date, to, AMSTERDAM).toInstant());
    }

    @Override
    public String toString() {
        return "ServiceWindow[" + kind + "]";
    }
}
