package nl.vioms.sladesk.aws.monitoring;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.putIfPresent;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.core.availability.Exclusion;
import nl.vioms.sladesk.core.availability.ExclusionKind;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ServiceExclusion;
import nl.vioms.sladesk.core.monitoring.UnknownSpan;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.time.Interval;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The monitoring record of the Monitoring table (see docs/data-model.md): monitored services,
 * outages, maintenance windows, unknown spans and exclusions.
 *
 * <p>Every record of a service lives in its partition {@code SERVICE#<key>} under a sort key that
 * begins with its start instant ({@code <start>#OUTAGE#<target>}, {@code <start>#MAINT#<id>},
 * ...), so one Query reads everything that may overlap a month. Records are found by their start;
 * a record that started up to {@link #LOOKBACK} before the span is still read, so an outage open
 * for longer than that would be missed (a year-long outage is not a monitoring question).
 */
public final class MonitoringRepository {
    /** How far before a span a record may start and still be read for it. */
    public static final Duration LOOKBACK = Duration.ofDays(366);
    /** The longest maintenance window operations may record, so the probe's lookup stays one short Query. */
    public static final Duration MAX_MAINTENANCE = Duration.ofDays(7);

    private static final String SERVICES = "SERVICES";
    private static final String OUTAGE = "OUTAGE", MAINT = "MAINT", UNKNOWN = "UNKNOWN", EXCLUSION = "EXCL";

    private final DynamoDbClient dynamo;
    private final String table;

    public MonitoringRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ---- services -------------------------------------------------------------------------

    public void putService(MonitoredService service) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(SERVICES));
        item.put("sk", s("SERVICE#" + service.key()));
        item.put("key", s(service.key()));
        item.put("name", s(service.name() == null ? service.key() : service.name()));
        if (!service.carries().isEmpty()) {
            item.put(
                    "carries",
                    AttributeValue.fromSs(service.carries().stream()
                            .map(ServiceKind::wireName)
                            .toList()));
        }
        putIfPresent(item, "customerId", service.customerId());
        putIfPresent(item, "customerServiceId", service.customerServiceId());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** Every monitored service (one Query; a few hundred items at most). */
    public List<MonitoredService> services() {
        List<MonitoredService> services = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(SERVICES)))
                .build())) {
            Set<ServiceKind> carries = item.containsKey("carries")
                    ? item.get("carries").ss().stream()
                            .map(ServiceKind::fromWireName)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceKind.class)))
                    : Set.of();
            services.add(new MonitoredService(
                    string(item, "key"),
                    string(item, "name"),
                    carries,
                    string(item, "customerId"),
                    string(item, "customerServiceId")));
        }
        return services;
    }

    // ---- records --------------------------------------------------------------------------

    /** Writes the outage, replacing the one with the same start and target (opening, linking, closing). */
    public void putOutage(Outage outage) {
        Map<String, AttributeValue> item = recordItem(outage.serviceKey(), outage.start(), OUTAGE, outage.targetId());
        item.put("targetId", s(outage.targetId()));
        item.put("start", s(outage.start().toString()));
        item.put("confirmedAt", s(outage.confirmedAt().toString()));
        putIfPresent(item, "end", outage.end());
        putIfPresent(item, "incident", outage.incident());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public void putMaintenance(MaintenanceWindow window) {
        Map<String, AttributeValue> item =
                recordItem(window.serviceKey(), window.window().start(), MAINT, window.id());
        item.put("id", s(window.id()));
        item.put("kind", s(window.kind().name()));
        item.put("start", s(window.window().start().toString()));
        item.put("end", s(window.window().end().toString()));
        putIfPresent(item, "announcedAt", window.announcedAt());
        putIfPresent(item, "reason", window.reason());
        item.put("excluded", AttributeValue.fromBool(window.excluded()));
        putIfPresent(item, "exclusionReason", window.exclusionReason());
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * How an outbound mail names the maintenance window it announces ({@code OutboundMail.window}, issue 16):
     * {@code <serviceKey>|<start>|<id>}, which is enough to find the window's item without a scan.
     */
    public static String windowRef(MaintenanceWindow window) {
        return window.serviceKey() + "|" + window.window().start() + "|" + window.id();
    }

    /**
     * Records that SES accepted one announcement mail of a window ({@link #windowRef}): the mail's outbox id
     * joins {@code announcementMails} and {@code announcementMailCount} goes up by one (once per mail, so a
     * retry counts nothing twice), and {@code announcedAt} moves to {@code acceptedAt} when that is later: the
     * window's announcement instant becomes the instant SES accepted the last of its mails.
     *
     * @return false when there is no such window
     */
    public boolean recordAnnouncementMail(String windowRef, String mailId, Instant acceptedAt) {
        String[] parts = windowRef.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a window reference <service>|<start>|<id>: " + windowRef);
        }
        Map<String, AttributeValue> key = Map.of(
                "pk",
                s(partition(parts[0])),
                "sk",
                s(sortable(Instant.parse(parts[1])) + "#" + MAINT + "#" + parts[2]));
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("ADD announcementMails :ids, announcementMailCount :one")
                    .conditionExpression("attribute_exists(pk) AND NOT contains(announcementMails, :id)")
                    .expressionAttributeValues(Map.of(
                            ":ids", AttributeValue.fromSs(List.of(mailId)),
                            ":id", s(mailId),
                            ":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException countedOrMissing) {
            // counted by an earlier attempt, or no such window (checked below)
        }
        // announcedAt is ISO-8601 text whose fraction varies in width: compared here, then set if unchanged
        for (int attempt = 0; attempt < 5; attempt++) {
            var item = dynamo.getItem(
                            b -> b.tableName(table).consistentRead(true).key(key))
                    .item();
            if (item == null || item.isEmpty()) {
                return false;
            }
            Instant current = instant(item, "announcedAt");
            if (current != null && !current.isBefore(acceptedAt)) {
                return true;
            }
            try {
                dynamo.updateItem(b -> b.tableName(table)
                        .key(key)
                        .updateExpression("SET announcedAt = :at")
                        .conditionExpression(
                                current == null ? "attribute_not_exists(announcedAt)" : "announcedAt = :seen")
                        .expressionAttributeValues(
                                current == null
                                        ? Map.of(":at", s(acceptedAt.toString()))
                                        : Map.of(":at", s(acceptedAt.toString()), ":seen", item.get("announcedAt"))));
                return true;
            } catch (ConditionalCheckFailedException changed) {
                // another mail of the window moved it meanwhile: compare again
            }
        }
        return true;
    }

    public void putUnknown(UnknownSpan span) {
        Map<String, AttributeValue> item =
                recordItem(span.serviceKey(), span.span().start(), UNKNOWN, "");
        item.put("start", s(span.span().start().toString()));
        item.put("end", s(span.span().end().toString()));
        item.put("reason", s(span.reason()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    public void putExclusion(ServiceExclusion exclusion) {
        Interval span = exclusion.exclusion().interval();
        Map<String, AttributeValue> item = recordItem(exclusion.serviceKey(), span.start(), EXCLUSION, exclusion.id());
        item.put("id", s(exclusion.id()));
        item.put("kind", s(exclusion.exclusion().kind().name()));
        item.put("start", s(span.start().toString()));
        item.put("end", s(span.end().toString()));
        item.put("reason", s(exclusion.exclusion().reason()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /**
     * Everything recorded for a service that overlaps {@code span} (an open outage overlaps
     * everything after its start), in one paginated Query.
     */
    public MonitoringRecords records(String serviceKey, Interval span) {
        List<Outage> outages = new ArrayList<>();
        List<MaintenanceWindow> maintenance = new ArrayList<>();
        List<UnknownSpan> unknown = new ArrayList<>();
        List<ServiceExclusion> exclusions = new ArrayList<>();
        List<Map<String, AttributeValue>> items = query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk",
                        s(partition(serviceKey)),
                        ":from",
                        s(sortable(span.start().minus(LOOKBACK))),
                        // a record's key extends its start ("<start>#TYPE#id"), so one starting at end sorts after
                        ":to",
                        s(sortable(span.end()))))
                .build());
        for (Map<String, AttributeValue> item : items) {
            Instant start = instant(item, "start");
            Instant end = instant(item, "end");
            if (!start.isBefore(span.end()) || (end != null && !end.isAfter(span.start()))) {
                continue;
            }
            switch (string(item, "type")) {
                case OUTAGE ->
                    outages.add(new Outage(
                            serviceKey,
                            string(item, "targetId"),
                            start,
                            instant(item, "confirmedAt"),
                            end,
                            string(item, "incident")));
                case MAINT -> maintenance.add(maintenance(serviceKey, item));
                case UNKNOWN ->
                    unknown.add(new UnknownSpan(serviceKey, new Interval(start, end), string(item, "reason")));
                case EXCLUSION ->
                    exclusions.add(new ServiceExclusion(
                            string(item, "id"),
                            serviceKey,
                            new Exclusion(
                                    new Interval(start, end),
                                    ExclusionKind.valueOf(string(item, "kind")),
                                    string(item, "reason"))));
                default ->
                    throw new IllegalStateException(
                            "unknown monitoring record type " + string(item, "type") + " in " + partition(serviceKey));
            }
        }
        return new MonitoringRecords(outages, maintenance, unknown, exclusions, items.size());
    }

    /**
     * The maintenance windows of a service that cover {@code at} (the probe asks every round): one
     * Query over the records that started in the {@link #MAX_MAINTENANCE} before it, maintenance only.
     */
    public List<MaintenanceWindow> maintenanceAt(String serviceKey, Instant at) {
        List<MaintenanceWindow> covering = new ArrayList<>();
        List<Map<String, AttributeValue>> items = query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .filterExpression("#type = :maint")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(
                        ":pk",
                        s(partition(serviceKey)),
                        ":from",
                        s(sortable(at.minus(MAX_MAINTENANCE))),
                        // '~' sorts after '#MAINT#...': a window starting exactly at {@code at} is read
                        ":to",
                        s(sortable(at) + "#~"),
                        ":maint",
                        s(MAINT)))
                .build());
        for (Map<String, AttributeValue> item : items) {
            MaintenanceWindow window = maintenance(serviceKey, item);
            if (window.window().contains(at)) {
                covering.add(window);
            }
        }
        return covering;
    }

    private static MaintenanceWindow maintenance(String serviceKey, Map<String, AttributeValue> item) {
        return new MaintenanceWindow(
                string(item, "id"),
                serviceKey,
                MaintenanceKind.valueOf(string(item, "kind")),
                new Interval(instant(item, "start"), instant(item, "end")),
                instant(item, "announcedAt"),
                string(item, "reason"),
                item.containsKey("excluded") && item.get("excluded").bool(),
                string(item, "exclusionReason"));
    }

    private static String partition(String serviceKey) {
        return "SERVICE#" + serviceKey;
    }

    private static Map<String, AttributeValue> recordItem(String serviceKey, Instant start, String type, String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(serviceKey)));
        item.put("sk", s(sortable(start) + "#" + type + "#" + id));
        item.put("type", s(type));
        return item;
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            items.addAll(page.items());
        }
        return items;
    }
}
