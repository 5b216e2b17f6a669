package nl.vioms.sladesk.core.monthend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.vioms.sladesk.core.availability.AvailabilityResult;
import nl.vioms.sladesk.core.availability.DownInterval;
import nl.vioms.sladesk.core.availability.ExcludedInterval;
import nl.vioms.sladesk.core.availability.Minutes;
import nl.vioms.sladesk.core.availability.Observed;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;
import nl.vioms.sladesk.core.monthend.ContractMonth.EmergencyTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.ExclusionTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.IntervalTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.MaintenanceTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.OutageTrace;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.time.IntervalSets;

/**
 * The traces of one service's month (R19-R23): which monitoring records counted for it, and how
 * each outage, down, excluded and unknown interval, maintenance window and exclusion was taken
 * into account. Part of {@link MonthEndCalculator}; pure.
 */
final class ServiceTraces {

    private ServiceTraces() {}

    /** The keys of the monitored services whose records count for the service (platform and own, R21). */
    static List<String> sources(ServiceRecords r) {
        TreeSet<String> keys = new TreeSet<>();
        r.outages().forEach(o -> keys.add(o.serviceKey()));
        r.maintenance().forEach(m -> keys.add(m.serviceKey()));
        r.exclusions().forEach(x -> keys.add(x.serviceKey()));
        r.unknown().forEach(u -> keys.add(u.serviceKey()));
        return List.copyOf(keys);
    }

    static List<OutageTrace> outages(
            ServiceRecords r, AvailabilityResult a, Interval period, Map<String, String> names, Instant now) {
        List<Interval> down = a.downIntervals().stream()
                .filter(d -> d.observed() == Observed.OUTAGE)
                .map(DownInterval::interval)
                .toList();
        List<Interval> excluded = a.excludedIntervals().stream()
                .filter(x -> x.observed() == Observed.OUTAGE)
                .map(ExcludedInterval::interval)
                .toList();
        List<OutageTrace> out = new ArrayList<>();
        for (Outage o : r.outages()) {
            Interval in = o.interval(now).intersect(period);
            if (in.isEmpty()) {
                continue;
            }
            out.add(new OutageTrace(
                    o.serviceKey(),
                    names.getOrDefault(o.serviceKey(), o.serviceKey()),
                    o.targetId(),
                    Amsterdam.iso(o.start()),
                    Amsterdam.iso(o.confirmedAt()),
                    Amsterdam.iso(o.end()),
                    o.incident(),
                    Minutes.of(in.duration()),
                    Minutes.of(IntervalSets.total(IntervalSets.intersect(List.of(in), down))),
                    Minutes.of(IntervalSets.total(IntervalSets.intersect(List.of(in), excluded)))));
        }
        out.sort(Comparator.comparing(OutageTrace::start).thenComparing(OutageTrace::source));
        return out;
    }

    static List<IntervalTrace> down(AvailabilityResult a) {
        return a.downIntervals().stream()
                .map(d -> new IntervalTrace(
                        Amsterdam.iso(d.interval().start()),
                        Amsterdam.iso(d.interval().end()),
                        Minutes.of(d.interval().duration()),
                        lower(d.observed().name()),
                        null,
                        null,
                        "R23"))
                .toList();
    }

    static List<IntervalTrace> excluded(AvailabilityResult a) {
        return a.excludedIntervals().stream()
                .map(x -> new IntervalTrace(
                        Amsterdam.iso(x.interval().start()),
                        Amsterdam.iso(x.interval().end()),
                        Minutes.of(x.interval().duration()),
                        lower(x.observed().name()),
                        lower(x.kind().name()),
                        x.reason(),
                        x.ruleId()))
                .toList();
    }

    /** Unknown spans of the result, each with the reasons recorded for the time it covers (R20). */
    static List<IntervalTrace> unknown(AvailabilityResult a, ServiceRecords r) {
        List<IntervalTrace> out = new ArrayList<>();
        for (Interval u : a.unknownIntervals()) {
            TreeSet<String> reasons = new TreeSet<>();
            for (UnknownSpan s : r.unknown()) {
                if (s.span().overlaps(u)) {
                    reasons.add(s.reason());
                }
            }
            out.add(new IntervalTrace(
                    Amsterdam.iso(u.start()),
                    Amsterdam.iso(u.end()),
                    Minutes.of(u.duration()),
                    "unknown",
                    null,
                    String.join("; ", reasons),
                    "R20"));
        }
        return out;
    }

    static List<MaintenanceTrace> maintenance(ServiceRecords r) {
        return r.maintenance().stream()
                .sorted(Comparator.comparing(m -> m.window().start()))
                .map(m -> new MaintenanceTrace(
                        m.id(),
                        m.serviceKey(),
                        lower(m.kind().name()),
                        Amsterdam.iso(m.window().start()),
                        Amsterdam.iso(m.window().end()),
                        Amsterdam.iso(m.announcedAt()),
                        m.reason(),
                        m.excluded(),
                        m.exclusionReason()))
                .toList();
    }

    static List<EmergencyTrace> emergency(AvailabilityResult a) {
        return a.emergencyWindows().stream()
                .map(e -> new EmergencyTrace(
                        Amsterdam.iso(e.window().start()),
                        Amsterdam.iso(e.window().end()),
                        e.reason(),
                        e.excluded(),
                        e.exclusionReason(),
                        e.lateAnnouncement(),
                        Minutes.of(e.outage()),
                        Minutes.of(e.down())))
                .toList();
    }

    static List<ExclusionTrace> exclusions(ServiceRecords r) {
        return r.exclusions().stream()
                .sorted(Comparator.comparing(x -> x.exclusion().interval().start()))
                .map((ServiceExclusion x) -> new ExclusionTrace(
                        x.id(),
                        x.serviceKey(),
                        lower(x.exclusion().kind().name()),
                        Amsterdam.iso(x.exclusion().interval().start()),
                        Amsterdam.iso(x.exclusion().interval().end()),
                        x.exclusion().reason(),
                        x.exclusion().ruleId()))
                .toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
