package nl.vioms.sladesk.mailer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.mail.MailRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.escalation.EscalationHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.SesMailStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mailer on the emulators (issue 16): real handler, template environment, DynamoDB and the SES
 * emulator, whose {@code GET /store} tells what was sent.
 */
@ExtendWith(AwsEmulators.class)
class MailerEndToEndTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:15:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private LocalAws aws;
    private Environment env;
    private OutboxRepository outbox;
    private MailRepository mail;
    private TicketService tickets;

    @BeforeEach
    void setUp(LocalAws aws) {
        this.aws = aws;
        this.env = aws.environmentOf("MailerFunction");
        Services services = new Services(env, aws.clients(), clock);
        this.outbox = services.outbox();
        this.mail = services.mail();
        this.tickets = services.ticketService();
        aws.seed("demo");
    }

    @Test
    void aMailIsSentOnceWithItsRecipientAndSubjectAndRecordedAsAccepted() {
        String to = fresh();
        String ticket = openTicket();
        String id = addMail(ticket, null, to, "[" + ticket + "] Storing ontvangen");

        var response = send(id);

        assertTrue(response.getBatchItemFailures().isEmpty());
        List<SesMailStore.Sent> sent = SesMailStore.to(aws.mailEndpoint(), to);
        assertEquals(1, sent.size());
        assertEquals("[" + ticket + "] Storing ontvangen", sent.get(0).subject());
        assertTrue(sent.get(0).from().contains("support@vioms.nl"), sent.get(0).from());
        assertTrue(sent.get(0).text().contains("Uw melding"), sent.get(0).text());
        var record = outbox.mailsOf(ticket).stream()
                .filter(m -> m.message().id().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(DeliveryState.DELIVERED, record.message().state());
        assertEquals(NOW, record.message().deliveredAt());
        assertEquals(sent.get(0).messageId(), record.sesMessageId());
        String seen = sent.get(0).messageId().toLowerCase() + "@eu-central-1.amazonses.com";
        assertEquals(seen, record.mailMessageId());
        assertEquals(
                id,
                outbox.byMailMessageId("<" + seen.toUpperCase() + ">")
                        .orElseThrow()
                        .message()
                        .id(),
                "a reply's In-Reply-To finds the mail");
    }

    @Test
    void aRedeliveredStreamRecordSendsNothingTheSecondTime() {
        String to = fresh();
        String id = addMail(openTicket(), null, to, "Storing ontvangen");

        send(id);
        var again = send(id);

        assertTrue(again.getBatchItemFailures().isEmpty());
        assertEquals(1, SesMailStore.to(aws.mailEndpoint(), to).size(), "one mail in all");
    }

    @Test
    void mailToOurOwnDomainIsSkippedAndRecordedOnTheTicket() {
        String ticket = openTicket();
        String id = addMail(ticket, null, "noc-" + UUID.randomUUID() + "@vioms.nl", "Storing ontvangen");

        send(id);

        assertSkipped(ticket, id, "own-address");
    }

    @Test
    void mailToASuppressedAddressIsSkipped() {
        String to = fresh();
        mail.suppress(to, "bounce-permanent", NOW.minusSeconds(3600));
        String ticket = openTicket();
        String id = addMail(ticket, null, to, "Storing ontvangen");

        send(id);

        assertEquals(List.of(), SesMailStore.to(aws.mailEndpoint(), to));
        assertSkipped(ticket, id, "suppressed");
    }

    @Test
    void theMailPastTheHourlyLimitIsSkippedAndTheNextHourSendsAgain() {
        String to = fresh();
        String ticket = openTicket();
        int limit = Integer.parseInt(env.require(EnvVar.MAIL_HOURLY_LIMIT));
        for (int i = 0; i < limit; i++) {
            send(addMail(ticket, null, to, "Update " + i));
        }
        String over = addMail(ticket, null, to, "Update " + limit);
        send(over);

        assertEquals(limit, SesMailStore.to(aws.mailEndpoint(), to).size());
        assertSkipped(ticket, over, "hourly-limit");

        clock.set(NOW.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS));
        String next = addMail(ticket, null, to, "Volgend uur");
        send(next);

        assertEquals(limit + 1, SesMailStore.to(aws.mailEndpoint(), to).size(), "a new hour sends again");
        assertEquals(DeliveryState.DELIVERED, outbox.find(next).orElseThrow().state());
    }

    /** Issue 19 (decision 23): a major incident's notices are not counted; the contact hears every step. */
    @Test
    void aMajorIncidentsNoticesAreNotHeldBackByTheHourlyLimit() {
        String to = fresh();
        String ticket = openTicket();
        int limit = Integer.parseInt(env.require(EnvVar.MAIL_HOURLY_LIMIT));
        for (int i = 0; i < limit; i++) {
            send(addMail(ticket, null, to, "Update " + i));
        }
        String notice = addMail(ticket, null, to, "Storing opgelost", MailKind.MAJOR_INCIDENT);
        send(notice);

        assertEquals(limit + 1, SesMailStore.to(aws.mailEndpoint(), to).size(), "the notice past the limit is sent");
        assertEquals(DeliveryState.DELIVERED, outbox.find(notice).orElseThrow().state());
    }

    @Test
    void anSesFailureFailsTheRecordAndLeavesTheMailPending() {
        String to = fresh();
        String id = addMail(openTicket(), null, to, "Storing ontvangen");
        try (AwsClients closedSes = AwsClients.forEmulators(
                aws.dynamoEndpoint(), aws.messagingEndpoint(), URI.create("http://127.0.0.1:1"), LocalAws.REGION)) {
            DynamodbEvent event = insertOf(id);
            var failed =
                    LambdaInvoke.invoke(new MailerHandler(env, closedSes, clock), event, StreamsEventResponse.class);

            assertEquals(1, failed.getBatchItemFailures().size());
            assertEquals(
                    event.getRecords().get(0).getDynamodb().getSequenceNumber(),
                    failed.getBatchItemFailures().get(0).getItemIdentifier());
        }
        assertEquals(DeliveryState.PENDING, outbox.find(id).orElseThrow().state());

        send(id);

        assertEquals(1, SesMailStore.to(aws.mailEndpoint(), to).size(), "sent once on the retry");
    }

    @Test
    void aMaintenanceAnnouncementMovesTheWindowsAnnouncementToWhenSesAcceptedIt() {
        MonitoringRepository monitoring = new Services(env, aws.clients(), clock).monitoring();
        var window = new MaintenanceWindow(
                "mw-" + UUID.randomUUID(),
                "platform-" + UUID.randomUUID(),
                MaintenanceWindow.MaintenanceKind.PLANNED,
                new Interval(Instant.parse("2026-12-10T01:00:00Z"), Instant.parse("2026-12-10T03:00:00Z")),
                NOW.minus(Duration.ofHours(2)),
                "Upgrade",
                false,
                null);
        monitoring.putMaintenance(window);
        String ref = MonitoringRepository.windowRef(window);
        String first = addMail(null, ref, fresh(), "Gepland onderhoud");
        String second = addMail(null, ref, fresh(), "Gepland onderhoud");

        send(first);
        clock.set(NOW.plusSeconds(90));
        send(second);
        send(second); // redelivered: counted once

        var stored = monitoring.maintenanceAt(window.serviceKey(), Instant.parse("2026-12-10T02:00:00Z"));
        assertEquals(NOW.plusSeconds(90), stored.get(0).announcedAt(), "the last accepted mail's instant");
        var item = aws.clients()
                .dynamo()
                .getItem(b -> b.tableName(env.require(EnvVar.MONITORING_TABLE))
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("SERVICE#" + window.serviceKey()),
                                "sk",
                                AttributeValue.fromS(
                                        Attr.sortable(window.window().start()) + "#MAINT#" + window.id()))))
                .item();
        assertEquals("2", item.get("announcementMailCount").n());
        assertEquals(2, outbox.mailsOf("maintenance#" + ref).size(), "the window's thread");
    }

    @Test
    void theEscalationFunctionLeavesMailItemsAlone() {
        String to = fresh();
        String id = addMail(openTicket(), null, to, "Storing ontvangen");
        Environment escalation = aws.environmentOf("EscalationFunction");

        // the mapping's filter keeps MAIL items away from it (StreamFilterTest); were one to arrive anyway,
        // it publishes nothing and marks nothing
        var response = LambdaInvoke.invoke(
                new EscalationHandler(escalation, aws.clients(), clock), insertOf(id), StreamsEventResponse.class);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(DeliveryState.PENDING, outbox.find(id).orElseThrow().state(), "left for the mailer");
        assertEquals(List.of(), SesMailStore.to(aws.mailEndpoint(), to));
    }

    private void assertSkipped(String ticket, String id, String reason) {
        var record = outbox.mailsOf(ticket).stream()
                .filter(m -> m.message().id().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(DeliveryState.SKIPPED, record.message().state());
        assertEquals(reason, record.skipReason());
        TicketEvent event = tickets.view(ticket).orElseThrow().history().stream()
                .filter(e -> e.id().equals(Mailer.skippedEventId(id)))
                .findFirst()
                .orElseThrow();
        assertEquals(EventKind.MAIL_SKIPPED, event.kind());
        assertEquals(reason, event.data().get("reason"));
        assertEquals("mailer", event.actor());
    }

    private StreamsEventResponse send(String id) {
        return LambdaInvoke.invoke(
                new MailerHandler(env, aws.clients(), clock), insertOf(id), StreamsEventResponse.class);
    }

    private static DynamodbEvent insertOf(String id) {
        DynamodbEvent event = LambdaEvents.load("escalation/outbox-insert.json", DynamodbEvent.class);
        var record = event.getRecords().get(0).getDynamodb();
        record.getKeys().get("id").setS(id);
        record.getNewImage().get("id").setS(id);
        return event;
    }

    private String addMail(String ticket, String window, String to, String subject) {
        return addMail(ticket, window, to, subject, window != null ? MailKind.MAINTENANCE : MailKind.ACKNOWLEDGEMENT);
    }

    private String addMail(String ticket, String window, String to, String subject, MailKind kind) {
        String id = (ticket != null ? ticket : "maintenance") + "#mail-" + UUID.randomUUID();
        OutboundMail body = new OutboundMail(
                kind,
                ticket,
                window,
                window != null ? 2 : 0,
                null,
                to,
                "nl",
                subject,
                "Beste klant,\n\nUw melding is ontvangen.\n",
                "<p>Beste klant,</p><p>Uw melding is ontvangen.</p>",
                "<" + UUID.randomUUID() + "@sladesk.vioms.nl>",
                null,
                List.of());
        outbox.add(OutboxMessage.pending(id, OutboxMessage.Topic.MAIL, Map.of(), body.toJson(), clock.instant()));
        return id;
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
