package nl.vioms.sladesk.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Log;
import nl.vioms.sladesk.aws.outbox.OutboxMessage.Topic;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;

/**
 * The outbox table's stream -> SNS (R17). Reports batch item failures: the first record that
 * fails is returned, and Lambda retries from it, so nothing after it is lost either; records
 * already published are recognised and skipped on the retry.
 */
public final class EscalationHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
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
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            // a new message, or a pending one asked for again (redrive); delivery marks are ours
            boolean pendingAgain = "MODIFY".equals(record.getEventName()) && record.getDynamodb().getNewImage() != null
                    && record.getDynamodb().getNewImage().containsKey("deliveryState")
                    && "PENDING".equals(record.getDynamodb().getNewImage().get("deliveryState").getS());
            if (!"INSERT".equals(record.getEventName()) && !pendingAgain) continue;
            String sequenceNumber = record.getDynamodb().getSequenceNumber();
            String id = record.getDynamodb().getKeys().get("id").getS();
            try {
                publisher.deliver(id);
            } catch (RuntimeException e) {
                Log.error("outbox.publish-failed", Map.of("escalationId", id, "sequenceNumber", sequenceNumber,
                        "error", String.valueOf(e.getMessage())));
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
