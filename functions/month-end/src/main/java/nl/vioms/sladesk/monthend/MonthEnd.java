package nl.vioms.sladesk.monthend;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.LogContext;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.monitoring.MonitoringRecords;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthSummary;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthVersion;
import nl.vioms.sladesk.aws.reports.ReportsRepository.ServiceFigure;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.FigureDiff;
import nl.vioms.sladesk.core.monthend.MonthEndCalculator;
import nl.vioms.sladesk.core.monthend.ServiceRecords;
import nl.vioms.sladesk.core.monthend.TicketLine;
import nl.vioms.sladesk.core.monthend.Trend;
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

    private final DirectoryStore directory;
    private final MonitoringRepository monitoring;
    private final TicketStore tickets;
    private final TicketClocks clocks;
    private final ReportsRepository reports;
    private final ReportPublisher publisher;
    private final PolicySet policies;
    private final Clock clock;
    private final int concurrency;

    public MonthEnd(
            DirectoryStore directory,
            MonitoringRepository monitoring,
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
        this.tickets = tickets;
        this.clocks = new TicketClocks(policies);
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
        Map<MonitoredService, ServiceRecords> platform = new LinkedHashMap<>();
        for (MonitoredService s : monitored) {
            if (s.isPlatformWide()) {
                platform.put(s, records(monitoring.records(s.key(), period)));
            }
        }
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

        List<ContractResult> results = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<ContractResult>> futures = new ArrayList<>();
            for (Customer c : customers) {
                // a contract's log lines carry the invocation's context, taken along to the pool's thread
                futures.add(pool.submit(LogContext.carrying(() -> contract(
                        c, month, period, policy, platform, own.getOrDefault(c.id(), List.of()), names, now))));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    String id = customers.get(i).id();
                    failures.put(id, String.valueOf(e.getCause()));
                    Log.error(
                            "month-end-contract-failed",
                            Map.of("month", month.toString(), "customer", id, "error", String.valueOf(e.getCause())),
                            e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("month-end " + month + " interrupted", e);
        } finally {
            pool.shutdownNow();
        }

        if (!failures.isEmpty()) {
            // no overview or notification for a month with holes; the stored contracts stay, a re-run completes
            throw new MonthEndFailedException(month, failures, results.size());
        }
        Map<String, String> links = publisher.publishMonth(month, results, now);
        RunResult run = new RunResult(month, results, failures, links);
        publisher.notifyOperations(run, now);
        Log.info(
                "month-end-done",
                Map.of(
                        "month",
                        month.toString(),
                        "contracts",
                        results.size(),
                        "new",
                        run.count(Outcome.NEW),
                        "changed",
                        run.count(Outcome.CHANGED),
                        "unchanged",
                        run.count(Outcome.UNCHANGED),
                        "totalCredit",
                        run.totalCredit().toPlainString()));
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
            Map<String, String> names,
            Instant now) {
        Map<String, ServiceRecords> records = new HashMap<>();
        Map<String, ServiceRecords> ownRecords = new HashMap<>();
        for (ServiceRef ref : customer.services()) {
            ServiceRecords r = ServiceRecords.NONE;
            for (var e : platform.entrySet()) {
                if (e.getKey().affects(customer.id(), ref)) {
                    r = r.plus(e.getValue());
                }
            }
            for (MonitoredService s : own) {
                if (s.affects(customer.id(), ref)) {
                    r = r.plus(ownRecords.computeIfAbsent(s.key(), k -> records(monitoring.records(k, period))));
                }
            }
            records.put(ref.id(), r);
        }
        List<TicketLine> lines = new ArrayList<>();
        for (String number : tickets.createdBetween(customer.id(), period)) {
            tickets.read(number)
                    .map(TicketStore.Stored::ticket)
                    .filter(t -> t.isTimed())
                    .ifPresent(t ->
                            lines.add(TicketLine.of(t, clocks.compute(t, now).orElseThrow())));
        }
        ContractMonth computed = MonthEndCalculator.compute(customer, month, policy, records, names, lines, now);
        String hash = ReportJson.hash(computed);

        // one Query: the 11 months before for the trend, and this month's latest version
        List<MonthSummary> stored = reports.summaries(customer.id(), Trend.windowStart(month), month);
        Optional<MonthSummary> latest =
                stored.stream().filter(s -> s.month().equals(month)).findFirst();
        if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
            return new ContractResult(
                    customer, computed, Outcome.UNCHANGED, latest.get().version(), List.of(), Map.of());
        }
        int version = latest.map(s -> s.version() + 1).orElse(1);
        List<FigureDiff.Change> changes = latest.isEmpty()
                ? List.of()
                : FigureDiff.between(
                        reports.figures(customer.id(), month, latest.get().version())
                                .orElse(new TreeMap<>()),
                        computed.figures());
        List<MonthSummary> previous =
                stored.stream().filter(s -> !s.month().equals(month)).toList();
        Map<String, Trend> trends = trends(computed, month, previous, version);
        ReportJson.Document document = new ReportJson.Document(
                customer.id(),
                month.toString(),
                version,
                now.toString(),
                latest.map(MonthSummary::version).orElse(null),
                hash,
                changes,
                ReportJson.trendViews(trends),
                computed);
        String json = ReportJson.write(document);
        Map<String, String> objects = publisher.publishContract(document, json, trends);
        boolean stored1 = reports.putVersion(new MonthVersion(
                customer.id(),
                month,
                version,
                hash,
                now,
                policy.id(),
                computed.calendar().version(),
                computed.figures(),
                changes,
                json,
                objects));
        if (!stored1) {
            throw new IllegalStateException("version " + version + " of " + customer.id() + " " + month
                    + " was stored by a concurrent run; run the month again");
        }
        reports.putSummary(summary(computed, month, version, hash, now));
        Log.info(
                "month-end-contract",
                Map.of(
                        "month",
                        month.toString(),
                        "customer",
                        customer.id(),
                        "version",
                        version,
                        "outcome",
                        latest.isEmpty() ? "new" : "changed",
                        "changes",
                        changes.size()));
        return new ContractResult(
                customer, computed, latest.isEmpty() ? Outcome.NEW : Outcome.CHANGED, version, changes, objects);
    }

    /** The 12-month trend of every service: the stored months before, this month as just computed (R24). */
    static Map<String, Trend> trends(
            ContractMonth computed, YearMonth month, List<MonthSummary> previous, int version) {
        Map<String, Trend> trends = new LinkedHashMap<>();
        for (ContractMonth.ServiceMonth s : computed.services()) {
            List<Trend.Point> points = new ArrayList<>();
            for (MonthSummary m : previous) {
                m.services().stream()
                        .filter(f -> f.serviceId().equals(s.serviceId()))
                        .findFirst()
                        .ifPresent(f -> points.add(new Trend.Point(
                                m.month(), f.totalMinutes(), f.downMinutes(), f.availability(), f.kpi(), m.version())));
            }
            points.add(new Trend.Point(
                    month, s.totalMinutes(), s.downMinutes(), s.availability(), s.availabilityKpi(), version));
            trends.put(s.serviceId(), Trend.of(month, points));
        }
        return trends;
    }

    private static MonthSummary summary(ContractMonth m, YearMonth month, int version, String hash, Instant now) {
        return new MonthSummary(
                m.customerId(),
                month,
                version,
                hash,
                now,
                m.services().stream()
                        .map(s -> new ServiceFigure(
                                s.serviceId(),
                                s.totalMinutes(),
                                s.downMinutes(),
                                s.availability(),
                                s.availabilityKpi()))
                        .toList(),
                m.credit().basisServiceId(),
                m.credit().applied().percent(),
                m.credit().applied().amount());
    }

    private static ServiceRecords records(MonitoringRecords r) {
        return new ServiceRecords(r.outages(), r.maintenance(), r.exclusions(), r.unknown());
    }

    /** Some contracts failed; the others are stored. */
    public static final class MonthEndFailedException extends RuntimeException {
        public MonthEndFailedException(YearMonth month, Map<String, String> failures, int done) {
            super("month-end " + month + ": " + failures.size() + " contract(s) failed, " + done + " done; run again. "
                    + failures);
        }
    }
}
