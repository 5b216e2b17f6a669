package nl.vioms.sladesk.core.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import nl.vioms.sladesk.core.calendar.ServiceWindow;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.time.Interval;

/**
 * Algebraic properties of business time (R6, R16) for every window, with and without pauses,
 * and a minute-stepping oracle built only on {@link ServiceWindow#openPeriods(LocalDate)}.
 *
 * <p>"Inside the window", precisely: for an amount &gt; 0 the result {@code r} has open time just
 * before it, i.e. {@code r - 1 ns} is open (r lies in {@code (s, e]} of an open piece
 * {@code [s, e)}); for a zero amount the result itself is open.
 */
class BusinessTimePropertiesTest {

    private static final WorkingDays CALENDAR = WorkingDays.dutchDefault();
    private static final Instant FROM =
            OffsetDateTime.parse("2024-01-01T00:00+01:00").toInstant();
    private static final Instant TO =
            OffsetDateTime.parse("2035-12-01T00:00+01:00").toInstant();
    /** Days where mistakes hide: DST Sundays, Christmas, New Year, King's Day, Liberation Day. */
    private static final List<LocalDate> TRICKY_DAYS = List.of(
            LocalDate.of(2026, 3, 29),
            LocalDate.of(2026, 10, 25),
            LocalDate.of(2027, 3, 28),
            LocalDate.of(2027, 10, 31),
            LocalDate.of(2026, 12, 24),
            LocalDate.of(2026, 12, 31),
            LocalDate.of(2025, 4, 25),
            LocalDate.of(2026, 4, 24),
            LocalDate.of(2025, 5, 2),
            LocalDate.of(2029, 12, 24),
            LocalDate.of(2031, 4, 25));

