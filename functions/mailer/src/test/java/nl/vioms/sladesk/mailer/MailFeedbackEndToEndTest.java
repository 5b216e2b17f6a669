package nl.vioms.sladesk.mailer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.mail.MailRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SES's events through MailFeedbackTopic's SNS event into the real handler, on the DynamoDB emulator. */
@ExtendWith(AwsEmulators.class)
class MailFeedbackEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-12-04T11:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private LocalAws aws;
    private Environment env;
    private MailRepository mail;
    private TicketService tickets;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.environmentOf("MailFeedbackFunction");
        Services services = new Services(env, aws.clients(), clock);
        this.mail = services.mail();
        this.tickets = services.ticketService();
        aws.seed("demo");
    }

    @Test
    void aPermanentBounceSuppressesTheAddressAndIsRecordedOnTheTicket() {
        String to = fresh();
        String ticket = openTicket();
        String sesId = UUID.randomUUID().toString();

        take(Json.write(Map.of(
                "eventType",
                "Bounce",
                "bounce",
                Map.of(
                        "bounceType",
                        "Permanent",
                        "bounceSubType",
                        "General",
                        "bouncedRecipients",
                        List.of(Map.of("emailAddress", to))),
                "mail",
                mailOf(sesId, ticket, to))));

        var suppression = mail.suppression(to).orElseThrow();
        assertEquals("bounce-permanent", suppression.reason());
        assertEquals(NOW, suppression.at());
        TicketEvent event = eventOf(ticket, MailFeedback.bouncedEventId(sesId, to));
        assertEquals(EventKind.MAIL_BOUNCED, event.kind());
        assertEquals(Map.of("to", to, "type", "permanent"), event.data());
    }

    @Test
    void aComplaintInTheOlderNotificationShapeSuppressesToo() {
        String to = fresh();
        String ticket = openTicket();
        String sesId = UUID.randomUUID().toString();

        take(Json.write(Map.of(
                "notificationType",
                "Complaint",
                "complaint",
                Map.of("complainedRecipients", List.of(Map.of("emailAddress", to.toUpperCase()))),
                "mail",
                mailOf(sesId, ticket, to))));

        assertEquals("complaint", mail.suppression(to).orElseThrow().reason());
        assertEquals(
                "complaint",
                eventOf(ticket, MailFeedback.bouncedEventId(sesId, to)).data().get("type"));
    }

    @Test
    void aTransientBounceSuppressesNothingButIsRecorded() {
        String to = fresh();
        String ticket = openTicket();
        String sesId = UUID.randomUUID().toString();

        take(Json.write(Map.of(
                "eventType",
                "Bounce",
                "bounce",
                Map.of("bounceType", "Transient", "bouncedRecipients", List.of(Map.of("emailAddress", to))),
                "mail",
                mailOf(sesId, ticket, to))));

        assertFalse(mail.isSuppressed(to));
        assertEquals(
                "transient",
                eventOf(ticket, MailFeedback.bouncedEventId(sesId, to)).data().get("type"));
    }

    @Test
    void garbageAndUnknownShapesAreIgnored() {
        take("not json at all");
        take("{\"eventType\": \"Bounce\", \"bounce\": \"nonsense\"}");
        take("{\"eventType\": \"Delivery\", \"mail\": {\"messageId\": \"x\"}}");
        LambdaInvoke.invokeJson(new MailFeedbackHandler(env, aws.clients(), clock), "{\"Records\": \"no\"}", null);

        assertTrue(true, "nothing thrown");
    }

    private void take(String message) {
        Map<String, Object> event = Map.of(
                "Records",
                List.of(Map.of(
                        "EventSource",
                        "aws:sns",
                        "Sns",
                        Map.of("MessageId", UUID.randomUUID().toString(), "Message", message))));
        LambdaInvoke.invokeJson(new MailFeedbackHandler(env, aws.clients(), clock), Json.write(event), null);
    }

    private static Map<String, Object> mailOf(String sesId, String ticket, String to) {
        return Map.of(
                "messageId",
                sesId,
                "destination",
                List.of(to),
                "tags",
                Map.of("ticket", List.of(ticket), "kind", List.of("acknowledgement")));
    }

    private TicketEvent eventOf(String ticket, String id) {
        return tickets.view(ticket).orElseThrow().history().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private String openTicket() {
        var customer = new DirectoryRepository(
                        aws.clients().dynamo(), aws.resources().tableName("DirectoryTable"))
                .customer("bakkerij-devries")
                .orElseThrow();
        var report = new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                clock.instant(),
                "+31201234567",
                "Niemand kan bellen",
                "Niemand kan bellen",
                "P3",
                null,
                "phone:support",
                "telephony:test");
        return tickets.open(report, customer, "test#" + UUID.randomUUID())
                .ticket()
                .number();
    }

    private static String fresh() {
        return "klant-" + UUID.randomUUID() + "@example.nl";
    }
}
