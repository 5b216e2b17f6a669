package nl.vioms.sladesk.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.outbox.OutboxMessage.Topic;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;

/**
 * The outbox table's stream -> SNS (R17). Reports batch item failures: the first record that
 * fails is returned, and Lambda retries from it, so nothing after it is lost either; records
 * already published are recognised and skipped on the retry.
 *
 * <p>A stream entry: the records are read with jackson-jr (only the event name, the key and the
 * delivery state matter), which keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class EscalationHandler implements RequestStreamHandler {
    private final OutboxPublisher publisher;

    /** Lambda's constructor: runs once per execution environment. */
    public EscalationHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public EscalationHandler(Environment env, AwsClients clients, Clock clock) {
        AwsClients aws = clients != null ? clients : AwsClients.forLambda(env);
        this.publisher = new OutboxPublisher(
                new OutboxRepository(aws.dynamo(), env.require(EnvVar.OUTBOX_TABLE)),
                aws.sns(),
                Map.of(Topic.ESCALATIONS, env.require(EnvVar.ESCALATIONS_TOPIC_ARN),
                        Topic.OPERATIONS, env.require(EnvVar.OPERATIONS_TOPIC_ARN)),
                clock);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        Json.writeResult(out, Map.of("batchItemFailures", deliver(Json.readEvent(event))));
    }

    /** The batch item failures: none, or the first record that failed (Lambda retries from it). */
    private List<Map<String, String>> deliver(Map<String, Object> event) {
        for (Map<String, Object> record : Json.objects(event, "Records")) {
            Map<String, Object> change = Json.object(record, "dynamodb");
            String eventName = Json.string(record, "eventName");
            // a new message, or a pending one asked for again (redrive); delivery marks are ours
            boolean pendingAgain = "MODIFY".equals(eventName)
                    && "PENDING".equals(Json.string(Json.object(Json.object(change, "NewImage"), "deliveryState"), "S"));
            if (!"INSERT".equals(eventName) && !pendingAgain) continue;
            String sequenceNumber = Json.string(change, "SequenceNumber");
            String id = Json.string(Json.object(Json.object(change, "Keys"), "id"), "S");
            try {
                publisher.deliver(id);
            } catch (RuntimeException e) {
                Log.error("outbox.publish-failed", Map.of("escalationId", String.valueOf(id), "sequenceNumber",
                        String.valueOf(sequenceNumber), "error", String.valueOf(e.getMessage())));
                // no sequence number (not a stream record): an empty identifier fails the whole batch
                return List.of(Map.of("itemIdentifier", sequenceNumber == null ? "" : sequenceNumber));
            }
        }
        return List.of();
    }
}
