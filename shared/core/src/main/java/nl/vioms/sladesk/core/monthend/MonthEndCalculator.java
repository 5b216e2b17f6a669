package nl.vioms.sladesk.core.monthend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.availability.AvailabilityInput;
import nl.vioms.sladesk.core.availability.AvailabilityResult;
import nl.vioms.sladesk.core.availability.CreditCalculator;
import nl.vioms.sladesk.core.availability.CreditResult;
import nl.vioms.sladesk.core.availability.DownInterval;
import nl.vioms.sladesk.core.availability.ExcludedInterval;
import nl.vioms.sladesk.core.availability.Minutes;
import nl.vioms.sladesk.core.availability.Observed;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;
import nl.vioms.sladesk.core.monthend.ContractMonth.Calendar;
import nl.vioms.sladesk.core.monthend.ContractMonth.ContractCredit;
import nl.vioms.sladesk.core.monthend.ContractMonth.Counts;
import nl.vioms.sladesk.core.monthend.ContractMonth.CreditFigures;
import nl.vioms.sladesk.core.monthend.ContractMonth.EmergencyTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.ExclusionTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.IntervalTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.MaintenanceTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.OutageTrace;
import nl.vioms.sladesk.core.monthend.ContractMonth.ServiceMonth;
import nl.vioms.sladesk.core.monthend.ContractMonth.TicketSummary;
import nl.vioms.sladesk.core.policy.CreditRounding;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.time.IntervalSets;

/**
 * One contract's month (R18-R26): the availability of each of its services from the monitoring
 * records that count for it, the credit, and the compliance of its incidents. Pure: the same
 * records, tickets and policy give the same result.
 */
public final class MonthEndCalculator {

    private MonthEndCalculator() {}

    /**
     * @param customer  the contract: level, services, fee and fixed costs (R25)
     * @param policy    the policy valid in the month (R24)
     * @param records   per service id of the customer, what counts for it (platform and own, R21)
     * @param names     display names of monitored services by key (for traces); may miss keys
     * @param tickets   the month's incidents of the contract
     * @param now       the run: open outages count until then (clipped to the month)
     */
    public static ContractMonth compute(
            Customer customer,
            YearMonth month,
            SlaPolicy policy,
            Map<String, ServiceRecords> records,
            Map<String, String> names,
            List<TicketLine> tickets,
            Instant now) {
        Interval period = AvailabilityCalculator.monthInterval(month);
        TreeSet<String> rules = new TreeSet<>(Comparator.comparingInt((String r) -> Integer.parseInt(r.substring(1))));
        List<ServiceMonth> services = new ArrayList<>();
        Map<String, AvailabilityResult> results = new LinkedHashMap<>();
        Map<String, Map<String, CreditResult>> credits = new LinkedHashMap<>();
        for (ServiceRef ref : customer.services()) {
            ServiceRecords r = records.getOrDefault(ref.id(), ServiceRecords.NONE);
            LevelTerms terms = policy.terms(customer.level(), ref.kind());
            AvailabilityResult a = AvailabilityCalculator.calculate(input(month, r, now), policy.availability());
            Map<String, CreditResult> byMode = new LinkedHashMap<>();
            for (CreditRounding mode : CreditRounding.values()) {
                byMode.put(
                        mode.wireName(),
                        CreditCalculator.calculate(
                                a,
                                policy.credit().withRounding(mode),
                                terms,
                                customer.monthlyLicenceFee(),
                                customer.monthlyFixedCosts()));
            }
            CreditResult applied = byMode.get(policy.credit().rounding().wireName());
            results.put(ref.id(), a);
            credits.put(ref.id(), byMode);
            TreeSet<String> serviceRules = new TreeSet<>(rules.comparator());
            serviceRules.addAll(a.rulesApplied());
            serviceRules.addAll(applied.rules());
            serviceRules.add("R5");
            if (r.outages().stream().anyMatch(o -> o.serviceKey().startsWith("platform:"))) {
                serviceRules.add("R21");
            }
            rules.addAll(serviceRules);
            BigDecimal percent = a.availabilityPercent();
            services.add(new ServiceMonth(
                    ref.id(),
                    ref.kind().wireName(),
                    ref.name() == null ? ref.id() : ref.name(),
                    sources(r),
                    a.totalMinutes(),
                    a.downMinutes(),
                    a.excludedMinutes(),
                    Minutes.of(a.unknown()),
                    Minutes.of(a.emergencyDown()),
                    percent,
                    terms.availabilityKpi(),
                    percent.compareTo(terms.availabilityKpi()) >= 0,
                    terms.availabilityCredit(),
                    outages(r, a, period, names, now),
                    down(a),
                    excluded(a),
                    unknown(a, r),
                    maintenance(r),
                    emergency(a),
                    exclusions(r),
                    CreditFigures.of(applied),
                    List.copyOf(serviceRules)));
        }

        ContractCredit credit = credit(customer, policy, results, credits);
        if (!tickets.isEmpty()) {
            rules.addAll(List.of("R5", "R10", "R13", "R14"));
        }
        TicketSummary summary = new TicketSummary(
                tickets.size(),
                counts(tickets.stream().map(TicketLine::response).toList()),
                counts(tickets.stream().map(TicketLine::restore).toList()));
        List<TicketLine> sorted = tickets.stream()
                .sorted(Comparator.comparing(TicketLine::created).thenComparing(TicketLine::number))
                .toList();
        return new ContractMonth(
                customer.id(),
                customer.name(),
                customer.resellerId(),
                customer.level().name(),
                month.toString(),
                Amsterdam.iso(period.start()),
                Amsterdam.iso(period.end()),
                policy.id(),
                calendar(policy),
                customer.monthlyLicenceFee(),
                customer.monthlyFixedCosts(),
                services,
                credit,
                summary,
                sorted,
                List.copyOf(rules));
    }

