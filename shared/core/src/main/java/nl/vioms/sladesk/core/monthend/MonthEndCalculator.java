package nl.vioms.sladesk.core.monthend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.availability.AvailabilityInput;
import nl.vioms.sladesk.core.availability.AvailabilityResult;
import nl.vioms.sladesk.core.availability.CreditCalculator;
import nl.vioms.sladesk.core.availability.CreditResult;
import nl.vioms.sladesk.core.availability.Minutes;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monthend.ContractMonth.Calendar;
import nl.vioms.sladesk.core.monthend.ContractMonth.ContractCredit;
import nl.vioms.sladesk.core.monthend.ContractMonth.CreditFigures;
import nl.vioms.sladesk.core.monthend.ContractMonth.ServiceMonth;
import nl.vioms.sladesk.core.monthend.ContractMonth.TicketSummary;
import nl.vioms.sladesk.core.policy.CreditRounding;
import nl.vioms.sladesk.core.policy.LevelTerms;
import nl.vioms.sladesk.core.policy.RuleIds;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

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
        TreeSet<String> rules = new TreeSet<>(RuleIds.ORDER);
        List<ServiceMonth> services = new ArrayList<>();
        Map<String, AvailabilityResult> results = new LinkedHashMap<>();
        Map<String, Map<String, CreditResult>> credits = new LinkedHashMap<>();
        Instant start = customer.contractStart() == null
                ? null
                : customer.contractStart().atStartOfDay(Amsterdam.ZONE).toInstant();
        boolean beforeStart = start != null && !start.isBefore(period.end());
        boolean partial = start != null && start.isAfter(period.start()) && start.isBefore(period.end());
        for (ServiceRef ref : customer.services()) {
            ServiceRecords r = records.getOrDefault(ref.id(), ServiceRecords.NONE);
            LevelTerms terms = policy.terms(customer.level(), ref.kind());
            AvailabilityInput in = input(month, r, now, partial ? start : null);
            AvailabilityResult a = AvailabilityCalculator.calculate(in, policy.availability());
            // R18: no SLA before delivery; a month with nothing recorded is not 100 % either
            boolean noData = beforeStart || r.isEmpty();
            String data = noData ? ServiceMonth.NO_DATA : partial ? ServiceMonth.PARTIAL : ServiceMonth.MEASURED;
            Map<String, CreditResult> byMode = new LinkedHashMap<>();
            if (!noData) {
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
                results.put(ref.id(), a);
                credits.put(ref.id(), byMode);
            }
            CreditResult applied = byMode.get(policy.credit().rounding().wireName());
            TreeSet<String> serviceRules = new TreeSet<>(rules.comparator());
            serviceRules.addAll(a.rulesApplied());
            if (applied != null) {
                serviceRules.addAll(applied.rules());
            }
            serviceRules.add("R5");
            if (beforeStart) {
                serviceRules.add("R18");
            }
            if (r.outages().stream().anyMatch(o -> o.serviceKey().startsWith("platform:"))) {
                serviceRules.add("R21");
            }
            rules.addAll(serviceRules);
            services.add(new ServiceMonth(
                    ref.id(),
                    ref.kind().wireName(),
                    ref.name() == null ? ref.id() : ref.name(),
                    ServiceTraces.sources(r),
                    data,
                    Amsterdam.iso(a.period().start()),
                    a.totalMinutes(),
                    a.downMinutes(),
                    a.excludedMinutes(),
                    Minutes.of(a.unknown()),
                    Minutes.of(a.emergencyDown()),
                    noData ? null : a.availabilityPercent(),
                    terms.availabilityKpi(),
                    noData ? null : a.meets(terms.availabilityKpi()), // the exact figure decides
                    !noData && terms.availabilityCredit(),
                    ServiceTraces.outages(r, a, a.period(), names, now),
                    ServiceTraces.down(a),
                    ServiceTraces.excluded(a),
                    ServiceTraces.unknown(a, r),
                    ServiceTraces.maintenance(r),
                    ServiceTraces.emergency(a),
                    ServiceTraces.exclusions(r),
                    applied == null ? ContractCredits.none(customer, policy) : CreditFigures.of(applied),
                    List.copyOf(serviceRules)));
        }

        ContractCredit credit = ContractCredits.credit(customer, policy, results, credits);
        if (!tickets.isEmpty()) {
            rules.addAll(List.of("R5", "R10", "R13", "R14"));
        }
        TicketSummary summary = TicketCompliance.summary(tickets);
        List<TicketLine> sorted = TicketCompliance.sorted(tickets);
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
                RestoreClaims.of(sorted, policy.credit().restoreBreachCompensation(), period.end()),
                List.copyOf(rules));
    }

    /** The calculator's input: outages until {@code now} if still open, maintenance by kind (R19). */
    static AvailabilityInput input(YearMonth month, ServiceRecords r, Instant now, @Nullable Instant deliveredFrom) {
        AvailabilityInput.Builder in = AvailabilityInput.forMonth(month).deliveredFrom(deliveredFrom);
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
}
