package nl.vioms.sladesk.aws.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;

/**
 * The SNS event Lambda delivers ({@code Records[].Sns}), with the members a function reads: each
 * notification's id and text. Every other member (signatures, attributes, topic, the members AWS
 * adds later) is ignored. Mapped by hand from jackson-jr's tree, not bound by reflection
 * (decision 17).
 */
public record SnsEvent(List<SnsRecord> records) {
    public SnsEvent {
        records = List.copyOf(records);
    }

    /** One record of the event. */
    public record SnsRecord(Sns sns) {}

    /** The notification: {@code MessageId} and {@code Message}, either may be null. */
    public record Sns(String messageId, String message) {}

    /** From the event's JSON object; absent members are null or empty, a wrong shape is refused. */
    public static SnsEvent from(Map<String, Object> event) {
        List<SnsRecord> records = new ArrayList<>();
        for (Map<String, Object> record : Json.objects(event, "Records")) {
            Map<String, Object> sns = Json.object(record, "Sns");
            records.add(new SnsRecord(new Sns(Json.string(sns, "MessageId"), Json.string(sns, "Message"))));
        }
        return new SnsEvent(records);
    }
}
