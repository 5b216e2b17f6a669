package nl.vioms.sladesk.core.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Set operations on collections of half-open {@link Interval}s, shared by the clocks (pauses,
 * R16) and the availability computation (outages, exclusions, unknown time, R18-R23).
 *
 * <p>Inputs may be in any order, overlap, touch or be empty. Every result except {@link #clip} is
 * in <em>normal form</em>: sorted, disjoint, non-touching (touching intervals are merged, since
 * {@code [a, b)} and {@code [b, c)} together are {@code [a, c)}) and without empty intervals.
 * Stateless and thread-safe.
 */
public final class IntervalSets {

    private IntervalSets() {}

    /** The union in normal form: sorted, disjoint, non-touching, without empty intervals. */
    public static List<Interval> union(Collection<Interval> intervals) {
        List<Interval> sorted =
                intervals.stream().filter(i -> !i.isEmpty()).sorted().toList();
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            if (!out.isEmpty() && !i.start().isAfter(out.get(out.size() - 1).end())) {
                Interval last = out.remove(out.size() - 1);
                out.add(new Interval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Each interval cut to {@code bounds}, in the given order; those that do not overlap the bounds
     * disappear. Not merged: pass the result to {@link #union} for normal form.
     */
    public static List<Interval> clip(Collection<Interval> intervals, Interval bounds) {
        return intervals.stream()
                .filter(bounds::overlaps)
                .map(bounds::intersect)
                .toList();
    }

    /** The union of {@code from} minus the union of {@code remove}, in normal form. */
    public static List<Interval> minus(Collection<Interval> from, Collection<Interval> remove) {
        List<Interval> cut = union(remove);
        List<Interval> out = new ArrayList<>();
        for (Interval piece : union(from)) {
            var cursor = piece.start();
            for (Interval c : cut) {
                if (!c.overlaps(piece)) {
                    continue;
                }
                if (c.start().isAfter(cursor)) {
                    out.add(new Interval(cursor, c.start()));
                }
                if (c.end().isAfter(cursor)) {
                    cursor = c.end();
                }
            }
            if (piece.end().isAfter(cursor)) {
                out.add(new Interval(cursor, piece.end()));
            }
        }
        return out;
    }

    /** The union of {@code a} intersected with the union of {@code b}: sorted and disjoint. */
    public static List<Interval> intersect(Collection<Interval> a, Collection<Interval> b) {
        List<Interval> out = new ArrayList<>();
        List<Interval> ub = union(b);
        for (Interval x : union(a)) {
            for (Interval y : ub) {
                if (x.overlaps(y)) {
                    out.add(x.intersect(y));
                }
            }
        }
        return out;
    }

    /** The summed length; overlapping intervals count twice, so pass a {@link #union} for covered time. */
    public static Duration total(Collection<Interval> intervals) {
        return intervals.stream().map(Interval::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
