package nl.vioms.sladesk.aws.outbox;

import static nl.vioms.sladesk.aws.Attr.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.mail.MailThreads;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.Indexes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The outbox table. Keys: {@code id} (partition). Index {@code by-state}: deliveryState +
 * createdAt. Every state change is conditional, so a retried or concurrent delivery cannot undo
 * another's work.
 *
 * <p>A mail message (topic {@code MAIL}, issue 16) also carries {@code thread} (its ticket number, or
 * {@code maintenance#<window>}; sparse index {@code by-thread}) and, once SES accepted it,
 * {@code sesMessageId} and {@code mailMessageId} (the Message-ID its recipient sees, without brackets,
 * lower case; sparse index {@code by-mail-id}); a mail not sent on purpose is SKIPPED with {@code skipReason}.
 */
public final class OutboxRepository implements MailThreads {
    private final DynamoDbClient dynamo;
    private final String table;

    public OutboxRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Writes a new message; false when one with this id exists already (idempotent). */
    public boolean add(OutboxMessage message) {
        try {
            dynamo.putItem(
                    b -> b.tableName(table).item(toItem(message)).conditionExpression("attribute_not_exists(id)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    public Optional<OutboxMessage> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("id", s(id))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Records the publication of a pending message, or of a failed one a retry got through. False
     * when it was delivered already (another delivery got there first): the caller has nothing to undo.
     */
    public boolean markDelivered(String id, String snsMessageId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET deliveryState = :delivered, deliveredAt = :at, snsMessageId = :mid")
                    .conditionExpression("deliveryState IN (:pending, :failed)")
                    .expressionAttributeValues(Map.of(
                            ":delivered", s(DeliveryState.DELIVERED.name()),
                            ":pending", s(DeliveryState.PENDING.name()),
                            ":failed", s(DeliveryState.FAILED.name()),
                            ":at", s(at.toString()),
                            ":mid", s(snsMessageId))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /**
     * Records that SES accepted a mail: DELIVERED, when, SES's message id and the Message-ID header
     * the recipient sees ({@code <mailMessageId>}, stored without brackets, lower case). False when the
     * message is no longer pending.
     */
    public boolean markMailAccepted(String id, String sesMessageId, String mailMessageId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET deliveryState = :delivered, deliveredAt = :at, sesMessageId = :ses,"
                            + " mailMessageId = :mail")
                    .conditionExpression("deliveryState = :pending")
                    .expressionAttributeValues(Map.of(
                            ":delivered", s(DeliveryState.DELIVERED.name()),
                            ":pending", s(DeliveryState.PENDING.name()),
                            ":at", s(at.toString()),
                            ":ses", s(sesMessageId),
                            ":mail", s(bare(mailMessageId)))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /** Records that a mail is not sent on purpose (own address, suppressed, hourly limit). False when not pending. */
    public boolean markSkipped(String id, String reason, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET deliveryState = :skipped, skippedAt = :at, skipReason = :reason")
                    .conditionExpression("deliveryState = :pending")
                    .expressionAttributeValues(Map.of(
                            ":skipped", s(DeliveryState.SKIPPED.name()),
                            ":pending", s(DeliveryState.PENDING.name()),
                            ":at", s(at.toString()),
                            ":reason", s(reason))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /** A mail message with what the mailer recorded on it (null until it did). */
    public record MailRecord(
            OutboxMessage message, String thread, String sesMessageId, String mailMessageId, String skipReason) {}

    /** Every mail of a thread (a ticket number, or {@code maintenance#<window>}), oldest first: by-thread. */
    public List<MailRecord> mailsOf(String thread) {
        var index = Indexes.OUTBOX_BY_THREAD;
        var request = QueryRequest.builder()
                .tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#thread = :thread")
                .expressionAttributeNames(Map.of("#thread", index.partitionKey()))
                .expressionAttributeValues(Map.of(":thread", s(thread)))
                .build();
        return dynamo.queryPaginator(request).items().stream()
                .map(OutboxRepository::mailRecord)
                .toList();
    }

    /** The mails in one delivery state, oldest first (the by-state index, as {@link #listByState}). */
    public List<MailRecord> mailsByState(DeliveryState state, int limit) {
        var index = Indexes.OUTBOX_BY_STATE;
        var request = QueryRequest.builder()
                .tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#state = :state")
                .filterExpression("#topic = :mail")
                .expressionAttributeNames(Map.of("#state", index.partitionKey(), "#topic", "topic"))
                .expressionAttributeValues(
                        Map.of(":state", s(state.name()), ":mail", s(OutboxMessage.Topic.MAIL.name())))
                .build();
        return dynamo.queryPaginator(request).items().stream()
                .limit(limit)
                .map(OutboxRepository::mailRecord)
                .toList();
    }

    /**
     * The mail whose recipient saw this Message-ID (with or without brackets, any case), e.g. a reply's
     * In-Reply-To; a Query on by-mail-id.
     */
    public Optional<MailRecord> byMailMessageId(String messageId) {
        var index = Indexes.OUTBOX_BY_MAIL_ID;
        var request = QueryRequest.builder()
                .tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#mid = :mid")
                .expressionAttributeNames(Map.of("#mid", index.partitionKey()))
                .expressionAttributeValues(Map.of(":mid", s(bare(messageId))))
                .build();
        return dynamo.queryPaginator(request).items().stream().findFirst().map(OutboxRepository::mailRecord);
    }

    @Override
    public Optional<String> ticketOf(String messageId) {
        return byMailMessageId(messageId)
                .map(r -> OutboundMail.fromJson(r.message().body()).ticket());
    }

    /** A Message-ID as the by-mail-id index keeps it: no angle brackets, lower case. */
    public static String bare(String messageId) {
        String id = messageId.trim();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** The thread of a mail: its ticket, or {@code maintenance#<window>}; null when it has neither. */
    public static String threadOf(OutboundMail mail) {
        if (mail.ticket() != null) {
            return mail.ticket();
        }
        return mail.window() != null ? "maintenance#" + mail.window() : null;
    }

    private static MailRecord mailRecord(Map<String, AttributeValue> item) {
        return new MailRecord(
                fromItem(item),
                Attr.string(item, "thread"),
                Attr.string(item, "sesMessageId"),
                Attr.string(item, "mailMessageId"),
                Attr.string(item, "skipReason"));
    }

    /**
     * Asks for another delivery of a message still pending or FAILED: it becomes pending again and
     * the change reaches the escalation function through the table's stream (a MODIFY to a pending
     * message). For messages whose stream retries ran out; the one place the sla-check sweep, the
     * CLI ({@code ./sladesk escalations --redrive}) and the console's escalations page redrive
     * through. False when it was delivered meanwhile, or is unknown.
     */
    public boolean redrive(String id, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET redriveAt = :at, deliveryState = :pending ADD redrives :one")
                    .conditionExpression("deliveryState IN (:pending, :failed)")
                    .expressionAttributeValues(Map.of(
                            ":at",
                            s(at.toString()),
                            ":one",
                            AttributeValue.fromN("1"),
                            ":pending",
                            s(DeliveryState.PENDING.name()),
                            ":failed",
                            s(DeliveryState.FAILED.name()))));
            return true;
        } catch (ConditionalCheckFailedException deliveredOrUnknown) {
            return false;
        }
    }

    /** The longest error text kept on a message: the cause's first line, not a stack trace. */
    static final int MAX_ERROR = 500;

    /**
     * Records a delivery attempt that failed (SNS refused, timed out): FAILED, one more attempt, the
     * error and when. A FAILED message leaves the stream's filter (pending only), so recording this
     * starts no new delivery; Lambda's own retries of the record still deliver it (the publisher
     * takes a FAILED message as deliverable), and once they run out it waits for a redrive. False
     * when it was delivered meanwhile or is unknown.
     */
    public boolean recordFailure(String id, String error, Instant at) {
        String text = error == null || error.isBlank() ? "onbekende fout" : error.strip();
        String kept = text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression(
                            "SET deliveryState = :failed, lastError = :error, failedAt = :at" + " ADD attempts :one")
                    .conditionExpression("deliveryState IN (:pending, :failed)")
                    .expressionAttributeValues(Map.of(
                            ":failed", s(DeliveryState.FAILED.name()),
                            ":pending", s(DeliveryState.PENDING.name()),
                            ":error", s(kept),
                            ":at", s(at.toString()),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException deliveredOrUnknown) {
            return false;
        }
    }

    /**
     * An escalation or notification with its delivery history, as operations look at it.
     *
     * @param attempts    failed delivery attempts recorded ({@link #recordFailure})
     * @param lastError   the last failure's error, or null
     * @param failedAt    when it last failed, or null
     * @param redrives    how often it was asked for again
     */
    public record Delivery(OutboxMessage message, int attempts, String lastError, Instant failedAt, int redrives) {}

    /**
     * Escalations and notifications (every topic but MAIL) in one state, newest first: a Query on
     * by-state (partition deliveryState, sort createdAt descending), mail filtered out.
     */
    public List<Delivery> deliveries(DeliveryState state, int limit) {
        var index = Indexes.OUTBOX_BY_STATE;
        var request = QueryRequest.builder()
                .tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#state = :state")
                .filterExpression("#topic <> :mail")
                .expressionAttributeNames(Map.of("#state", index.partitionKey(), "#topic", "topic"))
                .expressionAttributeValues(
                        Map.of(":state", s(state.name()), ":mail", s(OutboxMessage.Topic.MAIL.name())))
                .scanIndexForward(false)
                .build();
        return dynamo.queryPaginator(request).items().stream()
                .limit(limit)
                .map(OutboxRepository::delivery)
                .toList();
    }

    /** One message with its delivery history (GetItem, consistent). */
    public Optional<Delivery> delivery(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("id", s(id))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(delivery(item));
    }

    private static Delivery delivery(Map<String, AttributeValue> item) {
        String failedAt = Attr.string(item, "failedAt");
        return new Delivery(
                fromItem(item),
                count(item, "attempts"),
                Attr.string(item, "lastError"),
                failedAt == null ? null : Instant.parse(failedAt),
                count(item, "redrives"));
    }

    private static int count(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }

    /** Messages in one state, oldest first (query on the by-state index, never a scan). */
    public List<OutboxMessage> listByState(DeliveryState state, int limit) {
        var index = Indexes.OUTBOX_BY_STATE;
        var request = QueryRequest.builder()
                .tableName(table)
                .indexName(index.indexName())
                .keyConditionExpression("#state = :state")
                .expressionAttributeNames(Map.of("#state", index.partitionKey()))
                .expressionAttributeValues(Map.of(":state", s(state.name())))
                .limit(limit)
                .build();
        return dynamo.queryPaginator(request).items().stream()
                .limit(limit)
                .map(OutboxRepository::fromItem)
                .toList();
    }

    /** The item of a message, for a transaction that writes it with the change it announces. */
    public static Map<String, AttributeValue> toItem(OutboxMessage m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(m.id()));
        item.put("topic", s(m.topic().name()));
        item.put("body", s(m.body()));
        item.put("createdAt", s(Attr.sortable(m.createdAt()))); // fixed width: the by-state sort key
        item.put("deliveryState", s(m.state().name()));
        if (!m.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            m.attributes().forEach((k, v) -> attributes.put(k, s(v)));
            item.put("attributes", AttributeValue.fromM(attributes));
        }
        if (m.deliveredAt() != null) {
            item.put("deliveredAt", s(m.deliveredAt().toString()));
        }
        if (m.snsMessageId() != null) {
            item.put("snsMessageId", s(m.snsMessageId()));
        }
        if (m.topic() == OutboxMessage.Topic.MAIL) {
            String thread = threadOf(OutboundMail.fromJson(m.body()));
            if (thread != null) {
                item.put("thread", s(thread)); // the sparse by-thread index
            }
        }
        return item;
    }

    static OutboxMessage fromItem(Map<String, AttributeValue> item) {
        Map<String, String> attributes = new HashMap<>();
        if (item.containsKey("attributes")) {
            item.get("attributes").m().forEach((k, v) -> attributes.put(k, v.s()));
        }
        return new OutboxMessage(
                item.get("id").s(),
                OutboxMessage.Topic.valueOf(item.get("topic").s()),
                attributes,
                item.get("body").s(),
                Instant.parse(item.get("createdAt").s()),
                DeliveryState.valueOf(item.get("deliveryState").s()),
                item.containsKey("deliveredAt")
                        ? Instant.parse(item.get("deliveredAt").s())
                        : null,
                item.containsKey("snsMessageId") ? item.get("snsMessageId").s() : null);
    }
}
