package nl.vioms.sladesk.aws.tickets;

import static nl.vioms.sladesk.aws.Attr.number;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.ConcurrentChangeException;
import nl.vioms.sladesk.app.tickets.TicketStore;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.IndexRef;
import nl.vioms.sladesk.aws.Indexes;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.watch.Checkpoint;
import nl.vioms.sladesk.core.watch.SlaWatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The tickets table (docs/data-model.md), the DynamoDB adapter of {@link TicketStore}; its items
 * are {@link TicketItems}'. {@link #find} rebuilds a ticket by folding the stored events, so a
 * snapshot left behind by a crash is repaired by the next write. Every write is conditional.
 */
public final class TicketRepository implements TicketStore {
    /** Write shards of the due index: enough to spread a burst of writes, few for a sweep to query. */
    public static final int DUE_SHARDS = TicketItems.DUE_SHARDS;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String outboxTable; // null: no escalations are written with ticket changes
    private final IntakeRecords intake;

    public TicketRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    public TicketRepository(DynamoDbClient dynamo, String table, String outboxTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.outboxTable = outboxTable;
        this.intake = new IntakeRecords(dynamo, table);
    }

    @Override
    public long nextSequence(int year) {
        return intake.nextSequence(year);
    }

    @Override
    public Optional<SourceClaim> source(String sourceKey) {
        return intake.source(sourceKey);
    }

    @Override
    public boolean claimSource(String sourceKey, String ticketNumber, Instant at, Instant reportedAt) {
        return intake.claimSource(sourceKey, ticketNumber, at, reportedAt);
    }

    @Override
    public void completeSource(String sourceKey, Instant at) {
        intake.completeSource(sourceKey, at);
    }

    /** The created event first, then the snapshot and the outbox messages in one transaction. */
    @Override
    public void create(Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> outbox) {
        create(ticket, created, clocks, outbox, MajorWrites.NONE);
    }

    /** As above, with the major incident it opens or the one it is linked to (issue 19) in the same commit. */
    @Override
    public void create(
            Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> outbox, MajorWrites major) {
        putEventIfAbsent(ticket.number(), created);
        try {
            commit(
                    TicketItems.snapshot(ticket, clocks, Set.of()),
                    TicketItems.Condition.ABSENT,
                    outbox,
                    MajorItems.writes(
                            table, ticket.number(), major, created.at().toString()));
        } catch (ConcurrentChangeException exists) {
            // stored, with its messages, by the earlier attempt
        }
    }

    /**
     * The snapshot is the commit point: written first, conditional on the version read, carrying the
     * event as {@code pendingEvent} (which {@link #find} folds in before its item exists); the event
     * item follows. A crash between the two writes is repaired by the next {@link #find}.
     */
    @Override
    public void append(
            Ticket updated,
            TicketEvent event,
            ClockResult clocks,
            Set<Checkpoint> recorded,
            List<OutboxMessage> outbox) {
        append(updated, event, clocks, recorded, outbox, MajorWrites.NONE);
    }

    @Override
    public void append(
            Ticket updated,
            TicketEvent event,
            ClockResult clocks,
            Set<Checkpoint> recorded,
            List<OutboxMessage> outbox,
            MajorWrites major) {
        write(
                updated,
                clocks,
                recorded,
                event,
                outbox,
                MajorItems.writes(table, updated.number(), major, event.at().toString()));
        putEventIfAbsent(updated.number(), event);
    }

    @Override
    public void writeSnapshot(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded) {
        write(ticket, clocks, recorded, null, List.of(), List.of());
    }

    private void write(
            Ticket ticket,
            ClockResult clocks,
            Set<Checkpoint> recorded,
            TicketEvent pending,
            List<OutboxMessage> outbox,
            List<TransactWriteItem> beside) {
        var item = TicketItems.snapshot(ticket.withVersion(ticket.version() + 1), clocks, recorded);
        if (pending != null) {
            item.put("pendingEvent", AttributeValue.fromM(TicketItems.eventItem(ticket.number(), pending)));
        }
        commit(item, TicketItems.Condition.atVersion(ticket.version()), outbox, beside);
    }

