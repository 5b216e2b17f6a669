package nl.vioms.sladesk.aws.monitoring;

import static nl.vioms.sladesk.aws.Attr.n;
import static nl.vioms.sladesk.aws.Attr.number;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.core.time.Interval;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The probe's own items in the Monitoring table (docs/data-model.md): probe targets, the streak
 * state of each target (written conditionally on its version) and check results, which expire.
 * They live in partitions of their own ({@code TARGETS}, {@code TARGET#<id>}), apart from the
 * monitoring record of {@link MonitoringRepository} that month-end reads.
 */
public final class ProbeRepository {
    /** How long check results are kept (TTL): the month-end of the month they fall in and some. */
    public static final Duration CHECK_RETENTION = Duration.ofDays(40);

    private static final String TARGETS = "TARGETS", STREAK = "STREAK";
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public ProbeRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ---- targets --------------------------------------------------------------------------

    public void putTarget(ProbeTarget t) {
        dynamo.putItem(b -> b.tableName(table).item(ProbeItems.target(TARGETS, t)));
    }

    /** Removes a target from the rounds; its streak and checks stay until they expire or are removed. */
    public void deleteTarget(String id) {
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s(TARGETS), "sk", s("TARGET#" + id))));
    }

    /** Every probe target (one Query). */
    public List<ProbeTarget> targets() {
        List<ProbeTarget> targets = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(TARGETS)))
                .build())) {
            targets.add(ProbeItems.target(item));
        }
        return targets;
    }

    // ---- streaks --------------------------------------------------------------------------

    /** The streak state of each target; a target never checked gets {@link StreakState#initial}. */
    public Map<String, StreakState> streaks(Collection<String> targetIds) {
        Map<String, StreakState> states = new HashMap<>();
        targetIds.forEach(id -> states.put(id, StreakState.initial(id)));
        List<String> ids = new ArrayList<>(targetIds);
        for (int from = 0; from < ids.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET)).stream()
                    .map(id -> Map.of("pk", s(target(id)), "sk", s(STREAK)))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(ask));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    StreakState state = ProbeItems.streak(item);
                    states.put(state.targetId(), state);
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return states;
    }

    /**
     * Stores the next state if the stored one is still the version read (optimistic locking).
     *
     * @return false when another run wrote first; its state stands
     */
    public boolean saveStreak(StreakState next) {
        Map<String, AttributeValue> item = ProbeItems.streak(target(next.targetId()), STREAK, next);
        try {
            if (next.version() == 0) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(b -> b.tableName(table)
                        .item(item)
                        .conditionExpression("version = :read")
                        .expressionAttributeValues(Map.of(":read", n(next.version()))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    // ---- the open incident of a service -----------------------------------------------------

    /**
     * The incident a platform-wide service has open for its outages: one for all its targets.
     *
     * @param sourceKey the ticket source the incident is opened under (idempotent), fixed by the first claimer
     * @param number    the ticket number once opened, else null
     */
    public record ServiceIncident(String sourceKey, String number) {}

    /**
     * Joins {@code targetId} to the service's open incident, or claims a new one under
     * {@code sourceKey} when there is none (conditional put: of two rounds, one claims).
     */
    public ServiceIncident joinIncident(String serviceKey, String targetId, String sourceKey) {
        Map<String, AttributeValue> key = incidentKey(serviceKey);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                var joined = dynamo.updateItem(b -> b.tableName(table)
                                .key(key)
                                .updateExpression("ADD targets :t")
                                .conditionExpression("attribute_exists(pk)")
                                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of(targetId))))
                                .returnValues(ReturnValue.ALL_NEW))
                        .attributes();
                return new ServiceIncident(string(joined, "sourceKey"), string(joined, "number"));
            } catch (ConditionalCheckFailedException none) {
                Map<String, AttributeValue> item = new HashMap<>(key);
                item.put("serviceKey", s(serviceKey));
                item.put("sourceKey", s(sourceKey));
                item.put("targets", AttributeValue.fromSs(List.of(targetId)));
                try {
                    dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                    return new ServiceIncident(sourceKey, null);
                } catch (ConditionalCheckFailedException raced) {
                    // another target or round claimed it first: join theirs
                }
            }
        }
        throw new IllegalStateException("the open incident of " + serviceKey + " keeps changing");
    }

    /** Records the number of the incident opened under the claim. */
    public void linkIncident(String serviceKey, String number) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(incidentKey(serviceKey))
                .updateExpression("SET #n = :n")
                .expressionAttributeNames(Map.of("#n", "number"))
                .expressionAttributeValues(Map.of(":n", s(number))));
    }

    /**
     * The target passes again and leaves the incident; when none is left the claim goes, so the
     * service's next outage opens a new incident.
     */
    public void leaveIncident(String serviceKey, String targetId) {
        Map<String, AttributeValue> key = incidentKey(serviceKey);
        try {
            var left = dynamo.updateItem(b -> b.tableName(table)
                            .key(key)
                            .updateExpression("DELETE targets :t")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of(targetId))))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            if (!left.containsKey("targets") || left.get("targets").ss().isEmpty()) {
                dynamo.deleteItem(
                        b -> b.tableName(table).key(key).conditionExpression("attribute_not_exists(targets)"));
            }
        } catch (ConditionalCheckFailedException goneOrRejoined) {
            // already gone, or another target joined in between: it stays
        }
    }

    private Map<String, AttributeValue> incidentKey(String serviceKey) {
        return Map.of("pk", s("INCIDENT#" + serviceKey), "sk", s("OPEN"));
    }

    // ---- check results --------------------------------------------------------------------

    public void putCheck(CheckResult check) {
        Map<String, AttributeValue> item =
                ProbeItems.check(target(check.targetId()), "CHECK#" + sortable(check.at()), check, CHECK_RETENTION);
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The checks of a target that fall in {@code span}, oldest first. */
    public List<CheckResult> checks(String targetId, Interval span) {
        List<CheckResult> checks = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk",
                        s(target(targetId)),
                        ":from",
                        s("CHECK#" + sortable(span.start())),
                        ":to",
                        s("CHECK#" + sortable(span.end().minusNanos(1)))))
                .build())) {
            checks.add(ProbeItems.check(targetId, item));
        }
        return checks;
    }

    /**
     * The target's latest check, if one is still kept: one Query of at most one item, newest first
     * ({@code CHECK#} sort keys sort by instant; the streak's {@code STREAK} key sorts after them and is
     * kept out by the key condition). The console's monitoring page asks it per target.
     */
    public Optional<CheckResult> lastCheck(String targetId) {
        return dynamo
                .query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :check)")
                        .expressionAttributeValues(Map.of(":pk", s(target(targetId)), ":check", s("CHECK#")))
                        .scanIndexForward(false)
                        .limit(1)
                        .build())
                .items()
                .stream()
                .findFirst()
                .map(item -> ProbeItems.check(targetId, item));
    }

    /**
     * Whether the target has any check in {@code span} (one Query of at most one item): month-end's
     * evidence that a quiet month was monitored (issue 20). Checks are kept {@link #CHECK_RETENTION}.
     */
    public boolean hasCheck(String targetId, Interval span) {
        return !dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                s(target(targetId)),
                                ":from",
                                s("CHECK#" + sortable(span.start())),
                                ":to",
                                s("CHECK#" + sortable(span.end().minusNanos(1)))))
                        .limit(1)
                        .build())
                .items()
                .isEmpty();
    }

    private static String target(String id) {
        return "TARGET#" + id;
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            items.addAll(page.items());
        }
        return items;
    }
}
