package nl.vioms.sladesk.monthend;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.Json;
import nl.vioms.sladesk.core.monthend.Trend;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes month-end's reports to the reports bucket and tells operations. Object keys:
 * <pre>
 * month-end/2026-11/contracts/&lt;customer&gt;/v0001.json   the record (one per version, never overwritten)
 * month-end/2026-11/contracts/&lt;customer&gt;/v0001.html   the contract's report
 * month-end/2026-11/finance.csv                           one line per contract (latest versions)
 * month-end/2026-11/overview.html                         operations' overview, linking the contract reports
 * </pre>
 * The bucket is private and versioned; links are {@code s3://} addresses and AWS console links.
 */
public final class ReportPublisher {
    private final S3Client s3;
    private final String bucket;
    private final SnsClient sns;
    private final String operationsTopic;
    private final String region;

    public ReportPublisher(S3Client s3, String bucket, SnsClient sns, String operationsTopic, String region) {
        this.s3 = s3;
        this.bucket = bucket;
        this.sns = sns;
        this.operationsTopic = operationsTopic;
        this.region = region;
    }

    public static String prefix(YearMonth month) {
        return "month-end/" + month + "/";
    }

    /** Key of a contract's object, relative to the month's prefix. */
    static String contractObject(String customerId, int version, String extension) {
        return "contracts/" + customerId + "/v" + String.format("%04d", version) + "." + extension;
    }

    Map<String, String> publishContract(ReportJson.Document document, String json, Map<String, Trend> trends) {
        YearMonth month = YearMonth.parse(document.month());
        String jsonKey = prefix(month) + contractObject(document.customerId(), document.version(), "json");
        String htmlKey = prefix(month) + contractObject(document.customerId(), document.version(), "html");
        put(jsonKey, json, "application/json");
        put(htmlKey, ContractReportHtml.render(document, trends), "text/html; charset=utf-8");
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("json", jsonKey);
        objects.put("html", htmlKey);
        return objects;
    }

    /** The month's finance CSV and overview (rewritten by every run: they show the latest versions). */
    Map<String, String> publishMonth(YearMonth month, List<MonthEnd.ContractResult> results, Instant now) {
        String csv = prefix(month) + "finance.csv";
        String overview = prefix(month) + "overview.html";
        put(csv, FinanceCsv.render(results), "text/csv; charset=utf-8");
        put(overview, OverviewHtml.render(month, results, now), "text/html; charset=utf-8");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("overview", s3Uri(overview));
        links.put("overviewConsole", consoleUrl(overview));
        links.put("finance", s3Uri(csv));
        links.put("financeConsole", consoleUrl(csv));
        return links;
    }

    /** One message on the operations topic: the month is done, with the figures and links. */
    void notifyOperations(MonthEnd.RunResult run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "month-end-report");
        body.put("month", run.month().toString());
        body.put("contracts", run.contracts().size());
        body.put("newVersions", run.count(MonthEnd.Outcome.NEW));
        body.put("changedVersions", run.count(MonthEnd.Outcome.CHANGED));
        body.put("unchanged", run.count(MonthEnd.Outcome.UNCHANGED));
        body.put("contractsWithCredit", run.contracts().stream().filter(c -> c.month().credit().applied().amount().signum() > 0).count());
        body.put("totalCredit", run.totalCredit().toPlainString());
        body.put("changed", run.contracts().stream().filter(c -> c.outcome() == MonthEnd.Outcome.CHANGED)
                .map(c -> Map.of("customer", c.customer().id(), "version", c.version(), "changes", c.changes().size(),
                        "report", s3Uri(c.objects().get("html")))).toList());
        body.put("links", run.links());
        String subject = "SLA month-end " + run.month() + ": " + run.contracts().size() + " contracts, total credit "
                + run.totalCredit().toPlainString();
        sns.publish(b -> b.topicArn(operationsTopic).subject(subject).message(Json.write(body))
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                        .stringValue("month-end-report").build())));
    }

    String s3Uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    String consoleUrl(String key) {
        return "https://s3.console.aws.amazon.com/s3/object/" + bucket + "?region=" + region + "&prefix="
                + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private void put(String key, String content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }
}
