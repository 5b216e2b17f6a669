package nl.vioms.sladesk.core.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import nl.vioms.sladesk.core.policy.AvailabilityPolicy;
import nl.vioms.sladesk.core.policy.RegularServiceWindow;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.time.IntervalSets;
import org.jspecify.annotations.Nullable;

/**
 * Computes one calendar month's availability (R18-R24):
 * <ul>
 *   <li>total = every second of the month in Europe/Amsterdam (R23, R24);</li>
 *   <li>exclusions = regular service windows (R18), planned maintenance announced in time (R19,
 *       its announced span only), emergency maintenance flagged excluded (R19), other
 *       exclusions (R18);</li>
 *   <li>down = outage time outside every exclusion; excluded = outage time inside one (R23);</li>
 *   <li>unknown = unmonitored time not covered by an outage, available unless the policy says
 *       otherwise (R20); when counted as down, exclusions forgive it like outage time.</li>
 * </ul>
 * Pure: same input, same result.
 */
public final class AvailabilityCalculator {

    /** R24: months and service windows are Amsterdam wall-clock time. */
    public static final ZoneId AMSTERDAM = Amsterdam.ZONE;

    private AvailabilityCalculator() {}

    /** An exclusion with the attribution reports show. Order in the list decides attribution. */
    private record Labeled(Interval interval, ExclusionKind kind, String reason) {}

    /** The month as instants: [first day 00:00, first day of next month 00:00) in Amsterdam. */
    public static Interval monthInterval(YearMonth month) {
        return new Interval(
                month.atDay(1).atStartOfDay(AMSTERDAM).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(AMSTERDAM).toInstant());
    }

    public static AvailabilityResult calculate(AvailabilityInput input, AvailabilityPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Interval whole = monthInterval(input.month());
        TreeSet<String> rules = new TreeSet<>(List.of("R23", "R24"));
        Instant from = input.deliveredFrom();
        boolean partial = from != null && from.isAfter(whole.start()) && from.isBefore(whole.end());
        // R18: no SLA before delivery; a month the contract starts in is measured from its start
        Interval period = partial ? new Interval(from, whole.end()) : whole;
        if (partial) {
            rules.add("R18");
        }

        List<Labeled> exclusions = new ArrayList<>();
        for (Interval w : serviceWindows(input.month(), policy.regularServiceWindows())) {
            exclusions.add(new Labeled(w, ExclusionKind.REGULAR_SERVICE_WINDOW, "regular service window"));
        }
        List<EmergencyMaintenance> emergencies = new ArrayList<>(input.emergency());
        List<Boolean> late =
                new ArrayList<>(input.emergency().stream().map(e -> false).toList());
        for (PlannedMaintenance p : input.planned()) {
            if (p.announcedInTime(policy.minimumNotice())) {
                // only the announced span: an overrun past its end stays down (R19)
                exclusions.add(new Labeled(
                        p.window(),
                        ExclusionKind.PLANNED_MAINTENANCE,
                        "planned maintenance" + (p.reference() == null ? "" : " " + p.reference()) + ", announced "
                                + p.notice() + " ahead"));
            } else {
                emergencies.add(EmergencyMaintenance.counted(
                        p.window(),
                        "planned maintenance"
                                + (p.reference() == null ? "" : " " + p.reference()) + " announced only " + p.notice()
                                + " ahead, less than " + policy.minimumNotice() + ": emergency maintenance (R19)"));
                late.add(true);
            }
        }
        for (EmergencyMaintenance e : input.emergency()) {
            if (e.excludedByOperations()) {
                exclusions.add(new Labeled(
                        e.window(),
                        ExclusionKind.EMERGENCY_MAINTENANCE,
                        "emergency maintenance excluded by operations: " + e.exclusionReason()));
            }
        }
        for (Exclusion x : input.exclusions()) {
            exclusions.add(new Labeled(x.interval(), x.kind(), x.reason()));
        }
        exclusions.removeIf(l -> !l.interval().overlaps(period));
        exclusions.forEach(l -> rules.add(l.kind().ruleId()));

        List<Interval> outages = IntervalSets.union(IntervalSets.clip(input.outages(), period));
        List<Interval> unknown = IntervalSets.minus(IntervalSets.clip(input.unknown(), period), outages);
        if (!unknown.isEmpty() || !input.unknown().isEmpty()) {
            rules.add("R20");
        }

        List<DownInterval> down = new ArrayList<>();
        List<ExcludedInterval> excluded = new ArrayList<>();
        for (Interval o : outages) {
            classify(o, Observed.OUTAGE, exclusions, down, excluded);
        }
        if (!policy.unknownCountsAsAvailable()) {
            for (Interval u : unknown) {
                classify(u, Observed.UNKNOWN, exclusions, down, excluded);
            }
        }
        down.sort((a, b) -> a.interval().compareTo(b.interval()));
        excluded.sort((a, b) -> a.interval().compareTo(b.interval()));

        List<Interval> downSpans = down.stream().map(DownInterval::interval).toList();
        List<EmergencyWindowReport> reports = new ArrayList<>();
        List<Interval> emergencySpans = new ArrayList<>();
        for (int i = 0; i < emergencies.size(); i++) {
            EmergencyMaintenance e = emergencies.get(i);
            if (!e.window().overlaps(period)) {
                continue;
            }
            rules.add("R19");
            Interval w = e.window().intersect(period);
            emergencySpans.add(w);
            reports.add(new EmergencyWindowReport(
                    w,
                    e.reason(),
                    e.excludedByOperations(),
                    e.exclusionReason(),
                    late.get(i),
                    IntervalSets.total(IntervalSets.intersect(outages, List.of(w))),
                    IntervalSets.total(IntervalSets.intersect(downSpans, List.of(w)))));
        }
        reports.sort((a, b) -> a.window().compareTo(b.window()));

        Duration unknownDown = down.stream()
                .filter(d -> d.observed() == Observed.UNKNOWN)
                .map(d -> d.interval().duration())
                .reduce(Duration.ZERO, Duration::plus);
        return new AvailabilityResult(
                input.month(),
                period,
                period.duration(),
                IntervalSets.total(downSpans),
                IntervalSets.total(
                        excluded.stream().map(ExcludedInterval::interval).toList()),
                IntervalSets.total(unknown),
                unknownDown,
                IntervalSets.total(IntervalSets.intersect(downSpans, emergencySpans)),
                down,
                excluded,
                unknown,
                reports,
                rules);
    }

