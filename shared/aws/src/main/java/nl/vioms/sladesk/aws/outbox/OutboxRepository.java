package nl.vioms.sladesk.aws.outbox;

import static nl.vioms.sladesk.aws.Attr.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
public final class OutboxRepository {
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
     * Records the publication. False when the message is no longer pending (another delivery
     * got there first): the caller then has nothing to undo.
     */
    public boolean markDelivered(String id, String snsMessageId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET deliveryState = :delivered, deliveredAt = :at, snsMessageId = :mid")
                    .conditionExpression("deliveryState = :pending")
                    .expressionAttributeValues(Map.of(
                            ":delivered", s(DeliveryState.DELIVERED.name()),
                            ":pending", s(DeliveryState.PENDING.name()),
                            ":at", s(at.toString()),
                            ":mid", s(snsMessageId))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /**
     * Asks for another delivery of a message still pending: the change reaches the escalation
     * function through the table's stream again (a MODIFY of a pending message). For messages
     * whose stream retries ran out. False when it was delivered meanwhile.
     */
    public boolean redrive(String id, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(id)))
                    .updateExpression("SET redriveAt = :at ADD redrives :one")
                    .conditionExpression("deliveryState = :pending")
                    .expressionAttributeValues(Map.of(
                            ":at",
                            s(at.toString()),
                            ":one",
                            AttributeValue.fromN("1"),
                            ":pending",
                            s(DeliveryState.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException delivered) {
            return false;
        }
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
