package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;

/** Handlers of runtime/flaky-template.yaml that fail on purpose, and remember what they were given. */
final class FlakyHandlers {
    private FlakyHandlers() {}

    /** Reports the first record whose key starts with "bad" as failed; remembers each batch's keys. */
    public static final class Stream implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();

        public Stream(Environment env, AwsClients clients, Clock clock) {}

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
            List<String> keys = new ArrayList<>();
            String failed = null;
            for (var record : event.getRecords()) {
                String key = record.getDynamodb().getKeys().get("pk").getS();
                keys.add(record.getEventName() + ":" + key);
                if (failed == null && key.startsWith("bad")) {
                    failed = record.getDynamodb().getSequenceNumber();
                }
            }
            BATCHES.add(keys);
            return new StreamsEventResponse(
                    failed == null ? List.of() : List.of(new StreamsEventResponse.BatchItemFailure(failed)));
        }
    }

    /** Always fails; remembers the clock's time of each attempt. */
    public static final class Scheduled implements RequestHandler<Map<String, Object>, Void> {
        static final List<Instant> ATTEMPTS = new CopyOnWriteArrayList<>();
        private final Clock clock;

        public Scheduled(Environment env, AwsClients clients, Clock clock) {
            this.clock = clock;
        }

        @Override
        public Void handleRequest(Map<String, Object> event, Context context) {
            ATTEMPTS.add(clock.instant());
            throw new IllegalStateException("flaky on purpose at " + event.get("time"));
        }
    }
}
