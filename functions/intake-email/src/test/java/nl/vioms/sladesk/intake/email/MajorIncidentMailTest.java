package nl.vioms.sladesk.intake.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 19 through the real e-mail intake: while the hosted voice platform has a major incident,
 * a customer's mail "Geen kiestoon" becomes a child of it; SES delivering the same mail again
 * (same Message-ID, another SES id) is the same ticket, linked once.
 */
@ExtendWith(AwsEmulators.class)
class MajorIncidentMailTest {
    /** Tue 13 Apr 2027 11:00 Amsterdam (UTC+2): after every other intake test's mail. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-04-13T09:00:00Z"));

    @Test
    void aRedeliveredMailIsLinkedOnce(LocalAws aws) throws Exception {
        Environment env = aws.environmentOf("IntakeEmailFunction");
        aws.seed("demo");
        var handler = new IntakeEmailHandler(env, aws.clients(), CLOCK);
        var store = new TicketRepository(
                aws.clients().dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
        TicketService tickets = new Services(env, aws.clients(), CLOCK).ticketService();

        // operations' P1 for a hosted-pbx customer, declared the platform's major incident
        var customer = new Services(env, aws.clients(), CLOCK)
                .directory()
                .customer("tandarts-smit")
                .orElseThrow();
        String major = tickets.open(
                        new Report(
                                TicketKind.INCIDENT,
                                Channel.API,
                                CLOCK.instant(),
                                "operations",
                                "Hosted platform onbereikbaar",
                                "",
                                "P1",
                                null,
                                "api",
                                "operations"),
                        customer,
                        "api#ops#mail-major-" + UUID.randomUUID())
                .ticket()
                .number();
        CLOCK.set(CLOCK.instant().plusSeconds(60));
        tickets.record(
                major,
                new TicketEvent(
                        "declare",
                        EventKind.DECLARE_MAJOR,
                        CLOCK.instant(),
                        "operations",
                        "api",
                        Map.of(
                                "majorService",
                                "platform:hosted-voice",
                                "serviceName",
                                "Hosted voice",
                                "carries",
                                "hosted-pbx")));
        try {
            byte[] raw = ("From: jan@bakkerij-devries.nl\r\nTo: support@vioms.nl\r\nSubject: Geen kiestoon\r\n"
                            + "Message-ID: <" + UUID.randomUUID() + "@bakkerij-devries.nl>\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\n\r\nAlle toestellen stil.\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            var first = deliver(aws, env, handler, raw, "2027-04-13T09:02:00.000Z");
            var again = deliver(aws, env, handler, raw, "2027-04-13T09:02:05.000Z");

            assertEquals(MailIntake.Outcome.Kind.OPENED, first.kind());
            assertEquals(MailIntake.Outcome.Kind.DUPLICATE, again.kind());
            assertEquals(first.ticketNumber(), again.ticketNumber());
            assertEquals(
                    major,
                    store.find(first.ticketNumber()).orElseThrow().ticket().parent());
            assertEquals(1, store.childCount(major), "linked once");
        } finally {
            CLOCK.set(CLOCK.instant().plusSeconds(600));
            tickets.record(
                    major,
                    new TicketEvent("resolve", EventKind.RESOLVED, CLOCK.instant(), "operations", "api", Map.of()));
        }
    }

    /** Stores the raw mail where SES would and hands the handler SES's S3 notification for it (trusted sender). */
    private static MailIntake.Outcome deliver(
            LocalAws aws, Environment env, IntakeEmailHandler handler, byte[] raw, String receivedAt) throws Exception {
        String sesId = "ses-" + UUID.randomUUID();
        String key = "inbound/" + sesId;
        aws.clients()
                .s3()
                .putObject(b -> b.bucket(env.require(EnvVar.MAIL_BUCKET)).key(key), RequestBody.fromBytes(raw));
        SNSEvent sample = LambdaEvents.load("intake-email/ses-s3.json", SNSEvent.class);
        ObjectNode notification = (ObjectNode)
                DatabindJson.MAPPER.readTree(sample.getRecords().get(0).getSNS().getMessage());
        ((ObjectNode) notification.get("mail")).put("messageId", sesId).put("timestamp", receivedAt);
        ((ObjectNode) notification.get("receipt").get("action")).put("objectKey", key);
        for (String verdict :
                new String[] {"spfVerdict", "dkimVerdict", "dmarcVerdict", "spamVerdict", "virusVerdict"}) {
            ((ObjectNode) notification.get("receipt")).putObject(verdict).put("status", "PASS");
        }
        return handler.take(sesId, DatabindJson.MAPPER.writeValueAsString(notification))
                .orElseThrow();
    }
}
