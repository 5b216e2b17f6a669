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
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.events.SnsEvent;

/**
 * SES's events about sent mail (bounces, complaints, rejects, delays), published by the
 * configuration set to MailFeedbackTopic -> {@link MailFeedback}. An unreadable event is logged
 * and ignored; a DynamoDB failure is thrown, so Lambda retries the invocation.
 */
public final class MailFeedbackHandler implements RequestStreamHandler {
    private final MailFeedback feedback;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public MailFeedbackHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public MailFeedbackHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.feedback = new MailFeedback(services.mail(), services.ticketService(), clock);
        this.invocations = new Invocations(env);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> take(Json.readEvent(event)));
    }

    private void take(Map<String, Object> event) {
        SnsEvent notifications;
        try {
            notifications = SnsEvent.from(event);
        } catch (RuntimeException garbage) {
            Log.warn("mail.feedback-not-sns", Map.of("error", String.valueOf(garbage.getMessage())));
            return;
        }
        for (SnsEvent.SnsRecord record : notifications.records()) {
            feedback.take(record.sns().messageId(), record.sns().message());
        }
    }
}
