package nl.vioms.sladesk.core.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.vioms.sladesk.core.calendar.ServiceWindow;
import nl.vioms.sladesk.core.policy.WindowKind;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.time.IntervalSets;

/**
 * Business-time arithmetic over a service window (R6), optionally minus pause intervals (R16).
 *
 * <p>The <em>open time</em> is the union of the window's open periods, minus the pauses. All
 * periods are half-open {@code [start, end)}. Work is done period by period, never minute by
 * minute; the 24x7 window without pauses is plain instant arithmetic.
 *
 * <ul>
 *   <li>{@link #nextOpen}: the first open instant at or after the given one.</li>
 *   <li>{@link #add}: for an amount &gt; 0 the earliest instant {@code r} such that the open time
 *       in {@code [from, r)} equals the amount; {@code r} then lies inside an open period or
 *       exactly at its end ({@code s < r <= e} for an open piece {@code [s, e)}). For a zero
 *       amount, {@link #nextOpen}.</li>
 *   <li>{@link #between}: the open time in {@code [from, to)}; zero when {@code to <= from}.</li>
 * </ul>
 *
 * <p>Pauses are closed intervals of the ticket (an ongoing pause has no end and is handled by the
 * caller, see {@link SlaClocks}); they may be given in any order and may overlap. Instances are
 * immutable and thread-safe.
 */
public final class BusinessTime {

    private static final Interval[] NO_PAUSES = new Interval[0];

    private final Schedule schedule;
    private final boolean always;

    private BusinessTime(Schedule schedule, boolean always) {
        this.schedule = schedule;
        this.always = always;
    }

    /** Business time over one service window (R6). */
    public static BusinessTime of(ServiceWindow window) {
        Objects.requireNonNull(window, "window");
        return window.kind() == WindowKind.ALWAYS
                ? new BusinessTime(Schedule.ALWAYS, true)
                : new BusinessTime(window::currentOrNextPeriod, false);
    }

    /**
     * Runs on {@code before} until {@code switchAt} and on {@code after} from then on. R7: an
     * A/HA ticket e-mailed outside office hours runs on office hours until the phone report.
     */
    public static BusinessTime switching(BusinessTime before, Instant switchAt, BusinessTime after) {
        Objects.requireNonNull(switchAt, "switchAt");
        Schedule first = before.schedule;
        Schedule then = after.schedule;
        Schedule combined = t -> {
            if (t.isBefore(switchAt)) {
                Interval p = first.currentOrNext(t);
                if (p.start().isBefore(switchAt)) {
                    return new Interval(p.start(), min(p.end(), switchAt));
                }
                t = switchAt;
            }
            Interval q = then.currentOrNext(t);
            return q.start().isBefore(switchAt) ? new Interval(switchAt, q.end()) : q;
        };
        return new BusinessTime(combined, false);
    }

    /** The first open instant at or after {@code instant}. */
    public Instant nextOpen(Instant instant) {
        return nextOpen(instant, List.of());
    }

    /** The first instant at or after {@code instant} that is open and not paused (R16). */
    public Instant nextOpen(Instant instant, List<Interval> pauses) {
        Objects.requireNonNull(instant, "instant");
        Interval[] p = normalise(pauses);
        if (always && p.length == 0) {
            return instant;
        }
        Walker w = new Walker(p);
        w.next(instant);
        return w.start;
    }

    /** Whether {@code instant} is open time. */
    public boolean isOpen(Instant instant) {
        return nextOpen(instant).equals(instant);
    }

    /** The instant at which {@code amount} of open time has elapsed from {@code from}. */
    public Instant add(Instant from, Duration amount) {
        return add(from, amount, List.of());
    }

    /** As {@link #add(Instant, Duration)}, not counting paused time (R16). */
    public Instant add(Instant from, Duration amount, List<Interval> pauses) {
        Objects.requireNonNull(from, "from");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + amount);
        }
        Interval[] p = normalise(pauses);
        if (always && p.length == 0) {
            return from.plus(amount);
        }
        Walker w = new Walker(p);
        w.next(from);
        Duration remaining = amount;
        while (true) {
            Duration piece = Duration.between(w.start, w.end);
            if (remaining.compareTo(piece) <= 0) {
                return w.start.plus(remaining);
            }
            remaining = remaining.minus(piece);
            w.next(w.end);
        }
    }

    /** The open time in {@code [from, to)}. */
    public Duration between(Instant from, Instant to) {
        return between(from, to, List.of());
    }

    /** As {@link #between(Instant, Instant)}, not counting paused time (R16). */
    public Duration between(Instant from, Instant to, List<Interval> pauses) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Interval[] p = normalise(pauses);
        if (always && p.length == 0) {
            return Duration.between(from, to);
        }
        Walker w = new Walker(p);
        w.next(from);
        long seconds = 0;
        long nanos = 0;
        while (w.start.isBefore(to)) {
            Duration piece = Duration.between(w.start, min(w.end, to));
            seconds += piece.getSeconds();
            nanos += piece.getNano();
            if (!w.end.isBefore(to)) {
                break;
            }
            w.next(w.end);
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /** Sorted, merged, non-empty pauses ({@link IntervalSets#union}). */
    static Interval[] normalise(List<Interval> pauses) {
        if (pauses == null || pauses.isEmpty()) {
            return NO_PAUSES;
        }
        return IntervalSets.union(pauses).toArray(NO_PAUSES);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The open periods of a window: the one containing an instant, or else the next one. */
    @FunctionalInterface
    private interface Schedule {
        /** 24x7: one endless period from the instant asked. */
        Schedule ALWAYS = t -> new Interval(t, Instant.MAX);

        Interval currentOrNext(Instant t);
    }

    /** Walks the open pieces (window minus pauses) forward in time. */
    private final class Walker {
        private final Interval[] pauses;
        private int pause; // first pause that may still matter; only moves forward
        Instant start;
        Instant end;

        Walker(Interval[] pauses) {
            this.pauses = pauses;
        }

        /**
         * Sets {@code [start, end)} to the first open piece ending after {@code t}, clipped to start at {@code t} or
         * later.
         */
        void next(Instant t) {
            while (true) {
                Interval period = schedule.currentOrNext(t);
                Instant s = max(period.start(), t);
                Instant e = period.end();
                while (pause < pauses.length && !pauses[pause].end().isAfter(s)) {
                    pause++;
                }
                if (pause < pauses.length && !pauses[pause].start().isAfter(s)) {
                    t = pauses[pause].end(); // s is paused: resume at the pause's end
                    continue;
                }
                if (pause < pauses.length && pauses[pause].start().isBefore(e)) {
                    e = pauses[pause].start();
                }
                start = s;
                end = e;
                return;
            }
        }
    }
}