    /**
     * A conditional snapshot write, with outbox messages (each written once) and the major-incident
     * items beside the ticket (issue 19) in one transaction.
     */
    private void commit(
            Map<String, AttributeValue> snapshot,
            TicketItems.Condition condition,
            List<OutboxMessage> outbox,
            List<TransactWriteItem> beside) {
        String number = string(snapshot, "number");
        try {
            if (outbox.isEmpty() && beside.isEmpty()) {
                dynamo.putItem(b -> b.tableName(table)
                        .item(snapshot)
                        .conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.names())
                        .expressionAttributeValues(condition.values()));
                return;
            }
            if (outboxTable == null && !outbox.isEmpty()) {
                throw new IllegalStateException("no outbox table for the escalations of " + number);
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TicketItems.snapshotWrite(table, snapshot, condition));
            outbox.forEach(message -> writes.add(TicketItems.outboxWrite(outboxTable, message)));
            writes.addAll(beside);
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (ConditionalCheckFailedException changed) {
            throw new ConcurrentChangeException(number);
        } catch (TransactionCanceledException cancelled) {
            // only a failed condition means "changed meanwhile"; a conflict, throttling or a
            // validation error is a failure the caller must see (and the platform retries)
            boolean conditionFailed = cancelled.hasCancellationReasons()
                    && cancelled.cancellationReasons().stream()
                            .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditionFailed) {
                throw new ConcurrentChangeException(number);
            }
            throw cancelled;
        }
    }

    @Override
    public Optional<Stored> find(String number) {
        return find(number, true);
    }

    @Override
    public Optional<Stored> read(String number) {
        return find(number, false);
    }

    private Optional<Stored> find(String number, boolean repair) {
        List<Map<String, AttributeValue>> items = queryAll(QueryRequest.builder()
                .tableName(table)
                .consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(TicketItems.ticketKey(number)))));
        Map<String, AttributeValue> snapshot = null;
        List<TicketEvent> history = new ArrayList<>();
        for (var item : items) {
            String sk = string(item, "sk");
            if ("TICKET".equals(sk)) {
                snapshot = item;
            } else if (sk.startsWith("EVENT#")) {
                history.add(TicketItems.toEvent(item));
            }
        }
        if (snapshot != null && snapshot.containsKey("pendingEvent")) {
            // the last committed event; its item may not be written yet (a crash, or its writer is just behind)
            TicketEvent pending =
                    TicketItems.toEvent(snapshot.get("pendingEvent").m());
            if (history.stream().noneMatch(e -> e.id().equals(pending.id()))) {
                if (repair) {
                    putEventIfAbsent(number, pending);
                }
                history.add(pending);
            }
        }
        if (snapshot == null) {
            return Optional.empty();
        }
        history.sort(TicketLifecycle.HISTORY_ORDER);
        Ticket created = TicketItems.initial(snapshot);
        Ticket ticket = TicketLifecycle.replay(created, history);
        return Optional.of(new Stored(created, ticket.withVersion(number(snapshot, "version")), List.copyOf(history)));
    }

    /** Issue 19: the board of major incidents, one consistent GetItem. */
    @Override
    public MajorBoard majorBoard() {
        return Attr.getItem(dynamo, table, MajorItems.BOARD_PK, MajorItems.BOARD_SK)
                .map(MajorItems::board)
                .orElse(MajorBoard.EMPTY);
    }

    /** One Query {@code pk = CHILDREN#parent} (consistent), keys only. */
    @Override
    public List<String> children(String parent) {
        return queryAll(QueryRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(MajorItems.childrenKey(parent)))))
                .stream()
                .map(item -> string(item, "sk"))
                .toList();
    }

    /** The same Query with {@code Select COUNT}: no items are returned, only their number. */
    @Override
    public int childCount(String parent) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(MajorItems.childrenKey(parent))))
                    .select(Select.COUNT)
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /**
     * One Query per rank of the queue index (P1, P2, P3; RFCs never match):
     * {@code queue = OPEN AND queueOrder BETWEEN <rank>#<from> AND <rank>#<to>~}.
     */
    @Override
    public List<Ticket> openCreatedBetween(Instant from, Instant to) {
        IndexRef index = Indexes.TICKETS_QUEUE;
        List<Ticket> open = new ArrayList<>();
        for (String rank : List.of("1", "2", "3")) {
            queryAll(QueryRequest.builder()
                            .tableName(table)
                            .indexName(index.indexName())
                            .keyConditionExpression("#k = :k AND #o BETWEEN :from AND :to")
                            .expressionAttributeNames(Map.of("#k", index.partitionKey(), "#o", index.sortKey()))
                            .expressionAttributeValues(Map.of(
                                    ":k",
                                    s("OPEN"),
                                    ":from",
                                    s(rank + "#" + sortable(from)),
                                    ":to",
                                    s(rank + "#" + sortable(to) + "#~"))))
                    .forEach(item -> open.add(TicketItems.view(item)));
        }
        return open;
    }

    @Override
    public boolean addToOutbox(OutboxMessage message) {
        try {
            dynamo.putItem(b -> b.tableName(outboxTable)
                    .item(OutboxRepository.toItem(message))
                    .conditionExpression("attribute_not_exists(id)"));
            return true;
        } catch (ConditionalCheckFailedException there) {
            return false; // written by an earlier attempt: a retry mails nothing twice
        }
    }

    @Override
    public boolean hasOutbox() {
        return outboxTable != null;
    }

    @Override
    public boolean outboxHas(String id) {
        var item = dynamo.getItem(
                b -> b.tableName(outboxTable).consistentRead(true).key(Map.of("id", s(id))));
        return item.hasItem() && !item.item().isEmpty();
    }

    /** One query per shard on the sparse due index, {@code dueShard = :s AND dueAt <= :now}. */
    @Override
    public DueEntries dueBy(Instant now) {
        var index = Indexes.TICKETS_DUE;
        List<String> numbers = new ArrayList<>();
        int read = 0;
        for (int shard = 0; shard < DUE_SHARDS; shard++) {
            var request = QueryRequest.builder()
                    .tableName(table)
                    .indexName(index.indexName())
                    .keyConditionExpression("#shard = :shard AND #at <= :now")
                    .expressionAttributeNames(Map.of("#shard", index.partitionKey(), "#at", index.sortKey()))
                    .expressionAttributeValues(Map.of(":shard", s(SlaWatch.shardKey(shard)), ":now", s(sortable(now))))
                    .build();
            for (var page : dynamo.queryPaginator(request)) {
                read += page.scannedCount(); // what the query evaluated: the items it read
                page.items().forEach(item -> numbers.add(TicketItems.numberOf(item)));
            }
        }
        return new DueEntries(numbers, read);
    }

    @Override
    public List<String> createdBetween(String customerId, Interval span) {
        // one Query on the sparse by-customer index: customerId = :c AND createdAt BETWEEN
        var index = Indexes.TICKETS_BY_CUSTOMER;
        return queryAll(QueryRequest.builder()
                        .tableName(table)
                        .indexName(index.indexName())
                        .keyConditionExpression("#c = :c AND #at BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#c", index.partitionKey(), "#at", index.sortKey()))
                        // half-open span: the end instant minus one nanosecond is the last one inside
                        .expressionAttributeValues(Map.of(
                                ":c",
                                s(customerId),
                                ":from",
                                s(sortable(span.start())),
                                ":to",
                                s(sortable(span.end().minusNanos(1))))))
                .stream()
                .map(TicketItems::numberOf)
                .toList();
    }

    @Override
    public List<Ticket> openForReseller(String resellerId) {
        return snapshots(Indexes.TICKETS_BY_RESELLER, "RESELLER#" + resellerId + "#open", false);
    }

    /**
     * One page of the {@code by-reseller} index's {@code RESELLER#r#done} partition, newest first:
     * one item more than asked says whether an older page exists. The page's start is the last
     * shown snapshot's key (its pk and sk with the index's keys), rebuilt from {@link After}.
     */
    @Override
    public ListPage doneForReseller(String resellerId, After after, int limit) {
        IndexRef index = Indexes.TICKETS_BY_RESELLER;
        String key = "RESELLER#" + resellerId + "#done";
        Map<String, AttributeValue> start = after == null
                ? null
                : Map.of(
                        "pk",
                        s(TicketItems.ticketKey(after.number())),
                        "sk",
                        s("TICKET"),
                        index.partitionKey(),
                        s(key),
                        index.sortKey(),
                        s(sortable(after.createdAt())));
        QueryResponse page = dynamo.query(b -> b.tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#k = :k")
                .expressionAttributeNames(Map.of("#k", index.partitionKey()))
                .expressionAttributeValues(Map.of(":k", s(key)))
                .scanIndexForward(false)
                .limit(limit + 1)
                .exclusiveStartKey(start));
        List<Ticket> found = page.items().stream().map(TicketItems::view).toList();
        List<Ticket> shown = found.subList(0, Math.min(limit, found.size()));
        return new ListPage(shown, found.size() > limit ? After.of(shown.get(shown.size() - 1)) : null);
    }

    @Override
    public List<Ticket> queue() {
        return snapshots(Indexes.TICKETS_QUEUE, "OPEN", true);
    }

    /**
     * The head of the queue index: {@code queue = OPEN AND begins_with(queueOrder, "1#")}. A plain
     * Query loop (sla-check runs it every minute and on its cold start; open P1s are few).
     */
    @Override
    public List<Ticket> openP1() {
        IndexRef index = Indexes.TICKETS_QUEUE;
        List<Ticket> open = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table)
                    .indexName(index.indexName())
                    .keyConditionExpression("#k = :k AND begins_with(#o, :p1)")
                    .expressionAttributeNames(Map.of("#k", index.partitionKey(), "#o", index.sortKey()))
                    .expressionAttributeValues(Map.of(":k", s("OPEN"), ":p1", s("1#")))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> open.add(TicketItems.view(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return open;
    }

    private List<Ticket> snapshots(IndexRef index, String key, boolean ascending) {
        return queryAll(QueryRequest.builder()
                        .tableName(table)
                        .indexName(index.indexName())
                        .keyConditionExpression("#k = :k")
                        .expressionAttributeNames(Map.of("#k", index.partitionKey()))
                        .expressionAttributeValues(Map.of(":k", s(key)))
                        .scanIndexForward(ascending))
                .stream()
                .map(TicketItems::view)
                .toList();
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest.Builder query) {
        return dynamo.queryPaginator(query.build()).items().stream().toList();
    }

    private void putEventIfAbsent(String number, TicketEvent event) {
        Map<String, AttributeValue> item = TicketItems.eventItem(number, event);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException duplicate) {
            // the same event again (a retried request or redelivered message): stored once
        } catch (DynamoDbException refused) {
            TicketItems.unstorable(number, event, refused); // the ticket stays usable; rethrows anything else
        }
    }
}
