package nl.vioms.sladesk.monthend;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.core.monthend.Trend;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Publishes month-end's reports to the reports bucket and tells operations. Object keys:
 * <pre>
 * month-end/2026-11/contracts/&lt;customer&gt;/v0001.json   the record (one per version, never overwritten)
 * month-end/2026-11/contracts/&lt;customer&gt;/v0001.html   the contract's report
 * month-end/2026-11/finance.csv                           one line per contract (latest versions), RFC 4180
 * month-end/2026-11/financieel.csv                        the same lines for Dutch Excel (decision 20)
 * month-end/2026-11/overview.html                         operations' overview, linking the contract reports
 * </pre>
 * The bucket is private and versioned; links are {@code s3://} addresses and AWS console links.
 * Operations hear of a run through the outbox, as of every other event (decision 13).
 */
public final class ReportPublisher {
    private final S3Client s3;
    private final String bucket;
    private final OutboxRepository outbox;
    private final String region;
    private final ReportNames names;

    public ReportPublisher(S3Client s3, String bucket, OutboxRepository outbox, String region) {
        this(s3, bucket, outbox, region, ReportNames.IDS.resellers(), ReportNames.IDS.sources());
    }

    /**
     * @param resellerNames a reseller's name by its id, null or the id when the directory has none
     * @param sourceNames   a monitored service's name by its key, null or the key when it has none
     */
    public ReportPublisher(
            S3Client s3,
            String bucket,
            OutboxRepository outbox,
            String region,
            Function<String, String> resellerNames,
            Function<String, String> sourceNames) {
        this.s3 = s3;
        this.bucket = bucket;
        this.outbox = outbox;
        this.region = region;
        this.names = new ReportNames(resellerNames, sourceNames);
    }

    public static String prefix(YearMonth month) {
        return ReportsRepository.reportPrefix(month);
    }

    /** Key of a contract's object, relative to the month's prefix. */
    static String contractObject(String customerId, int version, String extension) {
        return ReportsRepository.contractReport(customerId, version, extension);
    }

    Map<String, String> publishContract(ReportJson.Document document, String json, Map<String, Trend> trends) {
        YearMonth month = YearMonth.parse(document.month());
        String jsonKey = prefix(month) + contractObject(document.customerId(), document.version(), "json");
        String htmlKey = prefix(month) + contractObject(document.customerId(), document.version(), "html");
        put(jsonKey, json, "application/json");
        put(htmlKey, ContractReportHtml.render(document, trends, names), "text/html; charset=utf-8");
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("json", jsonKey);
        objects.put("html", htmlKey);
        return objects;
    }

    /** The month's finance CSV and overview (rewritten by every run: they show the latest versions). */
    Map<String, String> publishMonth(YearMonth month, List<MonthEnd.ContractResult> results, Instant now) {
        String csv = prefix(month) + "finance.csv";
        String overview = prefix(month) + "overview.html";
        String csvNl = prefix(month) + FinanceCsv.Dialect.DUTCH.fileName;
        put(csv, FinanceCsv.render(results), "text/csv; charset=utf-8");
        put(csvNl, FinanceCsv.render(results, FinanceCsv.Dialect.DUTCH), "text/csv; charset=utf-8");
        put(overview, OverviewHtml.render(month, results, now, names), "text/html; charset=utf-8");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("overview", s3Uri(overview));
        links.put("overviewConsole", consoleUrl(overview));
        links.put("finance", s3Uri(csv));
        links.put("financeConsole", consoleUrl(csv));
        links.put("financeNl", s3Uri(csvNl));
        return links;
    }

    /**
     * One message for the operations topic, through the outbox (published by the escalation
     * function from the table's stream, retried there): the month is done, with the figures and
     * links. Its id names the month and the run's time, so every run is heard once.
     */
    void notifyOperations(MonthEnd.RunResult run, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "month-end-report");
        body.put("month", run.month().toString());
        body.put("contracts", run.contracts().size());
        body.put("newVersions", run.count(MonthEnd.Outcome.NEW));
        body.put("changedVersions", run.count(MonthEnd.Outcome.CHANGED));
        body.put("unchanged", run.count(MonthEnd.Outcome.UNCHANGED));
        body.put(
                "contractsWithCredit",
                run.contracts().stream()
                        .filter(c -> c.month().credit().applied().amount().signum() > 0)
                        .count());
        body.put("totalCredit", run.totalCredit().toPlainString());
        body.put(
                "changed",
                run.contracts().stream()
                        .filter(c -> c.outcome() == MonthEnd.Outcome.CHANGED)
                        .map(c -> Map.of(
                                "customer",
                                c.customer().id(),
                                "version",
                                c.version(),
                                "changes",
                                c.changes().size(),
                                "report",
                                s3Uri(c.objects().get("html"))))
                        .toList());
        body.put("links", run.links());
        outbox.add(OutboxMessage.pending(
                "month-end#" + run.month() + "#" + now,
                OutboxMessage.Topic.OPERATIONS,
                Map.of("kind", "month-end-report"),
                Json.write(body),
                now));
    }

    String s3Uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    String consoleUrl(String key) {
        return "https://s3.console.aws.amazon.com/s3/object/" + bucket + "?region=" + region + "&prefix="
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private void put(String key, String content, String contentType) {
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }
}
