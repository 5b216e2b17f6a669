package nl.vioms.sladesk.monthend;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.FigureDiff;
import nl.vioms.sladesk.core.monthend.MonthEndCalculator;
import nl.vioms.sladesk.core.monthend.ServiceRecords;
import nl.vioms.sladesk.core.monthend.TicketLine;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.time.Interval;

/**
 * One month-end run for a closed month (R23-R26): every contract of the directory, in parallel
 * with at most {@code concurrency} at a time, gets its month computed, compared with the stored
 * latest version and, when something changed, a new version (JSON and HTML published, the
 * earlier version kept, the diff recorded). Then the finance CSV and the operations overview of
 * the month are published and operations notified. Re-running a month with the same data
 * writes no new version.
 */
public final class MonthEnd {
    /** Contracts computed at once: each waits mostly on DynamoDB and S3. */
    public static final int DEFAULT_CONCURRENCY = 8;

    /** Embedded metrics of a finished run (issue 21). */
    public static final String DURATION = "MonthEndDuration";

    public static final String CONTRACTS = "MonthEndContracts";
    public static final String COMPLETED = "MonthEndCompleted";

    private final DirectoryStore directory;
    private final MonitoringRepository monitoring;
    private final ContractInputs inputs;
    private final ContractVersions versions;
    private final ReportsRepository reports;
    private final ReportPublisher publisher;
    private final PolicySet policies;
    private final Clock clock;
    private final int concurrency;

    public MonthEnd(
            DirectoryStore directory,
            MonitoringRepository monitoring,
            ProbeRepository probes,
            TicketStore tickets,
            ReportsRepository reports,
            ReportPublisher publisher,
            PolicySet policies,
            Clock clock,
            int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.directory = directory;
        this.monitoring = monitoring;
        this.inputs = new ContractInputs(monitoring, probes, tickets, new TicketClocks(policies));
        this.versions = new ContractVersions(reports, publisher);
        this.reports = reports;
        this.publisher = publisher;
        this.policies = policies;
        this.clock = clock;
        this.concurrency = concurrency;
    }

    /** What happened to one contract. */
    public enum Outcome {
        NEW,
        CHANGED,
        UNCHANGED
    }

    public record ContractResult(
            Customer customer,
            ContractMonth month,
            Outcome outcome,
            int version,
            List<FigureDiff.Change> changes,
            Map<String, String> objects) {}

    /** The run: per contract its result, the failed contracts with their errors, the published links. */
    public record RunResult(
            YearMonth month, List<ContractResult> contracts, Map<String, String> failures, Map<String, String> links) {
        public long count(Outcome outcome) {
            return contracts.stream().filter(c -> c.outcome() == outcome).count();
        }

        public BigDecimal totalCredit() {
            return contracts.stream()
                    .map(c -> c.month().credit().applied().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The month that closed most recently at {@code now} (the schedule's month). */
    public static YearMonth previousMonth(Instant now) {
        return YearMonth.from(now.atZone(AvailabilityCalculator.AMSTERDAM)).minusMonths(1);
    }

    /**
     * Runs the month. A month that has not ended is refused before anything is read or written.
     *
     * @throws IllegalArgumentException for a month that has not ended
     * @throws MonthEndFailedException  when contracts failed (the others are stored; a re-run completes it)
     */
    public RunResult run(YearMonth month) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Interval period = AvailabilityCalculator.monthInterval(month);
        if (period.end().isAfter(now)) {
            throw new IllegalArgumentException("month " + month + " has not ended yet (it ends " + period.end() + ")");
        }
        SlaPolicy policy = policies.policyFor(month);
        List<MonitoredService> monitored = monitoring.services();
        Map<String, String> names = monitored.stream()
                .collect(Collectors.toMap(
                        MonitoredService::key, s -> s.name() == null ? s.key() : s.name(), (a, b) -> a));
        // platform services count for many contracts: read once per run
        // which monitored services a probe checked in the month: a quiet one is measured, not empty
        Set<String> checked = inputs.checked(period);
        Map<MonitoredService, ServiceRecords> platform = inputs.platform(monitored, period, checked);
        Map<String, List<MonitoredService>> own = monitored.stream()
                .filter(s -> !s.isPlatformWide())
                .collect(Collectors.groupingBy(MonitoredService::customerId));
        List<Customer> customers = directory.customers();
        Log.info(
                "month-end-started",
                Map.of(
                        "month",
                        month.toString(),
                        "contracts",
                        customers.size(),
                        "monitoredServices",
                        monitored.size(),
                        "policy",
                        policy.id()));

        ContractPool.Done done = ContractPool.run(
                month,
                customers,
                concurrency,
                c -> contract(
                        c, month, period, policy, platform, own.getOrDefault(c.id(), List.of()), checked, names, now));
        List<ContractResult> results = done.results();
        Map<String, String> failures = done.failures();

        if (!failures.isEmpty()) {
            // no overview or notification for a month with holes; the stored contracts stay, a re-run completes
            throw new MonthEndFailedException(month, failures, results.size());
        }
        Map<String, String> links = publisher.publishMonth(month, results, now);
        RunResult run = new RunResult(month, results, failures, links);
        publisher.notifyOperations(run, now);
        // what sla-check's month-end watch looks for (the dead man's switch, issue 21)
        reports.putRun(month, clock.instant(), results.size());
        Map<String, Object> finished = new LinkedHashMap<>();
        finished.put("month", month.toString());
        finished.put("contracts", results.size());
        finished.put("new", run.count(Outcome.NEW));
        finished.put("changed", run.count(Outcome.CHANGED));
        finished.put("unchanged", run.count(Outcome.UNCHANGED));
        finished.put("totalCredit", run.totalCredit().toPlainString());
        // issue 21: the run's duration and contracts, and that it finished
        EmbeddedMetric.of(DURATION, (System.nanoTime() - started) / 1_000_000, EmbeddedMetric.MILLISECONDS)
                .and(CONTRACTS, results.size(), EmbeddedMetric.COUNT)
                .and(COMPLETED, 1, EmbeddedMetric.COUNT)
                .log("month-end-done", finished);
        return run;
    }

    /**
     * One contract: gather, compute, compare with the stored latest version, store and publish a new
     * one if different.
     */
    private ContractResult contract(
            Customer customer,
            YearMonth month,
            Interval period,
            SlaPolicy policy,
            Map<MonitoredService, ServiceRecords> platform,
            List<MonitoredService> own,
            Set<String> checked,
            Map<String, String> names,
            Instant now) {
        Map<String, ServiceRecords> records = inputs.records(customer, period, platform, own, checked);
        List<TicketLine> lines = inputs.tickets(customer, period, now);
        ContractMonth computed = MonthEndCalculator.compute(customer, month, policy, records, names, lines, now);
        return versions.store(customer, month, policy, computed, now);
    }

    /** Some contracts failed; the others are stored. */
    public static final class MonthEndFailedException extends RuntimeException {
        public MonthEndFailedException(YearMonth month, Map<String, String> failures, int done) {
            super("month-end " + month + ": " + failures.size() + " contract(s) failed, " + done + " done; run again. "
                    + failures);
        }
    }
}
