package nl.vioms.sladesk.aws.attachments;

import static nl.vioms.sladesk.aws.Attr.s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.aws.Attr;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A ticket's attachments in the tickets table, beside its other items: pk {@code TICKET#<number>},
 * sk {@code ATTACHMENT#<id>} (docs/data-model.md). Reading a ticket ignores them (its query keeps
 * the snapshot and {@code EVENT#} items only); the ticket's attachments are one Query.
 */
public final class AttachmentRepository {
    static final String PREFIX = "ATTACHMENT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public AttachmentRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Records it once: the same upload recorded again (a reload of the redirect) is harmless. */
    public void record(Attachment a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk(a.ticket())));
        item.put("sk", s(PREFIX + a.id()));
        item.put("ticket", s(a.ticket()));
        item.put("id", s(a.id()));
        item.put("name", s(a.name()));
        item.put("contentType", s(a.contentType()));
        item.put("size", Attr.n(a.size()));
        item.put("key", s(a.key()));
        item.put("resellerId", s(a.resellerId()));
        item.put("uploadedBy", s(a.uploadedBy()));
        item.put("uploadedAt", s(a.uploadedAt().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // recorded before: the first record stands
        }
    }

    /** The ticket's attachments, oldest first. */
    public List<Attachment> of(String ticket) {
        return dynamo
                .query(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :a)")
                        .expressionAttributeValues(Map.of(":pk", s(pk(ticket)), ":a", s(PREFIX))))
                .items()
                .stream()
                .map(AttachmentRepository::toAttachment)
                .sorted((x, y) -> x.uploadedAt().compareTo(y.uploadedAt()))
                .toList();
    }

    public Optional<Attachment> find(String ticket, String id) {
        return Attr.getItem(dynamo, table, pk(ticket), PREFIX + id).map(AttachmentRepository::toAttachment);
    }

    private static String pk(String ticket) {
        return "TICKET#" + ticket;
    }

    private static Attachment toAttachment(Map<String, AttributeValue> item) {
        return new Attachment(
                Attr.string(item, "ticket"),
                Attr.string(item, "id"),
                Attr.string(item, "name"),
                Attr.string(item, "contentType"),
                Attr.number(item, "size"),
                Attr.string(item, "key"),
                Attr.string(item, "resellerId"),
                Attr.string(item, "uploadedBy"),
                Attr.instant(item, "uploadedAt"));
    }
}