    /** The calculator's input: outages until {@code now} if still open, maintenance by kind (R19). */
    static AvailabilityInput input(YearMonth month, ServiceRecords r, Instant now) {
        AvailabilityInput.Builder in = AvailabilityInput.forMonth(month);
        r.outages().forEach(o -> in.outage(o.interval(now)));
        for (MaintenanceWindow w : r.maintenance()) {
            if (w.kind() == MaintenanceWindow.MaintenanceKind.PLANNED) {
                in.planned(w.toPlanned());
            } else {
                in.emergency(w.toEmergency());
            }
        }
        r.exclusions().forEach(x -> in.exclusion(x.exclusion()));
        r.unknown().forEach(u -> in.unknown(u.span()));
        return in.build();
    }

    /**
     * The fee is one per contract: its credit is that of the credit-carrying service (R2) with
     * the most down time; services without credit are reported but never decide it.
     */
    private static ContractCredit credit(
            Customer customer,
            SlaPolicy policy,
            Map<String, AvailabilityResult> results,
            Map<String, Map<String, CreditResult>> credits) {
        String basis = null;
        Duration worst = null;
        for (ServiceRef ref : customer.services()) {
            CreditResult applied =
                    credits.get(ref.id()).get(policy.credit().rounding().wireName());
            if (!applied.creditApplies()) {
                continue;
            }
            Duration down = results.get(ref.id()).down();
            if (worst == null || down.compareTo(worst) > 0) {
                worst = down;
                basis = ref.id();
            }
        }
        Map<String, CreditFigures> byMode = new LinkedHashMap<>();
        if (basis == null) {
            CreditFigures none = new CreditFigures(
                    policy.credit().rounding().wireName(),
                    false,
                    policy.credit().threshold(),
                    null,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    customer.monthlyLicenceFee(),
                    money0(),
                    customer.monthlyFixedCosts(),
                    policy.credit().capPercentOfFixedCosts(),
                    money0(),
                    money0(),
                    false);
            for (CreditRounding mode : CreditRounding.values()) {
                byMode.put(mode.wireName(), none);
            }
            return new ContractCredit(
                    null, "no service of this contract carries a VIOMS availability credit (R2)", none, byMode);
        }
        credits.get(basis).forEach((mode, r) -> byMode.put(mode, CreditFigures.of(r)));
        return new ContractCredit(
                basis,
                "the credit-carrying service with the most down time (R25)",
                byMode.get(policy.credit().rounding().wireName()),
                byMode);
    }

    private static BigDecimal money0() {
        return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Counts counts(List<String> statuses) {
        int met = 0, breached = 0, open = 0, none = 0;
        for (String s : statuses) {
            switch (s) {
                case TicketLine.MET -> met++;
                case TicketLine.BREACHED -> breached++;
                case TicketLine.OPEN -> open++;
                default -> none++;
            }
        }
        BigDecimal compliance = met + breached == 0
                ? null
                : BigDecimal.valueOf(100L * met).divide(BigDecimal.valueOf(met + breached), 2, RoundingMode.HALF_UP);
        return new Counts(met, breached, open, none, compliance);
    }

    private static List<String> sources(ServiceRecords r) {
        TreeSet<String> keys = new TreeSet<>();
        r.outages().forEach(o -> keys.add(o.serviceKey()));
        r.maintenance().forEach(m -> keys.add(m.serviceKey()));
        r.exclusions().forEach(x -> keys.add(x.serviceKey()));
        r.unknown().forEach(u -> keys.add(u.serviceKey()));
        return List.copyOf(keys);
    }

    private static List<OutageTrace> outages(
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

    private static List<IntervalTrace> down(AvailabilityResult a) {
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

    private static List<IntervalTrace> excluded(AvailabilityResult a) {
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
    private static List<IntervalTrace> unknown(AvailabilityResult a, ServiceRecords r) {
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

    private static List<MaintenanceTrace> maintenance(ServiceRecords r) {
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

    private static List<EmergencyTrace> emergency(AvailabilityResult a) {
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

    private static List<ExclusionTrace> exclusions(ServiceRecords r) {
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

    private static Calendar calendar(SlaPolicy policy) {
        HolidaySettings h = policy.holidays() == null ? HolidaySettings.DEFAULT : policy.holidays();
        List<String> closures =
                h.closureDays().stream().sorted().map(Object::toString).toList();
        String settings = h.liberationDayEveryYear() + "|" + h.goodFriday() + "|" + String.join(",", closures);
        return new Calendar(
                policy.id() + "/nl-holidays-" + digest(settings),
                Amsterdam.ZONE.getId(),
                h.liberationDayEveryYear(),
                h.goodFriday(),
                closures);
    }

    /** First 8 hex digits of SHA-256: enough to tell calendar versions apart. */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
