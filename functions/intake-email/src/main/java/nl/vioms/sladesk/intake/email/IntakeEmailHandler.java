package nl.vioms.sladesk.intake.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.events.SnsEvent;
import nl.vioms.sladesk.intake.email.mail.InboundMail;
import nl.vioms.sladesk.intake.email.mail.MailParser;
import nl.vioms.sladesk.intake.email.mail.MalformedMailException;
import nl.vioms.sladesk.intake.email.mail.SesNotification;
import nl.vioms.sladesk.intake.email.mail.TrustPolicy;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SES receipt notifications from SNS -> the raw mail (inline in the notification, or in S3) ->
 * {@link MailIntake}. An inline mail is first written to the mail bucket, so every raw message is
 * kept. Any failure is thrown: Lambda retries the asynchronous invocation and then parks the
 * notification in the dead-letter queue (alarmed), so no mail is lost.
 *
 * <p>A stream entry: the SNS records are read with jackson-jr (only each message's id and text
 * matter), which keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class IntakeEmailHandler implements RequestStreamHandler, Resource {
    private final S3Client s3;
    private final String bucket;
    private final MailIntake intake;
    private final DirectoryRepository directory;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public IntakeEmailHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
        // SnapStart: primed before the snapshot (a no-op where there is none)
        Core.getGlobalContext().register(this);
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public IntakeEmailHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.s3 = services.s3();
        this.bucket = services.setting(EnvVar.MAIL_BUCKET);
        // a P1 on a 24x7 contract is escalated at creation (R17), so intake writes the outbox too
        this.directory = services.directory();
        // a reply whose subject lost the ticket number finds it by the Message-ID SES gave our mail
        this.intake = new MailIntake(
                directory,
                services.ticketService(),
                services.setting(EnvVar.SUPPORT_ADDRESS),
                TrustPolicy.defaults(),
                services.outbox());
        this.invocations = new Invocations(env);
    }

    /**
     * SnapStart priming, changing nothing: an SES set-up notice through the handler (SNS event,
     * notification JSON, log line), a small mail through the MIME parser and classifier classes,
     * and a directory GetItem for a sender that is not there. No ids are made and no clock value
     * is kept; pooled connections idle past their keep-alive are dropped before reuse.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
        String notice = Json.write(Map.of(
                "Records",
                List.of(Map.of(
                        "EventSource",
                        "aws:sns",
                        "Sns",
                        Map.of(
                                "MessageId",
                                "snapstart-priming",
                                "Message",
                                Json.write(Map.of(
                                        "notificationType",
                                        "AmazonSnsSubscriptionSucceeded",
                                        "message",
                                        "priming")))))));
        handleRequest(
                new ByteArrayInputStream(notice.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        MailParser.parse(("From: Priming <priming@snapstart.invalid>\r\nTo: support@vioms.nl\r\nSubject: priming\r\n"
                        + "Message-ID: <priming@snapstart.invalid>\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nGeen kiestoon\r\n"
                        + "--b\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Geen kiestoon</p>\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        directory.customerByEmail("priming@snapstart.invalid");
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to renew: clients and credentials renew themselves (see AwsClients); the next
        // invocation is this environment's cold start (priming ran through the handler)
        invocations.coldStartAgain();
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> take(SnsEvent.from(Json.readEvent(event))));
    }

    private void take(SnsEvent event) {
        for (SnsEvent.SnsRecord record : event.records()) {
            take(record.sns().messageId(), record.sns().message());
        }
    }

    /** One notification; returns what became of the mail (empty for SES's set-up notices). */
    public Optional<MailIntake.Outcome> take(String snsMessageId, String message) {
        SesNotification notification;
        try {
            notification = SesNotification.parse(message);
        } catch (IllegalArgumentException e) {
            Log.error(
                    "mail.bad-notification",
                    Map.of("snsMessageId", String.valueOf(snsMessageId), "error", e.getMessage()),
                    e);
            throw e; // retried, then kept in the dead-letter queue for a person
        }
        if (!notification.isReceived()) {
            Log.info(
                    "mail.notice",
                    Map.of("snsMessageId", String.valueOf(snsMessageId), "type", notification.notificationType()));
            return Optional.empty();
        }
        byte[] raw;
        String rawAt;
        if (notification.rawMessage() instanceof SesNotification.InS3 inS3) {
            raw = s3.getObjectAsBytes(b -> b.bucket(inS3.bucketName()).key(inS3.objectKey()))
                    .asByteArray();
            rawAt = "s3://" + inS3.bucketName() + "/" + inS3.objectKey();
        } else {
            raw = ((SesNotification.Inline) notification.rawMessage()).bytes();
            String key = "inline/" + notification.messageId();
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("message/rfc822"), RequestBody.fromBytes(raw));
            rawAt = "s3://" + bucket + "/" + key;
        }
        Optional<InboundMail> mail;
        try {
            mail = Optional.of(MailParser.parse(raw));
            if (!mail.get().defects().isEmpty()) {
                Log.info(
                        "mail.defects",
                        Map.of(
                                "sesMessageId",
                                notification.messageId(),
                                "defects",
                                mail.get().defects()));
            }
        } catch (MalformedMailException e) {
            Log.warn(
                    "mail.unreadable",
                    Map.of("sesMessageId", notification.messageId(), "error", e.getMessage(), "raw", rawAt));
            mail = Optional.empty();
        }
        var outcome = intake.take(
                mail,
                notification.receivedAt(),
                notification.messageId(),
                notification.source(),
                rawAt,
                notification.verdicts());
        Log.info(
                "mail.taken",
                Map.of(
                        "sesMessageId",
                        notification.messageId(),
                        "outcome",
                        outcome.kind().name(),
                        "ticket",
                        String.valueOf(outcome.ticketNumber()),
                        "reason",
                        outcome.reason()));
        return Optional.of(outcome);
    }
}
