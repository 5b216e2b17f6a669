package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaEvents;

/** Stream records as the JSON Lambda hands a function (and filters on). */
final class StreamRecords {
    private StreamRecords() {}

    static DynamodbEvent event(List<DynamodbEvent.DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    static String json(List<DynamodbEvent.DynamodbStreamRecord> records) {
        return LambdaEvents.toJson(event(records), DynamodbEvent.class);
    }

    /** One record's JSON: the element of the event's Records array. */
    static String json(DynamodbEvent.DynamodbStreamRecord record) {
        try {
            return DatabindJson.write(DatabindJson.MAPPER
                    .readTree(json(List.of(record)))
                    .get("Records")
                    .get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
