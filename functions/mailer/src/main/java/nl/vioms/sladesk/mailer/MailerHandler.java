package nl.vioms.sladesk.mailer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.events.DynamodbStreamEvent;
import nl.vioms.sladesk.aws.events.OutboxStream;
import nl.vioms.sladesk.aws.events.StreamsEventResponse;
import software.amazon.awssdk.regions.Region;

/**
 * The outbox table's stream, mail messages only (the event source mapping's filter) -> SES
 * (issue 16, decision 18). As the escalation function: a new message, or a pending one asked for
 * again (redrive), is sent; batch item failures report the first record that failed, so Lambda
 * retries from it and, when the retries run out, its record lands in MailDlq.
 */
public final class MailerHandler implements RequestStreamHandler {
    /** The hourly limit per address when MAIL_HOURLY_LIMIT is not set. */
    public static final int DEFAULT_HOURLY_LIMIT = 10;

    private final Mailer mailer;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public MailerHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public MailerHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.mailer = new Mailer(
                services.outbox(),
                services.mail(),
                services.ticketService(),
                services.monitoring(),
                services.ses(),
                new Mailer.Settings(
                        services.setting(EnvVar.SUPPORT_ADDRESS),
                        services.setting(EnvVar.MAIL_CONFIGURATION_SET),
                        Integer.parseInt(
                                env.optional(EnvVar.MAIL_HOURLY_LIMIT, Integer.toString(DEFAULT_HOURLY_LIMIT))),
                        Region.of(env.region())),
                clock);
        this.invocations = new Invocations(env);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(
                context,
                () -> Json.writeResult(
                        out,
                        send(DynamodbStreamEvent.from(Json.readEvent(event))).toJson()));
    }

    /** The batch item failures: none, or the first record that failed (Lambda retries from it). */
    private StreamsEventResponse send(DynamodbStreamEvent event) {
        return OutboxStream.deliverEach(
                event,
                mailer::deliver,
                (id, sequenceNumber, e) -> Log.error(
                        "mail.send-failed",
                        Map.of(
                                "outboxId",
                                id,
                                "sequenceNumber",
                                sequenceNumber,
                                "error",
                                String.valueOf(e.getMessage())),
                        e));
    }
}