    /**
     * Splits one piece of outage (or unknown) time at every exclusion boundary; each part is down
     * or attributed to the first exclusion covering it. Adjacent parts with the same outcome merge.
     */
    private static void classify(
            Interval piece,
            Observed observed,
            List<Labeled> exclusions,
            List<DownInterval> down,
            List<ExcludedInterval> excluded) {
        TreeSet<Instant> cuts = new TreeSet<>(List.of(piece.start(), piece.end()));
        for (Labeled l : exclusions) {
            if (piece.contains(l.interval().start())) {
                cuts.add(l.interval().start());
            }
            if (piece.contains(l.interval().end())) {
                cuts.add(l.interval().end());
            }
        }
        Instant from = null;
        Labeled current = null;
        Instant prev = null;
        for (Instant cut : cuts) {
            if (prev != null) {
                Interval part = new Interval(prev, cut);
                Labeled cover = exclusions.stream()
                        .filter(l -> !part.start().isBefore(l.interval().start())
                                && !part.end().isAfter(l.interval().end()))
                        .findFirst()
                        .orElse(null);
                if (from == null) {
                    from = prev;
                    current = cover;
                } else if (cover != current) {
                    emit(new Interval(from, prev), observed, current, down, excluded);
                    from = prev;
                    current = cover;
                }
            }
            prev = cut;
        }
        if (from != null) {
            emit(new Interval(from, piece.end()), observed, current, down, excluded);
        }
    }

    private static void emit(
            Interval span,
            Observed observed,
            @Nullable Labeled cover,
            List<DownInterval> down,
            List<ExcludedInterval> excluded) {
        if (cover == null) {
            down.add(new DownInterval(span, observed));
        } else {
            excluded.add(new ExcludedInterval(
                    span, observed, cover.kind(), cover.reason(), cover.kind().ruleId()));
        }
    }

    /** The regular service windows (R18) of every day of the month, as instants. */
    static List<Interval> serviceWindows(YearMonth month, List<RegularServiceWindow> windows) {
        List<Interval> out = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            for (RegularServiceWindow w : windows) {
                if (!w.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                // atZone: a start in the spring-forward gap moves forward; both ends are wall-clock
                Instant start = ZonedDateTime.of(day, w.from(), AMSTERDAM).toInstant();
                Instant end = ZonedDateTime.of(day, w.to(), AMSTERDAM).toInstant();
                if (end.isAfter(start)) {
                    out.add(new Interval(start, end));
                }
            }
        }
        return out;
    }
}
