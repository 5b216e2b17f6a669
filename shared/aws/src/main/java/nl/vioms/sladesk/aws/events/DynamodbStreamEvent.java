package nl.vioms.sladesk.aws.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;

/**
 * A DynamoDB stream batch as Lambda delivers it ({@code Records[]}), with the members a function
 * reads: the event name, and of {@code dynamodb} the keys, the new image and the sequence number.
 * Attributes are kept as their string values ({@code S}); attributes of other types and every other
 * member (old image, sizes, the ARN, members AWS adds later) are ignored. Mapped by hand from
 * jackson-jr's tree, not bound by reflection (decision 17).
 */
public record DynamodbStreamEvent(List<StreamRecord> records) {
    public DynamodbStreamEvent {
        records = List.copyOf(records);
    }

    /** One change: {@code INSERT}, {@code MODIFY} or {@code REMOVE}. */
    public record StreamRecord(String eventName, StreamChange dynamodb) {}

    /**
     * The change's {@code Keys} and {@code NewImage} as attribute name to string value, and its
     * {@code SequenceNumber} (the batch item failure's identifier), which may be null.
     */
    public record StreamChange(Map<String, String> keys, Map<String, String> newImage, String sequenceNumber) {
        public StreamChange {
            keys = Map.copyOf(keys);
            newImage = Map.copyOf(newImage);
        }
    }

    /** From the event's JSON object; absent members are null or empty, a wrong shape is refused. */
    public static DynamodbStreamEvent from(Map<String, Object> event) {
        List<StreamRecord> records = new ArrayList<>();
        for (Map<String, Object> record : Json.objects(event, "Records")) {
            Map<String, Object> change = Json.object(record, "dynamodb");
            records.add(new StreamRecord(
                    Json.string(record, "eventName"),
                    new StreamChange(
                            strings(Json.object(change, "Keys")),
                            strings(Json.object(change, "NewImage")),
                            Json.string(change, "SequenceNumber"))));
        }
        return new DynamodbStreamEvent(records);
    }

    /** The string attributes ({@code {"name": {"S": "value"}}}) of an item image. */
    private static Map<String, String> strings(Map<String, Object> image) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : image.keySet()) {
            Object value = image.get(name);
            if (value instanceof Map) {
                String s = Json.string(Json.object(image, name), "S");
                if (s != null) {
                    out.put(name, s);
                }
            }
        }
        return out;
    }
}
