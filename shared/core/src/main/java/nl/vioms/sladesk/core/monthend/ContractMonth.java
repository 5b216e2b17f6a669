package nl.vioms.sladesk.core.monthend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.vioms.sladesk.core.availability.CreditResult;
import org.jspecify.annotations.Nullable;

/**
 * One contract's month as month-end computed it (R23-R26): the machine-readable record behind
 * every report. Plain values only (instants as ISO-8601 text with the Amsterdam offset, minutes
 * and percentages as decimals) so it serialises as it reads. Every figure carries what made it:
 * the intervals, the policy and calendar version, the rule ids.
 */
public record ContractMonth(
        String customerId,
        String customerName,
        @Nullable String resellerId,
        String level,
        String month,
        String periodStart,
        String periodEnd,
        String policyId,
        Calendar calendar,
        BigDecimal monthlyLicenceFee,
        BigDecimal monthlyFixedCosts,
        List<ServiceMonth> services,
        ContractCredit credit,
        TicketSummary tickets,
        List<TicketLine> ticketLines,
        RestoreClaims restoreClaims,
        List<String> rules) {

    public ContractMonth {
        services = List.copyOf(services);
        ticketLines = List.copyOf(ticketLines);
        rules = List.copyOf(rules);
    }

    /**
     * The calendar the month was computed with (R3, R24): zone and holiday settings of the policy;
     * {@code version} names the policy and a digest of those settings, so two months computed
     * with different closure days show different versions.
     */
    public record Calendar(
            String version,
            String zone,
            boolean liberationDayEveryYear,
            boolean goodFriday,
            List<String> closureDays) {}

    /**
     * One service of the contract (R23). Minutes exact, or to 6 decimals; availability 4 decimals HALF_UP.
     *
     * @param data         {@link #MEASURED} (the whole month), {@link #PARTIAL} (from the contract's
     *                     start, R18) or {@link #NO_DATA} (before the contract's start, or nothing
     *                     recorded at all): then no availability, no KPI verdict, no credit, and the
     *                     month stays out of the 12-month average
     * @param measuredFrom the start of the measured part (Amsterdam offset); the month's start unless partial
     * @param availability null without data
     * @param kpiMet       null without data
     */
    public record ServiceMonth(
            String serviceId,
            String kind,
            String name,
            List<String> monitoredBy,
            String data,
            String measuredFrom,
            BigDecimal totalMinutes,
            BigDecimal downMinutes,
            BigDecimal excludedMinutes,
            BigDecimal unknownMinutes,
            BigDecimal emergencyDownMinutes,
            @Nullable BigDecimal availability,
            BigDecimal availabilityKpi,
            @Nullable Boolean kpiMet,
            boolean creditApplies,
            List<OutageTrace> outages,
            List<IntervalTrace> downIntervals,
            List<IntervalTrace> excludedIntervals,
            List<IntervalTrace> unknownIntervals,
            List<MaintenanceTrace> maintenance,
            List<EmergencyTrace> emergencyWindows,
            List<ExclusionTrace> exclusions,
            CreditFigures credit,
            List<String> rules) {

        public static final String MEASURED = "measured", PARTIAL = "partial", NO_DATA = "no-data";

        public boolean hasData() {
            return !NO_DATA.equals(data);
        }

        /** The KPI was judged and missed (never true without data). */
        public boolean kpiMissed() {
            return Boolean.FALSE.equals(kpiMet);
        }
    }

    /**
     * A recorded outage (R20) and what of it counted.
     *
     * @param source     the monitored service it was recorded on ({@code platform:...} or {@code customer:...})
     * @param minutes    its minutes inside the month
     * @param down       of those, counted as down (R23)
     * @param excluded   of those, forgiven by an exclusion (R18, R19)
     */
    public record OutageTrace(
            String source,
            String sourceName,
            String target,
            String start,
            String confirmedAt,
            @Nullable String end,
            @Nullable String incident,
            BigDecimal minutes,
            BigDecimal down,
            BigDecimal excluded) {}

    /** A span of down, excluded or unknown time; kind, reason and rule for excluded time. */
    public record IntervalTrace(
            String from,
            String to,
            BigDecimal minutes,
            String observed,
            @Nullable String kind,
            @Nullable String reason,
            String rule) {}

    /** A maintenance window recorded for the service (R19). */
    public record MaintenanceTrace(
            String id,
            String source,
            String kind,
            String from,
            String to,
            @Nullable String announcedAt,
            @Nullable String reason,
            boolean excluded,
            @Nullable String exclusionReason) {}

    /** An emergency window as reported separately (R19). */
    public record EmergencyTrace(
            String from,
            String to,
            String reason,
            boolean excluded,
            @Nullable String exclusionReason,
            boolean lateAnnouncement,
            BigDecimal outageMinutes,
            BigDecimal downMinutes) {}

    /** An exclusion operations recorded (R18), with its reason. */
    public record ExclusionTrace(
            String id, String source, String kind, String from, String to, String reason, String rule) {}

    /** One credit computation (R25, R26), every step of it. Percentages in percent, money 2 decimals. */
    public record CreditFigures(
            String rounding,
            boolean applies,
            BigDecimal threshold,
            @Nullable BigDecimal availability,
            BigDecimal pointsBelow,
            BigDecimal steps,
            BigDecimal percent,
            BigDecimal licenceFee,
            BigDecimal uncappedAmount,
            BigDecimal fixedCosts,
            BigDecimal capPercent,
            BigDecimal cap,
            BigDecimal amount,
            boolean capped) {

        public static CreditFigures of(CreditResult r) {
            return new CreditFigures(
                    r.rounding().wireName(),
                    r.creditApplies(),
                    r.threshold(),
                    r.availability(),
                    r.pointsBelow(),
                    r.steps(),
                    r.creditPercent(),
                    r.monthlyLicenceFee(),
                    r.uncappedAmount(),
                    r.monthlyFixedCosts(),
                    r.capPercent(),
                    r.cap(),
                    r.amount(),
                    r.capped());
        }
    }

    /**
     * The contract's credit: the fee is one per contract, so the credit is that of the
     * credit-carrying service with the most down time (R2, R25; decision 09).
     *
     * @param basisServiceId the service that decided it; null when no service carries credit
     * @param applied        in the policy's rounding mode: what finance pays
     * @param byRounding     the same in every rounding mode (whole, started, prorata), for comparison
     */
    public record ContractCredit(
            @Nullable String basisServiceId,
            String reason,
            CreditFigures applied,
            Map<String, CreditFigures> byRounding) {}

    /** Response and restore compliance of the month's incidents (R13, R14). */
    public record TicketSummary(int incidents, Counts response, Counts restore) {}

    /** @param compliance met / (met + breached) in percent, 2 decimals; null when none was judged */
    public record Counts(
            int met,
            int breached,
            int open,
            int noTarget,
            @Nullable BigDecimal compliance) {}

    /** The availability of the service that decides the contract's credit, else of its first service. */
    public @Nullable BigDecimal headlineAvailability() {
        return headlineService() == null ? null : headlineService().availability();
    }

    public @Nullable ServiceMonth headlineService() {
        String id = credit.basisServiceId();
        return services.stream()
                .filter(s -> s.serviceId().equals(id))
                .findFirst()
                .orElse(services.isEmpty() ? null : services.get(0));
    }

    /**
     * The figures people act on, flat and sorted ({@code service.pbx-1.availability},
     * {@code credit.amount}, {@code ticket.VIO-...response}...): what a new version is compared on.
     */
    public SortedMap<String, String> figures() {
        SortedMap<String, String> f = new TreeMap<>();
        for (ServiceMonth s : services) {
            String p = "service." + s.serviceId() + ".";
            f.put(
                    p + "availability",
                    String.valueOf(
                            s.availability() == null ? null : s.availability().toPlainString()));
            f.put(p + "downMinutes", s.downMinutes().toPlainString());
            f.put(p + "excludedMinutes", s.excludedMinutes().toPlainString());
            f.put(p + "unknownMinutes", s.unknownMinutes().toPlainString());
            f.put(p + "kpiMet", String.valueOf(s.kpiMet()));
        }
        f.put("credit.basis", String.valueOf(credit.basisServiceId()));
        f.put("credit.percent", credit.applied().percent().toPlainString());
        f.put("credit.amount", credit.applied().amount().toPlainString());
        credit.byRounding()
                .forEach((mode, c) ->
                        f.put("credit." + mode + ".amount", c.amount().toPlainString()));
        f.put("tickets.incidents", Integer.toString(tickets.incidents()));
        for (TicketLine t : ticketLines) {
            f.put("ticket." + t.number() + ".response", t.response());
            f.put("ticket." + t.number() + ".restore", t.restore());
        }
        f.put("restoreClaims.count", Integer.toString(restoreClaims.count()));
        f.put("policy", policyId);
        f.put("calendar", calendar.version());
        return f;
    }
}
