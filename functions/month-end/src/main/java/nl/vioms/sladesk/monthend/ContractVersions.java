package nl.vioms.sladesk.monthend;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthSummary;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthVersion;
import nl.vioms.sladesk.aws.reports.ReportsRepository.ServiceFigure;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.FigureDiff;
import nl.vioms.sladesk.core.monthend.Trend;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.monthend.MonthEnd.ContractResult;
import nl.vioms.sladesk.monthend.MonthEnd.Outcome;

/**
 * The versions of a contract's month, for {@link MonthEnd}: a computed month is compared with the
 * stored latest version; when something changed it becomes a new version (the earlier one kept,
 * the diff recorded, the 12-month trend added, JSON and HTML published). The same data writes no
 * new version.
 */
final class ContractVersions {
    private final ReportsRepository reports;
    private final ReportPublisher publisher;

    ContractVersions(ReportsRepository reports, ReportPublisher publisher) {
        this.reports = reports;
        this.publisher = publisher;
    }

    /** Compares the computed month with the stored latest version and stores and publishes a new one if different. */
    ContractResult store(Customer customer, YearMonth month, SlaPolicy policy, ContractMonth computed, Instant now) {
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
            if (s.availability() != null) { // a month without data stays out of the trend and the average
                points.add(new Trend.Point(
                        month, s.totalMinutes(), s.downMinutes(), s.availability(), s.availabilityKpi(), version));
            }
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
                        .filter(s -> s.availability() != null) // no data: no point of the trend (issue 20)
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
}
