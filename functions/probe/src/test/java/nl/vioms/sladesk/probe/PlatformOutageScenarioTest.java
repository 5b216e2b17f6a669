package nl.vioms.sladesk.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.ProbeTarget.SipTransport;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.LocalStreams;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.escalation.EscalationHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * R19-R20 end to end: the platform's SBC (a real Kamailio) goes down inside an announced
 * maintenance window and stays down past its end, 17 minutes in all. Checks run every minute on an
 * injected clock; notifications and incidents reach SNS through the outbox stream and the
 * escalation function, and are read from SQS queues subscribed to the topics.
 */
@ExtendWith(AwsEmulators.class)
class PlatformOutageScenarioTest {
    private static Kamailio sip;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        sip = Kamailio.start();
        prober = new Prober(8);
    }

    @AfterAll
    static void stop() {
        if (prober != null) {
            prober.close();
        }
        if (sip != null) {
            sip.close();
        }
    }

    @Test
    void aSeventeenMinuteOutageThatOutlastsItsMaintenanceWindow(LocalAws aws) throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "needs a DynamoDB emulator with streams");
        var env = aws.environmentOf("ProbeFunction");
        String table = env.require(EnvVar.MONITORING_TABLE);
        var monitoring = new MonitoringRepository(aws.clients().dynamo(), table);
        var probes = new ProbeRepository(aws.clients().dynamo(), table);
        var tickets = new TicketRepository(aws.clients().dynamo(), env.require(EnvVar.TICKETS_TABLE));
        String slug = "scenario-" + UUID.randomUUID().toString().substring(0, 8);
        String service = "platform:" + slug;
        monitoring.putService(
                MonitoredService.platform(slug, "Hosted voice (scenario)", Set.of(ServiceKind.HOSTED_PBX)));
        ProbeTarget sbc = sip.target("sbc-" + slug, service, sip.port, SipTransport.UDP, Set.of(404, 405, 480));
        probes.putTarget(sbc);
        // Tue 1 Dec 2026, CET (+01:00). Planned window 02:00-02:10 local = 01:00Z-01:10Z, announced
        // Fri 27 Nov (more than 24 h ahead, R19).
        Instant t0 = Instant.parse("2026-12-01T00:58:00Z");
        monitoring.putMaintenance(new MaintenanceWindow(
                "mw-" + slug,
                service,
                MaintenanceKind.PLANNED,
                new Interval(Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T01:10:00Z")),
                Instant.parse("2026-11-27T10:00:00Z"),
                "SBC firmware",
                false,
                null));

        String operations =
                aws.subscribedQueue(aws.environmentOf("EscalationFunction").require(EnvVar.OPERATIONS_TOPIC_ARN), null);
        String escalations = aws.subscribedQueue(
                aws.environmentOf("EscalationFunction").require(EnvVar.ESCALATIONS_TOPIC_ARN), null);
        MutableClock clock = new MutableClock(t0);
        var probe = new ProbeHandler(env, aws.clients(), clock, prober);
        var publisher = new EscalationHandler(aws.environmentOf("EscalationFunction"), aws.clients(), clock);
        try (LocalStreams stream = aws.streamOf("OutboxTable")) {
            stream.read(); // what other tests wrote
            // 00:58..01:02Z up (the window opens at 01:00 and the SBC still answers)
            for (int m = 0; m <= 4; m++) {
                round(probe, clock, t0, m);
            }
            sip.stop();
            // 01:03Z first failure (inside the window) .. 01:19Z: 17 failed checks
            for (int m = 5; m <= 21; m++) {
                round(probe, clock, t0, m);
                if (m == 12) {
                    round(probe, clock, t0, m); // the 01:10Z run delivered twice: harmless
                }
                LambdaInvoke.invoke(publisher, stream.read(), StreamsEventResponse.class);
            }
            sip.restart();
            round(probe, clock, t0, 22); // 01:20Z passes
            LambdaInvoke.invoke(publisher, stream.read(), StreamsEventResponse.class);
        }

        // outage: first failed check 01:03Z, fifth 01:07Z confirms, first pass 01:20Z ends it = 17 min (R20)
        List<Outage> outages = monitoring
                .records(service, new Interval(t0, t0.plus(Duration.ofHours(1))))
                .outages();
        assertEquals(1, outages.size(), outages.toString());
        Outage outage = outages.get(0);
        assertEquals(Instant.parse("2026-12-01T01:03:00Z"), outage.start());
        assertEquals(Instant.parse("2026-12-01T01:07:00Z"), outage.confirmedAt());
        assertEquals(Instant.parse("2026-12-01T01:20:00Z"), outage.end());
        assertEquals(Duration.ofMinutes(17), Duration.between(outage.start(), outage.end()));
        assertNotNull(outage.incident());

        // one notification: held back at 01:05Z (3rd failure, inside the window), sent at 01:10Z when
        // the window had ended and the SBC was still down (8 failures since 01:03Z)
        List<Message> notes = aws.drain(operations).stream()
                .filter(m -> sbc.id().equals(attribute(m, "target")))
                .toList();
        assertEquals(1, notes.size(), "exactly one notification: " + notes);
        var body = DatabindJson.MAPPER.readTree(notes.get(0).body());
        assertEquals("probe-failing", body.get("kind").asText());
        assertEquals("2026-12-01T02:03:00+01:00", body.get("since").asText());
        assertEquals("2026-12-01T02:10:00+01:00", body.get("at").asText());
        assertEquals(8, body.get("failures").asInt());

        // one P1 incident, opened at 01:10Z on channel MONITORING, escalated once (24x7, R17)
        Set<String> incidents = new HashSet<>();
        List<String> p1Escalations = new ArrayList<>();
        for (Message m : aws.drain(escalations)) {
            String number = attribute(m, "ticketNumber");
            var ticket = number == null
                    ? null
                    : tickets.find(number).map(s -> s.ticket()).orElse(null);
            if (ticket != null && service.equals(ticket.customerId())) {
                incidents.add(number);
                p1Escalations.add(attribute(m, "kind"));
            }
        }
        assertEquals(Set.of(outage.incident()), incidents, "exactly one P1 incident");
        assertEquals(List.of("p1-escalation"), p1Escalations);
        var stored = tickets.find(outage.incident()).orElseThrow();
        assertEquals(Priority.P1, stored.ticket().priority());
        assertEquals(Instant.parse("2026-12-01T01:10:00Z"), stored.ticket().createdAt());

        // and its closure noted on the incident
        var closure = stored.history().stream()
                .filter(e -> e.kind() == EventKind.NOTE)
                .toList();
        assertEquals(1, closure.size());
        assertEquals(Instant.parse("2026-12-01T01:20:00Z"), closure.get(0).at());
        assertTrue(
                closure.get(0)
                        .data()
                        .get("text")
                        .contains("2026-12-01T02:03:00+01:00 - 2026-12-01T02:20:00+01:00 (17 min) gesloten"),
                closure.get(0).data().toString());
        probes.deleteTarget(sbc.id());
    }

    @Test
    void anOutageInsideTheWindowIsRecordedAndAnnouncedToNobody(LocalAws aws) throws Exception {
        var env = aws.environmentOf("ProbeFunction");
        String table = env.require(EnvVar.MONITORING_TABLE);
        var monitoring = new MonitoringRepository(aws.clients().dynamo(), table);
        var probes = new ProbeRepository(aws.clients().dynamo(), table);
        String slug = "inside-" + UUID.randomUUID().toString().substring(0, 8);
        String service = "platform:" + slug;
        monitoring.putService(MonitoredService.platform(slug, "Hosted voice (inside)", Set.of(ServiceKind.HOSTED_PBX)));
        ProbeTarget sbc = sip.target("sbc-" + slug, service, sip.port, SipTransport.UDP, Set.of());
        probes.putTarget(sbc);
        // Wed 2 Dec 2026, window 01:00Z-01:30Z announced a week ahead; down 01:05Z..01:12Z, up 01:13Z
        Instant t0 = Instant.parse("2026-12-02T01:00:00Z");
        monitoring.putMaintenance(new MaintenanceWindow(
                "mw-" + slug,
                service,
                MaintenanceKind.PLANNED,
                new Interval(t0, t0.plus(Duration.ofMinutes(30))),
                t0.minus(Duration.ofDays(7)),
                "core switch",
                false,
                null));
        MutableClock clock = new MutableClock(t0);
        var probe = new ProbeHandler(env, aws.clients(), clock, prober);
        try {
            for (int m = 0; m <= 4; m++) {
                round(probe, clock, t0, m);
            }
            sip.stop();
            for (int m = 5; m <= 12; m++) {
                round(probe, clock, t0, m);
            }
        } finally {
            sip.restart();
        }
        round(probe, clock, t0, 13);
        probes.deleteTarget(sbc.id());

        List<Outage> outages = monitoring
                .records(service, new Interval(t0, t0.plus(Duration.ofHours(1))))
                .outages();
        // 8 failures 01:05..01:12Z: confirmed at the fifth (01:09Z), ended 01:13Z; no incident, no notification
        assertEquals(
                List.of(new Outage(
                        service, sbc.id(), t0.plusSeconds(300), t0.plusSeconds(540), t0.plusSeconds(780), null)),
                outages);
        var outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
        assertTrue(
                outbox.find("probe#" + sbc.id() + "#" + Attr.sortable(t0.plusSeconds(300)) + "#failing")
                        .isEmpty(),
                "no notification inside the announced window");
        assertNull(outages.get(0).incident());
    }

    private static void round(ProbeHandler probe, MutableClock clock, Instant t0, int minute) {
        clock.set(t0.plus(Duration.ofMinutes(minute)));
        LambdaInvoke.invoke(probe, Map.of(), Map.class);
    }

    private static String attribute(Message m, String name) {
        var value = m.messageAttributes().get(name);
        return value == null ? null : value.stringValue();
    }
}
