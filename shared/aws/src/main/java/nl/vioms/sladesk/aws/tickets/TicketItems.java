package nl.vioms.sladesk.aws.tickets;

import static nl.vioms.sladesk.aws.Attr.instant;
import static nl.vioms.sladesk.aws.Attr.number;
import static nl.vioms.sladesk.aws.Attr.putIfPresent;
import static nl.vioms.sladesk.aws.Attr.s;
import static nl.vioms.sladesk.aws.Attr.sortable;
import static nl.vioms.sladesk.aws.Attr.string;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
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
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.watch.Checkpoint;
import nl.vioms.sladesk.core.watch.SlaWatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Tickets, events and snapshots as items of the tickets table and back (docs/data-model.md): the
 * snapshot item holds the facts fixed at creation and the derived view (status, priority,
 * deadlines, the keys of the reseller, queue and due indexes); an event item holds one event. Also
 * the conditional puts that commit a snapshot with its outbox messages in one transaction.
 */
final class TicketItems {
    /** Write shards of the due index: enough to spread a burst of writes, few for a sweep to query. */
    static final int DUE_SHARDS = 8;
    /** Bytes of an event id a sort key holds as it is (the key's limit is 1 024). */
    static final int MAX_ID_IN_KEY = 256;

    private TicketItems() {}

    /** The condition of a snapshot write: no ticket yet, or the version read. */
    record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        static final Condition ABSENT = new Condition("attribute_not_exists(pk)", null, null);

        static Condition atVersion(long version) {
            return new Condition(
                    "#v = :expected",
                    Map.of("#v", "version"),
                    Map.of(":expected", AttributeValue.fromN(Long.toString(version))));
        }
    }

    /** The snapshot's conditional put in a transaction. */
    static TransactWriteItem snapshotWrite(String table, Map<String, AttributeValue> snapshot, Condition condition) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(snapshot)
                        .conditionExpression(condition.expression())
                        .expressionAttributeNames(condition.names())
                        .expressionAttributeValues(condition.values())
                        .build())
                .build();
    }

    /** An outbox message's put in a transaction: written once (a message already there fails it). */
    static TransactWriteItem outboxWrite(String outboxTable, OutboxMessage message) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(outboxTable)
                        .item(OutboxRepository.toItem(message))
                        .conditionExpression("attribute_not_exists(id)")
                        .build())
                .build();
    }

    static String ticketKey(String number) {
        return "TICKET#" + number;
    }

    /** The ticket number of an item of the tickets table (snapshot or event). */
    static String numberOf(Map<String, AttributeValue> item) {
        return string(item, "pk").substring("TICKET#".length());
    }

    static Map<String, AttributeValue> eventItem(String number, TicketEvent event) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(ticketKey(number)));
        item.put("sk", s("EVENT#" + sortable(event.at()) + "#" + keyPart(event.id())));
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

    /**
     * An event id as part of a sort key: as it is, or, when longer than {@value #MAX_ID_IN_KEY}
     * bytes (ids from before the API checked them, issue 15 item 2), its SHA-256, so the key stays
     * far below DynamoDB's 1 024 bytes; the id itself is kept whole in {@code eventId}.
     */
    static String keyPart(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_ID_IN_KEY) {
            return id;
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An event item DynamoDB refuses as invalid (a key over 1 024 bytes, from before ids were
     * checked, issue 15 item 2): the event stays the snapshot's pending event, so the ticket can
     * still be read and written; logged as an error for operations. Anything else is rethrown.
     */
    /** The metric of an event item DynamoDB refused (template.yaml's TicketEventUnstorableAlarm). */
    static final String UNSTORABLE_METRIC = "TicketEventUnstorable";

    static void unstorable(String number, TicketEvent event, DynamoDbException refused) {
        boolean invalid = refused.awsErrorDetails() != null
                && "ValidationException".equals(refused.awsErrorDetails().errorCode());
        if (!invalid) {
            throw refused;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ticket", number);
        fields.put("kind", event.kind().wireName());
        fields.put("error", String.valueOf(refused));
        // an embedded metric, so TicketEventUnstorableAlarm tells operations (issue 15 item 2)
        EmbeddedMetric.count(UNSTORABLE_METRIC).into(fields);
        Log.error("ticket.event-unstorable", fields, refused);
    }

    static TicketEvent toEvent(Map<String, AttributeValue> item) {
        Map<String, String> data = new LinkedHashMap<>();
        if (item.containsKey("data")) {
            item.get("data").m().forEach((k, v) -> data.put(k, v.s()));
        }
        return new TicketEvent(
                string(item, "eventId"),
                EventKind.valueOf(string(item, "kind")),
                instant(item, "at"),
                string(item, "actor"),
                string(item, "source"),
                data);
    }

    /** The snapshot item: facts fixed at creation, then the derived view. */
    static Map<String, AttributeValue> snapshot(Ticket t, ClockResult clocks, Set<Checkpoint> recorded) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(ticketKey(t.number())));
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
        // issue 19: the list view shows a child's major incident and a major incident's platform service
        putIfPresent(item, "parent", t.parent());
        putIfPresent(item, "majorService", t.majorService());
        boolean open = t.status().isOpen();
        if (t.resellerId() != null) {
            item.put("resellerKey", s("RESELLER#" + t.resellerId() + (open ? "#open" : "#done")));
        }
        if (open) {
            item.put("queue", s("OPEN"));
            String rank = t.isTimed() ? t.priority().name().substring(1) : "9";
            item.put("queueOrder", s(rank + "#" + sortable(t.createdAt()) + "#" + TicketNumber.sortKey(t.number())));
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

    /** The ticket as created, before any event: what the history folds onto. */
    static Ticket initial(Map<String, AttributeValue> item) {
        Priority priority = Priority.valueOf(string(item, "initialPriority"));
        TicketTimeline timeline =
                TicketTimeline.created(instant(item, "createdAt"), Channel.valueOf(string(item, "channel")), priority);
        return new Ticket(
                string(item, "number"),
                TicketKind.valueOf(string(item, "kind")),
                TicketStatus.OPEN,
                string(item, "customerId"),
                string(item, "customerName"),
                string(item, "resellerId"),
                SlaLevel.valueOf(string(item, "level")),
                string(item, "serviceId"),
                ServiceKind.valueOf(string(item, "serviceKind")),
                priority,
                string(item, "priorityReason"),
                string(item, "subject"),
                string(item, "reporter"),
                item.containsKey("triage") && item.get("triage").bool(),
                timeline,
                0);
    }

    /** A list entry: the snapshot's derived view, without history. */
    static Ticket view(Map<String, AttributeValue> item) {
        Ticket initial = initial(item);
        return new Ticket(
                initial.number(),
                initial.kind(),
                TicketStatus.valueOf(string(item, "status")),
                initial.customerId(),
                initial.customerName(),
                initial.resellerId(),
                initial.level(),
                initial.serviceId(),
                initial.serviceKind(),
                Priority.valueOf(string(item, "priority")),
                string(item, "priorityReason"),
                initial.subject(),
                initial.reporter(),
                initial.triage(),
                string(item, "parent"),
                string(item, "majorService"),
                initial.timeline(),
                number(item, "version"));
    }
}
