package nl.vioms.sladesk.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.DirectorySeed;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.LocalStreams;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.escalation.EscalationHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 19: the probe's P1 of a confirmed platform outage (R20, R21) is a major incident. A report
 * that came in while the checks were failing, before the outage was confirmed, is linked when it
 * is; a report after it is linked at intake; a report about a service the platform does not carry
 * is not. The real ProbeHandler on the emulators, against a TCP target nobody listens on; the
 * reports through the ticket service as the intakes call it.
 */
@ExtendWith(AwsEmulators.class)
class ProbeMajorIncidentTest {
    /** Tue 12 Jan 2027 10:00 Amsterdam (09:00Z); the probe and the reports share it. */
    private static final MutableClock CLOCK_OF_REPORTS = new MutableClock(Instant.parse("2027-01-12T09:00:00Z"));

    @Test
    void theProbesP1TakesTheReportsOfItsOutageBeforeAndAfterItsConfirmation(LocalAws aws) throws Exception {
        var env = aws.environmentOf("ProbeFunction");
        var dynamo = aws.clients().dynamo();
        DirectorySeed.load(
                DirectorySeed.parse(Files.readAllBytes(ProjectRoot.find().resolve("events/seed/demo.json"))),
                new DirectoryRepository(dynamo, env.require(EnvVar.DIRECTORY_TABLE)));
        String table = env.require(EnvVar.MONITORING_TABLE);
        var monitoring = new MonitoringRepository(dynamo, table);
        var probes = new ProbeRepository(dynamo, table);
        var store = new TicketRepository(dynamo, env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
        var outbox = new OutboxRepository(dynamo, env.require(EnvVar.OUTBOX_TABLE));

        Instant t0 = CLOCK_OF_REPORTS.instant();
        MutableClock clock = CLOCK_OF_REPORTS;
        TicketService tickets = new Services(env, aws.clients(), clock).ticketService();
        // other tests' platform outages stay open: this test starts with an empty board
        for (var leftover : store.majorBoard().open()) {
            tickets.record(leftover.number(), resolution("cleanup", t0));
        }

        String slug = "mi-" + UUID.randomUUID().toString().substring(0, 8);
        String service = "platform:" + slug;
        monitoring.putService(
                MonitoredService.platform(slug, "Hosted voice (storing)", Set.of(ServiceKind.HOSTED_PBX)));
        ProbeTarget sbc =
                ProbeTarget.tcp("sbc-" + slug, service, "127.0.0.1", Kamailio.freePort(), Duration.ofMillis(500));
        probes.putTarget(sbc);
        String escalations = aws.subscribedQueue(
                aws.environmentOf("EscalationFunction").require(EnvVar.ESCALATIONS_TOPIC_ARN), null);
        var publisher = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), clock);
        try (Prober prober = new Prober(4);
                LocalStreams stream = aws.streamOf("OutboxTable")) {
            stream.read(); // what other tests wrote
            var probe = new ProbeHandler(env, aws.clients(), clock, prober);
            // 09:00Z, 09:01Z: the first two failed checks (nobody listens)
            round(probe, clock, t0, 0);
            round(probe, clock, t0, 1);
            // 09:02:30Z: the dentist calls before the outage is confirmed
            clock.set(t0.plusSeconds(150));
            String early = report(tickets, aws, "tandarts-smit", null, "Niemand kan bellen", "early");
            assertNull(store.find(early).orElseThrow().ticket().parent(), "no major incident yet");
            // 09:02Z .. 09:04Z: failures 3, 4, 5; the fifth confirms the outage and opens the P1 (R20)
            for (int m = 2; m <= 4; m++) {
                round(probe, clock, t0, m);
            }
            Outage outage = monitoring
                    .records(service, new Interval(t0, t0.plus(Duration.ofHours(1))))
                    .outages()
                    .get(0);
            String major = outage.incident();
            assertNotNull(major);
            Ticket p1 = store.find(major).orElseThrow().ticket();
            assertEquals(service, p1.majorService(), "the probe's P1 is the platform's major incident");
            assertEquals(major, store.find(early).orElseThrow().ticket().parent(), "linked at confirmation");

            // 09:06Z: a report at intake is linked at once; a SIP trunk is not carried (R21)
            clock.set(t0.plus(Duration.ofMinutes(6)));
            String later = report(tickets, aws, "bakkerij-devries", null, "Geen kiestoon", "later");
            String trunk = report(tickets, aws, "hotel-gouden-leeuw", "trunk", "Geen kiestoon op de trunk", "trunk");
            assertEquals(major, store.find(later).orElseThrow().ticket().parent());
            assertNull(store.find(trunk).orElseThrow().ticket().parent());
            assertEquals(2, store.childCount(major));
            assertTrue(outbox.find(major + "#p1-escalation").isPresent(), "the major incident reaches the second line");
            assertTrue(outbox.find(early + "#p1-escalation").isEmpty()
                    && outbox.find(later + "#p1-escalation").isEmpty());

            // the escalation function publishes the major incident's one escalation with the reports linked by then
            LambdaInvoke.invoke(publisher, stream.read(), StreamsEventResponse.class);
            List<Message> toSecondLine = aws.drain(escalations).stream()
                    .filter(m -> m.messageAttributes().containsKey("ticketNumber"))
                    .filter(m -> Set.of(major, early, later)
                            .contains(m.messageAttributes().get("ticketNumber").stringValue()))
                    .toList();
            assertEquals(1, toSecondLine.size(), toSecondLine.toString());
            var body = DatabindJson.MAPPER.readTree(toSecondLine.get(0).body());
            assertEquals(major, body.get("ticket").asText());
            assertTrue(body.get("majorIncident").asBoolean());
            assertEquals(2, body.get("linkedReports").asInt(), body.toString());

            // the opening was announced to every hosted-pbx customer and reseller, once each
            List<String> opened = outbox.listByState(DeliveryState.PENDING, 100_000).stream()
                    .filter(m -> m.topic() == OutboxMessage.Topic.MAIL)
                    .map(m -> OutboundMail.fromJson(m.body()))
                    .filter(m -> m.kind() == MailKind.MAJOR_INCIDENT && major.equals(m.ticket()))
                    .map(OutboundMail::to)
                    .toList();
            assertEquals(Set.copyOf(opened).size(), opened.size(), opened.toString());
            assertTrue(
                    opened.containsAll(List.of("info@tandartssmit.nl", "support@debelwinkel.nl")), opened.toString());

            // 09:30Z operations resolve the major incident: its children follow, the trunk report does not
            tickets.record(major, resolution("fixed", t0.plus(Duration.ofMinutes(30))));
            assertEquals(
                    TicketStatus.RESOLVED,
                    store.find(early).orElseThrow().ticket().status());
            assertEquals(
                    TicketStatus.RESOLVED,
                    store.find(later).orElseThrow().ticket().status());
            assertEquals(
                    TicketStatus.OPEN, store.find(trunk).orElseThrow().ticket().status());
            assertTrue(store.majorBoard().open().isEmpty());
        } finally {
            probes.deleteTarget(sbc.id());
        }
    }

    private static String report(
            TicketService tickets, LocalAws aws, String customerId, String service, String subject, String key) {
        Instant at = CLOCK_OF_REPORTS.instant();
        var directory = new DirectoryRepository(
                aws.clients().dynamo(), aws.environmentOf("ProbeFunction").require(EnvVar.DIRECTORY_TABLE));
        var customer = directory.customer(customerId).orElseThrow();
        Report report =
                new Report(TicketKind.INCIDENT, Channel.API, at, "api", subject, "", null, service, "api", "api");
        return tickets.open(report, customer, "api#probe-mi#" + key + "#" + UUID.randomUUID())
                .ticket()
                .number();
    }

    private static TicketEvent resolution(String id, Instant at) {
        return new TicketEvent(
                "resolve-" + id, EventKind.RESOLVED, at, "operations", "api", Map.of("text", "Router vervangen."));
    }

    private static void round(ProbeHandler probe, MutableClock clock, Instant t0, int minute) {
        clock.set(t0.plus(Duration.ofMinutes(minute)));
        LambdaInvoke.invoke(probe, Map.of(), Map.class);
    }
}
