package nl.vioms.sladesk.aws.reports;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.string;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.core.monthend.FigureDiff;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The Reports table (see docs/data-model.md): per contract, every computed version of a month
 * ({@code MONTH#2026-11#V0001}, never overwritten) and one summary of the month's latest version
 * ({@code SUMMARY#2026-11}), which is what a re-run compares with and what the 12-month trend
 * reads (R24). Version numbers are fixed-width so versions sort in order.
 */
public final class ReportsRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public ReportsRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One service's figures of a month, as the trend needs them. */
    public record ServiceFigure(
            String serviceId,
            BigDecimal totalMinutes,
            BigDecimal downMinutes,
            BigDecimal availability,
            BigDecimal kpi) {}

    /** The latest version of a contract's month, small: what re-runs and trends read. */
    public record MonthSummary(
            String customerId,
            YearMonth month,
            int version,
            String contentHash,
            Instant generatedAt,
            List<ServiceFigure> services,
            String creditBasis,
            BigDecimal creditPercent,
            BigDecimal creditAmount) {
        public MonthSummary {
            services = List.copyOf(services);
        }
    }

    /**
     * One computed version, kept for good.
     *
     * @param figures   the flat figures it is compared on ({@code ContractMonth.figures()})
     * @param changes   against the previous version; empty for the first
     * @param document  the full JSON record (the same as the published JSON object)
     * @param objects   published object keys by format (json, html)
     */
    public record MonthVersion(
            String customerId,
            YearMonth month,
            int version,
            String contentHash,
            Instant generatedAt,
            String policyId,
            String calendarVersion,
            SortedMap<String, String> figures,
            List<FigureDiff.Change> changes,
            String document,
            Map<String, String> objects) {}

    /**
     * Where a month's reports live in the reports bucket: {@code month-end/2026-11/} (overview.html,
     * finance.csv, financieel.csv, contracts/&lt;customer&gt;/v0001.html). Month-end writes there, the
     * console reads there.
     */
    public static String reportPrefix(YearMonth month) {
        return "month-end/" + month + "/";
    }

    /** A contract's report object of one version, relative to {@link #reportPrefix}. */
    public static String contractReport(String customerId, int version, String extension) {
        return "contracts/" + customerId + "/v" + String.format("%04d", version) + "." + extension;
    }

    public static String partition(String customerId) {
        return "CONTRACT#" + customerId;
    }

    public static String versionKey(YearMonth month, int version) {
        return "MONTH#" + month + "#V" + String.format("%04d", version);
    }

    public static String summaryKey(YearMonth month) {
        return "SUMMARY#" + month;
    }

    /** The month's latest version in brief, read consistently (GetItem). */
    public Optional<MonthSummary> summary(String customerId, YearMonth month) {
        return Attr.getItem(dynamo, table, partition(customerId), summaryKey(month))
                .map(ReportsRepository::toSummary);
    }

    /** Whether month-end has reported the contract's month (its summary exists): a closed month. */
    public boolean reported(String customerId, YearMonth month) {
        return Attr.getItem(dynamo, table, partition(customerId), summaryKey(month))
                .isPresent();
    }

    /** The summaries of the months {@code from..to} (one Query on the contract's partition). */
    public List<MonthSummary> summaries(String customerId, YearMonth from, YearMonth to) {
        return dynamo
                .queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                s(partition(customerId)),
                                ":from",
                                s(summaryKey(from)),
                                ":to",
                                s(summaryKey(to)))))
                .items()
                .stream()
                .map(ReportsRepository::toSummary)
                .toList();
    }

    /** The figures of one stored version (GetItem, figures only). */
    public Optional<SortedMap<String, String>> figures(String customerId, YearMonth month, int version) {
        var item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("pk", s(partition(customerId)), "sk", s(versionKey(month, version))))
                        .projectionExpression("figures"))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(figuresOf(item));
    }

    /**
     * The full JSON record of one stored version (GetItem, the document only): what the reseller
     * portal reads the month's level, names and reseller from (issue 18).
     */
    public Optional<String> document(String customerId, YearMonth month, int version) {
        var item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("pk", s(partition(customerId)), "sk", s(versionKey(month, version))))
                        .projectionExpression("#d")
                        .expressionAttributeNames(Map.of("#d", "document")))
                .item();
        if (item == null || !item.containsKey("document")) {
            return Optional.empty();
        }
        return Optional.of(item.get("document").s());
    }

    /** Every stored version of a month, oldest first (the history of recomputations). */
    public List<MonthVersion> versions(String customerId, YearMonth month) {
        return dynamo
                .queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(
                                Map.of(":pk", s(partition(customerId)), ":prefix", s("MONTH#" + month + "#V"))))
                .items()
                .stream()
                .map(ReportsRepository::toVersion)
                .toList();
    }

    /**
     * Stores a new version, never replacing one: false when that version exists already (another
     * run stored it; the caller compares hashes).
     */
    public boolean putVersion(MonthVersion v) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(v.customerId())));
        item.put("sk", s(versionKey(v.month(), v.version())));
        item.put("type", s("VERSION"));
        item.put("customerId", s(v.customerId()));
        item.put("month", s(v.month().toString()));
        item.put("version", Attr.n(v.version()));
        item.put("contentHash", s(v.contentHash()));
        item.put("generatedAt", s(v.generatedAt().toString()));
        item.put("policyId", s(v.policyId()));
        item.put("calendarVersion", s(v.calendarVersion()));
        Map<String, AttributeValue> figures = new LinkedHashMap<>();
        v.figures().forEach((k, val) -> figures.put(k, s(val)));
        item.put("figures", AttributeValue.fromM(figures));
        item.put(
                "changes",
                AttributeValue.fromL(v.changes().stream()
                        .map(c -> {
                            Map<String, AttributeValue> m = new HashMap<>();
                            m.put("figure", s(c.figure()));
                            Attr.putIfPresent(m, "before", c.before());
                            Attr.putIfPresent(m, "after", c.after());
                            return AttributeValue.fromM(m);
                        })
                        .toList()));
        item.put("document", s(v.document()));
        Map<String, AttributeValue> objects = new LinkedHashMap<>();
        v.objects().forEach((k, val) -> objects.put(k, s(val)));
        item.put("objects", AttributeValue.fromM(objects));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** The partition of month-end's run records (one item per month, its latest finished run). */
    public static final String RUNS = "MONTH-END";

    public static String runKey(YearMonth month) {
        return "RUN#" + month;
    }

    /**
     * Records that a run of the month finished (every contract stored, reports published): what
     * sla-check's month-end watch looks for (issue 21). A later run overwrites it.
     */
    public void putRun(YearMonth month, Instant finishedAt, int contracts) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(RUNS));
        item.put("sk", s(runKey(month)));
        item.put("type", s("RUN"));
        item.put("month", s(month.toString()));
        item.put("finishedAt", s(finishedAt.toString()));
        item.put("contracts", Attr.n(contracts));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** When a run of the month last finished, if one did (GetItem, consistent). */
    public Optional<Instant> runFinished(YearMonth month) {
        return Attr.getItem(dynamo, table, RUNS, runKey(month)).map(item -> instant(item, "finishedAt"));
    }

    /** A finished run of month-end: the month, when its latest run finished, how many contracts it reported. */
    public record MonthRun(YearMonth month, Instant finishedAt, int contracts) {}

    /**
     * The months month-end has run for, newest first: one Query on the run records' partition
     * ({@value #RUNS}, one item per month). The console's month-end page lists these.
     */
    public List<MonthRun> runs() {
        return dynamo
                .queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :run)")
                        .expressionAttributeValues(Map.of(":pk", s(RUNS), ":run", s("RUN#")))
                        .scanIndexForward(false))
                .items()
                .stream()
                .map(item -> new MonthRun(YearMonth.parse(string(item, "month")), instant(item, "finishedAt"), (int)
                        Attr.number(item, "contracts")))
                .toList();
    }

    /** Points the month at a version; a summary of a later version is never replaced by an earlier one. */
    public void putSummary(MonthSummary summary) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(summary.customerId())));
        item.put("sk", s(summaryKey(summary.month())));
        item.put("type", s("SUMMARY"));
        item.put("customerId", s(summary.customerId()));
        item.put("month", s(summary.month().toString()));
        item.put("version", Attr.n(summary.version()));
        item.put("contentHash", s(summary.contentHash()));
        item.put("generatedAt", s(summary.generatedAt().toString()));
        item.put(
                "services",
                AttributeValue.fromL(summary.services().stream()
                        .map(f -> {
                            Map<String, AttributeValue> m = new HashMap<>();
                            m.put("serviceId", s(f.serviceId()));
                            m.put(
                                    "totalMinutes",
                                    AttributeValue.fromN(f.totalMinutes().toPlainString()));
                            m.put(
                                    "downMinutes",
                                    AttributeValue.fromN(f.downMinutes().toPlainString()));
                            m.put(
                                    "availability",
                                    AttributeValue.fromN(f.availability().toPlainString()));
                            m.put("kpi", AttributeValue.fromN(f.kpi().toPlainString()));
                            return AttributeValue.fromM(m);
                        })
                        .toList()));
        Attr.putIfPresent(item, "creditBasis", summary.creditBasis());
        item.put("creditPercent", AttributeValue.fromN(summary.creditPercent().toPlainString()));
        item.put("creditAmount", AttributeValue.fromN(summary.creditAmount().toPlainString()));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #v < :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", Attr.n(summary.version()))));
        } catch (ConditionalCheckFailedException newer) {
            // a later version is the month's already
        }
    }

    private static MonthSummary toSummary(Map<String, AttributeValue> item) {
        List<ServiceFigure> services = new ArrayList<>();
        for (AttributeValue v :
                item.getOrDefault("services", AttributeValue.fromL(List.of())).l()) {
            var m = v.m();
            services.add(new ServiceFigure(
                    m.get("serviceId").s(),
                    new BigDecimal(m.get("totalMinutes").n()),
                    new BigDecimal(m.get("downMinutes").n()),
                    new BigDecimal(m.get("availability").n()),
                    new BigDecimal(m.get("kpi").n())));
        }
        return new MonthSummary(
                string(item, "customerId"),
                YearMonth.parse(string(item, "month")),
                (int) Attr.number(item, "version"),
                string(item, "contentHash"),
                instant(item, "generatedAt"),
                services,
                string(item, "creditBasis"),
                new BigDecimal(item.get("creditPercent").n()),
                new BigDecimal(item.get("creditAmount").n()));
    }

    private static MonthVersion toVersion(Map<String, AttributeValue> item) {
        List<FigureDiff.Change> changes = new ArrayList<>();
        for (AttributeValue c :
                item.getOrDefault("changes", AttributeValue.fromL(List.of())).l()) {
            changes.add(
                    new FigureDiff.Change(string(c.m(), "figure"), string(c.m(), "before"), string(c.m(), "after")));
        }
        Map<String, String> objects = new LinkedHashMap<>();
        item.getOrDefault("objects", AttributeValue.fromM(Map.of())).m().forEach((k, v) -> objects.put(k, v.s()));
        return new MonthVersion(
                string(item, "customerId"),
                YearMonth.parse(string(item, "month")),
                (int) Attr.number(item, "version"),
                string(item, "contentHash"),
                instant(item, "generatedAt"),
                string(item, "policyId"),
                string(item, "calendarVersion"),
                figuresOf(item),
                changes,
                string(item, "document"),
                objects);
    }

    private static SortedMap<String, String> figuresOf(Map<String, AttributeValue> item) {
        SortedMap<String, String> figures = new TreeMap<>();
        item.getOrDefault("figures", AttributeValue.fromM(Map.of())).m().forEach((k, v) -> figures.put(k, v.s()));
        return figures;
    }
}
