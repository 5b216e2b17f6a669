package nl.vioms.sladesk.escalation;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.outbox.OutboxMessage.Topic;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.events.DynamodbStreamEvent;
import nl.vioms.sladesk.aws.events.OutboxStream;
import nl.vioms.sladesk.aws.events.StreamsEventResponse;

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
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public EscalationHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public EscalationHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.publisher = new OutboxPublisher(
                services.outbox(),
                services.sns(),
                Map.of(
                        Topic.ESCALATIONS,
                        services.setting(EnvVar.ESCALATIONS_TOPIC_ARN),
                        Topic.OPERATIONS,
                        services.setting(EnvVar.OPERATIONS_TOPIC_ARN)),
                clock,
                // issue 19: a major incident's escalation carries its live number of linked reports
                services.environment().has(EnvVar.TICKETS_TABLE) ? services.ticketRepository()::childCount : null);
        this.invocations = new Invocations(env);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(
                context,
                () -> Json.writeResult(
                        out,
                        deliver(DynamodbStreamEvent.from(Json.readEvent(event))).toJson()));
    }

    /** The batch item failures: none, or the first record that failed (Lambda retries from it). */
    private StreamsEventResponse deliver(DynamodbStreamEvent event) {
        return OutboxStream.deliverEach(event, publisher::deliver, (id, sequenceNumber, e) -> {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("escalationId", id);
            failed.put("sequenceNumber", sequenceNumber);
            failed.put("error", String.valueOf(e.getMessage()));
            // issue 21: a failed attempt (Lambda retries it; the last one goes to the on-failure queue)
            Log.error(
                    "outbox.publish-failed",
                    EmbeddedMetric.count(OutboxPublisher.FAILED).into(failed),
                    e);
        });
    }
}
