package nl.vioms.sladesk.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing DynamoDB attribute values, where a missing attribute means null. */
public final class Attr {
    private Attr() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Puts a string attribute when the value is not null (DynamoDB stores no empty values for keys). */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, Object value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * An instant as fixed-width UTC text, for sort keys: ISO-8601's optional fraction would sort
     * 09:00:00.5Z before 09:00:00Z.
     */
    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    /** The item at a pk/sk key, read consistently; empty when there is none. */
    public static Optional<Map<String, AttributeValue>> getItem(
            DynamoDbClient dynamo, String table, String pk, String sk) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("pk", s(pk), "sk", s(sk))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