    private static BusinessTime time(WindowKind kind) {
        return BusinessTime.of(CALENDAR.window(kind));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> anywhere = Arbitraries.longs()
                .between(FROM.getEpochSecond(), TO.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> tricky = Combinators.combine(
                        Arbitraries.of(TRICKY_DAYS), Arbitraries.longs().between(0, 3 * 86_400L))
                .as((day, s) ->
                        day.atStartOfDay(ServiceWindow.AMSTERDAM).toInstant().plusSeconds(s));
        Arbitrary<Instant> withNanos = anywhere.flatMap(
                i -> Arbitraries.integers().between(0, 999_999_999).map(i::plusNanos));
        return Arbitraries.frequencyOf(Tuple.of(4, anywhere), Tuple.of(4, tricky), Tuple.of(1, withNanos));
    }

    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Duration.ZERO)),
                Tuple.of(6, Arbitraries.longs().between(1, 60L * 24 * 14).map(Duration::ofMinutes)),
                Tuple.of(3, Arbitraries.longs().between(1, 86_400L * 10).map(Duration::ofSeconds)));
    }

    @Provide
    Arbitrary<Duration> positiveAmounts() {
        return amounts().filter(d -> !d.isZero());
    }

    /** Up to three pauses within a few days after a base instant; overlapping on purpose sometimes. */
    @Provide
    Arbitrary<List<Interval>> pauses() {
        Arbitrary<Interval> one = Combinators.combine(
                        Arbitraries.longs().between(-86_400L, 5 * 86_400L),
                        Arbitraries.longs().between(60, 2 * 86_400L))
                .as((offset, length) -> new Interval(FROM.plusSeconds(offset), FROM.plusSeconds(offset + length)));
        return one.list().ofMaxSize(3);
    }

    /** Pauses generated around {@link #FROM}, moved to start near {@code t}. */
    private static List<Interval> near(Instant t, List<Interval> pauses) {
        Duration shift = Duration.between(FROM, t);
        List<Interval> moved = new ArrayList<>();
        for (Interval p : pauses) {
            moved.add(new Interval(p.start().plus(shift), p.end().plus(shift)));
        }
        return moved;
    }

    @Property
    void addIsAdditive(
            @ForAll WindowKind kind,
            @ForAll("instants") Instant t,
            @ForAll("amounts") Duration a,
            @ForAll("positiveAmounts") Duration b,
            @ForAll("pauses") List<Interval> pauses) {
        // b > 0: add(r, 0) moves an end-of-period result to the next opening, by definition
        BusinessTime time = time(kind);
        List<Interval> p = near(t, pauses);
        assertEquals(time.add(t, a.plus(b), p), time.add(time.add(t, a, p), b, p));
    }

    @Property
    void betweenInvertsAdd(
            @ForAll WindowKind kind,
            @ForAll("instants") Instant t,
            @ForAll("amounts") Duration a,
            @ForAll("pauses") List<Interval> pauses) {
        BusinessTime time = time(kind);
        List<Interval> p = near(t, pauses);
        assertEquals(a, time.between(t, time.add(t, a, p), p));
    }

    @Property
    void resultLiesInOpenTime(
            @ForAll WindowKind kind,
            @ForAll("instants") Instant t,
            @ForAll("amounts") Duration a,
            @ForAll("pauses") List<Interval> pauses) {
        BusinessTime time = time(kind);
        List<Interval> p = near(t, pauses);
        Instant r = time.add(t, a, p);
        assertFalse(r.isBefore(t));
        if (a.isZero()) {
            assertTrue(isOpen(kind, r, p), () -> "zero amount must land on an open instant: " + r);
        } else {
            Instant justBefore = r.minusNanos(1);
            assertTrue(isOpen(kind, justBefore, p), () -> "result " + r + " must end open time");
        }
    }

    @Property
    void monotone(
            @ForAll WindowKind kind,
            @ForAll("instants") Instant t,
            @ForAll("amounts") Duration a,
            @ForAll("amounts") Duration b,
            @ForAll @IntRange(min = 0, max = 200_000) int laterSeconds) {
        BusinessTime time = time(kind);
        Duration small = a.compareTo(b) <= 0 ? a : b;
        Duration large = a.compareTo(b) <= 0 ? b : a;
        assertFalse(time.add(t, large).isBefore(time.add(t, small)));
        Instant later = t.plusSeconds(laterSeconds);
        assertFalse(time.add(later, a).isBefore(time.add(t, a)));
        assertTrue(time.between(t, later).compareTo(time.between(t, later.plusSeconds(3600))) <= 0);
    }

    /** Oracle: count open minutes one by one, each decided by the per-date definition alone. */
    @Property(tries = 300)
    void agreesWithMinuteStepping(
            @ForAll WindowKind kind,
            @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 0, max = 3 * 24 * 60) int minutes) {
        Instant t = Instant.ofEpochSecond(start.getEpochSecond() / 60 * 60); // whole minute
        Instant expected = naiveAdd(CALENDAR.window(kind), t, minutes);
        assertEquals(expected, time(kind).add(t, Duration.ofMinutes(minutes)));
    }

    @Property
    void switchingIsAdditive(
            @ForAll("instants") Instant t,
            @ForAll("amounts") Duration a,
            @ForAll("positiveAmounts") Duration b,
            @ForAll @IntRange(min = -86_400, max = 4 * 86_400) int switchAfter) {
        // R7: office hours until the phone report, 24x7 after
        BusinessTime gated = BusinessTime.switching(
                time(WindowKind.OFFICE_HOURS), t.plusSeconds(switchAfter), time(WindowKind.ALWAYS));
        assertEquals(gated.add(t, a.plus(b)), gated.add(gated.add(t, a), b));
        assertEquals(a, gated.between(t, gated.add(t, a)));
    }

    private static boolean isOpen(WindowKind kind, Instant i, List<Interval> pauses) {
        for (Interval p : pauses) {
            if (p.contains(i)) {
                return false;
            }
        }
        return openByDefinition(CALENDAR.window(kind), i);
    }

    private static boolean openByDefinition(ServiceWindow window, Instant i) {
        LocalDate date = i.atZone(ServiceWindow.AMSTERDAM).toLocalDate();
        for (Interval period : window.openPeriods(date)) {
            if (period.contains(i)) {
                return true;
            }
        }
        return false;
    }

    static Instant naiveAdd(ServiceWindow window, Instant t, int minutes) {
        Instant m = t;
        while (!openByDefinition(window, m)) {
            m = m.plusSeconds(60);
        }
        int left = minutes;
        while (left > 0) {
            if (openByDefinition(window, m)) {
                left--;
            }
            m = m.plusSeconds(60);
        }
        return m;
    }
}
