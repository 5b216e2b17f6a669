package nl.vioms.sladesk.core.availability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import nl.vioms.sladesk.core.time.Interval;

/** Set operations on intervals, kept here so core.time's Interval stays small. */
final class IntervalSets {

    private IntervalSets() {
    }

    /** Sorted, disjoint, non-touching union without empty intervals. */
    static List<Interval> union(Collection<Interval> intervals) {
        List<Interval> sorted = intervals.stream().filter(i -> !i.isEmpty()).sorted().toList();
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

    /** Each interval cut to the bounds; those outside disappear. */
    static List<Interval> clip(Collection<Interval> intervals, Interval bounds) {
        return intervals.stream().filter(bounds::overlaps).map(bounds::intersect).toList();
    }

    /** Union of {@code from} minus union of {@code remove}. */
    static List<Interval> minus(Collection<Interval> from, Collection<Interval> remove) {
        List<Interval> cut = union(remove);
        List<Interval> out = new ArrayList<>();
        for (Interval piece : union(from)) {
            var cursor = piece.start();
            for (Interval c : cut) {
                if (!c.overlaps(piece)) continue;
                if (c.start().isAfter(cursor)) out.add(new Interval(cursor, c.start()));
                if (c.end().isAfter(cursor)) cursor = c.end();
            }
            if (piece.end().isAfter(cursor)) out.add(new Interval(cursor, piece.end()));
        }
        return out;
    }

    /** Union of a intersected with union of b. */
    static List<Interval> intersect(Collection<Interval> a, Collection<Interval> b) {
        List<Interval> out = new ArrayList<>();
        List<Interval> ub = union(b);
        for (Interval x : union(a)) {
            for (Interval y : ub) {
                if (x.overlaps(y)) out.add(x.intersect(y));
            }
        }
        return out;
    }

    static Duration total(Collection<Interval> intervals) {
        return intervals.stream().map(Interval::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
