package nl.vioms.sladesk.aws.tickets;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.number;
import static nl.vioms.sladesk.aws.Attr.putIfPresent;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.IndexRef;
import nl.vioms.sladesk.aws.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.watch.Checkpoint;
import nl.vioms.sladesk.core.watch.SlaWatch;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import nl.vioms.sladesk.aws.Indexes;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The tickets table (see docs/data-model.md). A ticket is its history: the snapshot item keeps
 * the facts fixed at creation plus a derived view (status, priority, deadlines, index keys) for
 * lists; {@link #find} rebuilds the ticket by folding the stored events, so a snapshot left
 * behind by a crash is repaired by the next write. Every write is conditional.
 */
public final class TicketRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    /** Write shards of the due index: enough to spread a burst of writes, few for a sweep to query. */
    public static final int DUE_SHARDS = 8;

    private final String outboxTable;

    public TicketRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    /** @param outboxTable where escalations are written with the change they announce; null for none */
    public TicketRepository(DynamoDbClient dynamo, String table, String outboxTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.outboxTable = outboxTable;
    }

    /**
     * A ticket with its history, oldest event first.
     *
     * @param created the ticket as created, before any event: what the history folds onto
     */
    public record Stored(Ticket created, Ticket ticket, List<TicketEvent> history) {
        public boolean has(String eventId) {
            return history.stream().anyMatch(e -> e.id().equals(eventId));
        }

        /**
         * The ticket with one more event, folded at its place in time (a back-dated event is
         * judged against what came before and after it), at the version read.
         */
        public Ticket with(TicketEvent event) {
            List<TicketEvent> more = new ArrayList<>(history);
            more.add(event);
            return TicketLifecycle.replay(created, more).withVersion(ticket.version());
        }
    }

    /** Thrown when another writer changed the ticket since it was read; read again and retry. */
    public static final class ConcurrentChangeException extends RuntimeException {
        public ConcurrentChangeException(String number) {
            super("ticket " + number + " changed concurrently");
        }
    }

    /** The next number of the year's counter (atomic ADD; a failed intake leaves a gap, never a duplicate). */
    public long nextSequence(int year) {
        var result = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s("COUNTER#" + year), "sk", s("COUNTER")))
                .updateExpression("ADD #seq :one")
                .expressionAttributeNames(Map.of("#seq", "sequence"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(result.attributes().get("sequence").n());
    }

    /**
     * What a source (an e-mail's Message-ID, an API idempotency key) was taken in as, if anything.
     *
     * @param reportedAt when the first delivery was received (R8); null for claims stored before it was kept
     */
    public record SourceClaim(String ticketNumber, boolean complete, Instant reportedAt) {
    }

    public Optional<SourceClaim> source(String sourceKey) {
        var item = get("SOURCE#" + sourceKey, "SOURCE");
        return item.map(i -> new SourceClaim(string(i, "ticketNumber"), i.containsKey("completedAt"), instant(i, "reportedAt")));
    }

    /**
     * Claims a source for a ticket number; false when it was claimed already.
     *
     * @param reportedAt the report's receipt, which a retry of the same source must keep as its creation instant
     */
    public boolean claimSource(String sourceKey, String ticketNumber, Instant at, Instant reportedAt) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("pk", s("SOURCE#" + sourceKey), "sk", s("SOURCE"),
                            "ticketNumber", s(ticketNumber), "claimedAt", s(at.toString()), "reportedAt", s(reportedAt.toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }

    public void completeSource(String sourceKey, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("SOURCE#" + sourceKey), "sk", s("SOURCE")))
                .updateExpression("SET completedAt = :at")
                .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    }

    /** Stores a new ticket and its first event; repeating it after a partial failure completes it. */
    public void create(Ticket ticket, TicketEvent created, ClockResult clocks) {
        create(ticket, created, clocks, List.of());
    }

    /**
     * Stores a new ticket with the escalations its creation raises (R17: a P1 on a 24x7 contract),
     * the snapshot and the outbox messages in one transaction.
     */
    public void create(Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> outbox) {
        putEventIfAbsent(ticket.number(), created);
        try {
            commit(snapshot(ticket, clocks, Set.of()), "attribute_not_exists(pk)", Map.of(), Map.of(), outbox);
        } catch (ConcurrentChangeException exists) {
            // stored, with its messages, by the earlier attempt
        }
    }

    /**
     * Writes a snapshot, conditionally, together with outbox messages (each written once): one
     * transaction when there are messages, a plain conditional put otherwise.
     */
    private void commit(Map<String, AttributeValue> snapshot, String condition, Map<String, String> names,
                        Map<String, AttributeValue> values, List<OutboxMessage> outbox) {
        String number = string(snapshot, "number");
        try {
            if (outbox.isEmpty()) {
                dynamo.putItem(b -> b.tableName(table).item(snapshot).conditionExpression(condition)
                        .expressionAttributeNames(names.isEmpty() ? null : names)
                        .expressionAttributeValues(values.isEmpty() ? null : values));
                return;
            }
            if (outboxTable == null) throw new IllegalStateException("no outbox table for the escalations of " + number);
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(snapshot).conditionExpression(condition)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values).build()).build());
            for (OutboxMessage message : outbox) {
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(outboxTable)
                        .item(OutboxRepository.toItem(message)).conditionExpression("attribute_not_exists(id)").build()).build());
            }
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (ConditionalCheckFailedException changed) {
            throw new ConcurrentChangeException(number);
        } catch (TransactionCanceledException cancelled) {
            // only a failed condition means "changed meanwhile"; a conflict, throttling or a
            // validation error is a failure the caller must see (and the platform retries)
            boolean conditionFailed = cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditionFailed) throw new ConcurrentChangeException(number);
            throw cancelled;
        }
    }

    /**
     * Adds an event that has been applied to {@code updated} (whose version is the one read).
     * The snapshot is the commit point: it is written first, conditional on the version read, and
     * carries the event as {@code pendingEvent}; the event item follows. A writer that loses the
     * race has stored nothing, reads again and is judged against the winner's event (which
     * {@link #find} sees in the snapshot even before its item exists); a crash between the two
     * writes is repaired by the next {@link #find}.
     */
    public void append(Ticket updated, TicketEvent event, ClockResult clocks) {
        append(updated, event, clocks, Set.of(), List.of());
    }

    /**
     * As {@link #append(Ticket, TicketEvent, ClockResult)}, with the SLA checkpoints recorded so far
     * (they key the due index) and the outbox messages the event raises, committed with it.
     */
    public void append(Ticket updated, TicketEvent event, ClockResult clocks, Set<Checkpoint> recorded, List<OutboxMessage> outbox) {
        writeSnapshot(updated, clocks, recorded, event, outbox);
        putEventIfAbsent(updated.number(), event);
    }

    /** Rewrites the derived view of a ticket read with {@link #find}, if nobody changed it since. */
    public void writeSnapshot(Ticket ticket, ClockResult clocks) {
        writeSnapshot(ticket, clocks, Set.of(), null, List.of());
    }

    public void writeSnapshot(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded) {
        writeSnapshot(ticket, clocks, recorded, null, List.of());
    }

    private void writeSnapshot(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded, TicketEvent pending,
                               List<OutboxMessage> outbox) {
        Map<String, AttributeValue> item = snapshot(ticket.withVersion(ticket.version() + 1), clocks, recorded);
        if (pending != null) item.put("pendingEvent", AttributeValue.fromM(eventItem(ticket.number(), pending)));
        commit(item, "#v = :expected", Map.of("#v", "version"),
                Map.of(":expected", AttributeValue.fromN(Long.toString(ticket.version()))), outbox);
    }

    public Optional<Stored> find(String number) {
        return find(number, true);
    }

    /**
     * As {@link #find(String)}, without writing: a pending event is folded in but not repaired
     * (for readers with read-only access, such as month-end).
     */
    public Optional<Stored> read(String number) {
        return find(number, false);
    }

    private Optional<Stored> find(String number, boolean repair) {
        List<Map<String, AttributeValue>> items = queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("TICKET#" + number))));
        Map<String, AttributeValue> snapshot = null;
        List<TicketEvent> history = new ArrayList<>();
        for (var item : items) {
            String sk = string(item, "sk");
            if ("TICKET".equals(sk)) snapshot = item;
            else if (sk.startsWith("EVENT#")) history.add(toEvent(item));
        }
        if (snapshot == null) return Optional.empty();
        if (snapshot.containsKey("pendingEvent")) {
            // the last committed event; its item may not be written yet (a crash, or its writer is just behind)
            TicketEvent pending = toEvent(snapshot.get("pendingEvent").m());
            if (history.stream().noneMatch(e -> e.id().equals(pending.id()))) {
                if (repair) putEventIfAbsent(number, pending);
                history.add(pending);
            }
        }
        history.sort(TicketLifecycle.HISTORY_ORDER);
        Ticket created = initial(snapshot);
        Ticket ticket = TicketLifecycle.replay(created, history);
        return Optional.of(new Stored(created, ticket.withVersion(number(snapshot, "version")), List.copyOf(history)));
    }

    /** Whether escalations can be written with ticket changes. */
    public boolean hasOutbox() {
        return outboxTable != null;
    }

    /** Whether the outbox has a message with this id already (sent or waiting). */
    public boolean outboxHas(String id) {
        var item = dynamo.getItem(b -> b.tableName(outboxTable).consistentRead(true).key(Map.of("id", s(id)))).item();
        return item != null && !item.isEmpty();
    }

    /** What a sweep found: the tickets with a checkpoint due, and how many index entries it read. */
    public record DueEntries(List<String> ticketNumbers, int itemsRead) {
    }

    /**
     * Tickets with a checkpoint due by {@code now}: one query per shard on the sparse due index,
     * {@code dueShard = :s AND dueAt <= :now}, so the cost follows the due entries only.
     */
    public DueEntries dueBy(Instant now) {
        var index = Indexes.TICKETS_DUE;
        List<String> numbers = new ArrayList<>();
        int read = 0;
        for (int shard = 0; shard < DUE_SHARDS; shard++) {
            var request = QueryRequest.builder().tableName(table).indexName(index.indexName())
                    .keyConditionExpression("#shard = :shard AND #at <= :now")
                    .expressionAttributeNames(Map.of("#shard", index.partitionKey(), "#at", index.sortKey()))
                    .expressionAttributeValues(Map.of(":shard", s(SlaWatch.shardKey(shard)), ":now", s(sortable(now))))
                    .build();
            for (var page : dynamo.queryPaginator(request)) {
                read += page.scannedCount(); // what the query evaluated: the items it read
                page.items().forEach(item -> numbers.add(string(item, "pk").substring("TICKET#".length())));
            }
        }
        return new DueEntries(numbers, read);
    }

    /**
     * The numbers of a customer's tickets created in {@code span}, oldest first: one Query on the
     * sparse {@code by-customer} index, {@code customerId = :c AND createdAt BETWEEN}.
     */
    public List<String> createdBetween(String customerId, nl.vioms.sladesk.core.time.Interval span) {
        var index = Indexes.TICKETS_BY_CUSTOMER;
        return queryAll(QueryRequest.builder().tableName(table).indexName(index.indexName())
                .keyConditionExpression("#c = :c AND #at BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#c", index.partitionKey(), "#at", index.sortKey()))
                // half-open span: the end instant minus one nanosecond is the last one inside
                .expressionAttributeValues(Map.of(":c", s(customerId), ":from", s(sortable(span.start())),
                        ":to", s(sortable(span.end().minusNanos(1))))))
                .stream().map(item -> string(item, "pk").substring("TICKET#".length())).toList();
    }

    /** A reseller's open tickets, newest first. */
    public List<Ticket> openForReseller(String resellerId) {
        return snapshots(Indexes.TICKETS_BY_RESELLER, "RESELLER#" + resellerId + "#open", false);
    }

    /** All open tickets in work-queue order (R11): priority, then creation; RFCs last. */
    public List<Ticket> queue() {
        return snapshots(Indexes.TICKETS_QUEUE, "OPEN", true);
    }

    private List<Ticket> snapshots(IndexRef index, String key, boolean ascending) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(index.indexName())
                .keyConditionExpression("#k = :k")
                .expressionAttributeNames(Map.of("#k", index.partitionKey()))
                .expressionAttributeValues(Map.of(":k", s(key)))
                .scanIndexForward(ascending))
                .stream().map(TicketRepository::view).toList();
    }

    /** Every page of a query (the SDK's paginator follows LastEvaluatedKey). */
    private List<Map<String, AttributeValue>> queryAll(QueryRequest.Builder query) {
        return dynamo.queryPaginator(query.build()).items().stream().toList();
    }

    private void putEventIfAbsent(String number, TicketEvent event) {
        Map<String, AttributeValue> item = eventItem(number, event);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException duplicate) {
            // the same event again (a retried request or redelivered message): stored once
        }
    }

    private static Map<String, AttributeValue> eventItem(String number, TicketEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("TICKET#" + number));
        item.put("sk", s("EVENT#" + sortable(event.at()) + "#" + event.id()));
        item.put("eventId", s(event.id()));
        item.put("kind", s(event.kind().name()));
        item.put("at", s(event.at().toString()));
        item.put("actor", s(event.actor()));
        item.put("source", s(event.source()));
        Map<String, AttributeValue> data = new LinkedHashMap<>();
        event.data().forEach((k, v) -> data.put(k, s(v)));
        item.put("data", AttributeValue.fromM(data));
        return item;
    }

    private static TicketEvent toEvent(Map<String, AttributeValue> item) {
        Map<String, String> data = new LinkedHashMap<>();
        if (item.containsKey("data")) item.get("data").m().forEach((k, v) -> data.put(k, v.s()));
        return new TicketEvent(string(item, "eventId"), EventKind.valueOf(string(item, "kind")), instant(item, "at"),
                string(item, "actor"), string(item, "source"), data);
    }

    /** The item: facts fixed at creation, then the derived view. */
    private static Map<String, AttributeValue> snapshot(Ticket t, ClockResult clocks, Set<Checkpoint> recorded) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("TICKET#" + t.number()));
        item.put("sk", s("TICKET"));
        item.put("number", s(t.number()));
        item.put("kind", s(t.kind().name()));
        putIfPresent(item, "customerId", t.customerId());
        putIfPresent(item, "customerName", t.customerName());
        putIfPresent(item, "resellerId", t.resellerId());
        item.put("level", s(t.level().name()));
        putIfPresent(item, "serviceId", t.serviceId());
        item.put("serviceKind", s(t.serviceKind().name()));
        item.put("initialPriority", s(t.timeline().initialPriority().name()));
        item.put("subject", s(t.subject()));
        putIfPresent(item, "reporter", t.reporter());
        item.put("triage", AttributeValue.fromBool(t.triage()));
        item.put("createdAt", s(sortable(t.createdAt())));
        item.put("channel", s(t.channel().name()));
        // the derived view
        item.put("status", s(t.status().name()));
        item.put("priority", s(t.priority().name()));
        item.put("priorityReason", s(t.priorityReason()));
        item.put("version", AttributeValue.fromN(Long.toString(t.version())));
        boolean open = t.status().isOpen();
        if (t.resellerId() != null) item.put("resellerKey", s("RESELLER#" + t.resellerId() + (open ? "#open" : "#done")));
        if (open) {
            item.put("queue", s("OPEN"));
            String rank = t.isTimed() ? t.priority().name().substring(1) : "9";
            item.put("queueOrder", s(rank + "#" + sortable(t.createdAt()) + "#" + t.number()));
        }
        if (clocks != null) {
            putIfPresent(item, "acknowledgeDue", clocks.acknowledgeDue());
            putIfPresent(item, "responseDue", clocks.responseDue());
            putIfPresent(item, "startWorkDue", clocks.startWorkDue());
            putIfPresent(item, "restoreDue", clocks.restoreDue());
            putIfPresent(item, "restoreWarningAt", clocks.warningAt());
            // the due index: the next checkpoint of an open clock not yet recorded
            SlaWatch.nextDue(t, clocks, recorded).ifPresent(due -> {
                item.put("dueShard", s(SlaWatch.shard(t.number(), DUE_SHARDS)));
                item.put("dueAt", s(sortable(due)));
            });
        }
        return item;
    }

    private static Ticket initial(Map<String, AttributeValue> item) {
        Priority priority = Priority.valueOf(string(item, "initialPriority"));
        TicketTimeline timeline = TicketTimeline.created(instant(item, "createdAt"), Channel.valueOf(string(item, "channel")), priority);
        return new Ticket(string(item, "number"), TicketKind.valueOf(string(item, "kind")), TicketStatus.OPEN,
                string(item, "customerId"), string(item, "customerName"), string(item, "resellerId"),
                SlaLevel.valueOf(string(item, "level")), string(item, "serviceId"), ServiceKind.valueOf(string(item, "serviceKind")),
                priority, string(item, "priorityReason"), string(item, "subject"), string(item, "reporter"),
                item.containsKey("triage") && item.get("triage").bool(), timeline, 0);
    }

    /** A list entry: the snapshot's derived view, without history. */
    private static Ticket view(Map<String, AttributeValue> item) {
        Ticket initial = initial(item);
        return new Ticket(initial.number(), initial.kind(), TicketStatus.valueOf(string(item, "status")),
                initial.customerId(), initial.customerName(), initial.resellerId(), initial.level(), initial.serviceId(),
                initial.serviceKind(), Priority.valueOf(string(item, "priority")), string(item, "priorityReason"),
                initial.subject(), initial.reporter(), initial.triage(), initial.timeline(), number(item, "version"));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return Attr.getItem(dynamo, table, pk, sk);
    }
}
