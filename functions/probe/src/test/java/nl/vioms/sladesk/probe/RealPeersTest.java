package nl.vioms.sladesk.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.CheckResult.Status;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.ProbeTarget.SipTransport;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The probe against real peers on 127.0.0.1 (R20-R22): Kamailio answering SIP OPTIONS over UDP
 * and TCP, a TCP listener, an HTTP server; then the same peers stopped, and the streak rules
 * driven minute by minute through an injected clock.
 */
@ExtendWith(AwsEmulators.class)
class RealPeersTest {
    private static final String PLATFORM = "platform:peers-" + UUID.randomUUID();
    private static final String TRUNK_CUSTOMER = "peers-" + UUID.randomUUID();
    private static Kamailio sip;
    private static LocalPeers peers;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        sip = Kamailio.start();
        peers = new LocalPeers();
        prober = new Prober(16);
    }

    @AfterAll
    static void stop() {
        if (prober != null) {
            prober.close();
        }
        if (peers != null) {
            peers.close();
        }
        if (sip != null) {
            sip.close();
        }
    }

    private static CheckResult check(ProbeTarget target) {
        return prober.round(List.of(target), Instant.parse("2026-11-30T10:00:00Z"))
                .get(0);
    }

    @Test
    void sipOptionsRepliesAreClassifiedAsCarrierProxiesDo() {
        CheckResult udp = check(sip.target("udp", PLATFORM, sip.port, SipTransport.UDP, Set.of()));
        assertEquals("SIP 200 OK", udp.detail());
        assertNotNull(udp.rtt());
        assertTrue(udp.rtt().compareTo(Duration.ofSeconds(2)) < 0, "round-trip time recorded: " + udp.rtt());
        // R22: up, or degraded when the round trip took longer than 25 ms (a cold JVM may)
        assertEquals(udp.rtt().toNanos() > 25_000_000 ? Status.DEGRADED : Status.UP, udp.status());

        CheckResult tcp = check(sip.target("tcp", PLATFORM, sip.port, SipTransport.TCP, Set.of()));
        assertTrue(tcp.passed(), tcp.detail());
        assertEquals("SIP 200 OK", tcp.detail());

        CheckResult busyAlive =
                check(sip.target("busy", PLATFORM, sip.busyPort, SipTransport.UDP, Set.of(404, 405, 480)));
        assertTrue(busyAlive.passed(), "480 counts as alive when configured: " + busyAlive.detail());
        assertEquals("SIP 480 Temporarily Unavailable (alive)", busyAlive.detail());
        CheckResult busyNotAccepted = check(sip.target("busy2", PLATFORM, sip.busyPort, SipTransport.UDP, Set.of()));
        assertEquals(Status.FAILED, busyNotAccepted.status(), "not configured: 480 fails");

        CheckResult overloaded =
                check(sip.target("maint", PLATFORM, sip.maintPort, SipTransport.UDP, Set.of(404, 405, 480)));
        assertEquals(Status.FAILED, overloaded.status());
        assertEquals("SIP 503 Service Unavailable (overloaded or in maintenance)", overloaded.detail());
        assertNotNull(overloaded.rtt(), "a negative answer still has a round-trip time");
    }

    @Test
    void tcpConnectAndHttpStatusAndBody() {
        CheckResult connect = check(ProbeTarget.tcp("tcp", PLATFORM, "127.0.0.1", peers.tcpPort, null));
        assertTrue(connect.passed(), connect.detail());
        assertEquals("connected", connect.detail());
        CheckResult health = check(ProbeTarget.http(
                "web", PLATFORM, URI.create("http://127.0.0.1:" + peers.httpPort + "/health"), "\"ok\"", null));
        assertTrue(health.passed(), health.detail());
        assertEquals("HTTP 200", health.detail());
        CheckResult wrongBody = check(ProbeTarget.http(
                "web", PLATFORM, URI.create("http://127.0.0.1:" + peers.httpPort + "/health"), "degraded", null));
        assertEquals(Status.FAILED, wrongBody.status());
        assertEquals("HTTP 200, body lacks 'degraded'", wrongBody.detail());
        CheckResult error = check(ProbeTarget.http(
                "web", PLATFORM, URI.create("http://127.0.0.1:" + peers.httpPort + "/broken"), null, null));
        assertEquals("HTTP 500", error.detail());
        assertEquals(Status.FAILED, error.status());
    }

    @Test
    void threeFailuresNotifyOnceFiveOpenTheOutageAndTheFirstPassClosesIt(LocalAws aws) throws Exception {
        var env = aws.environmentOf("ProbeFunction");
        String table = env.require(EnvVar.MONITORING_TABLE);
        var monitoring = new MonitoringRepository(aws.clients().dynamo(), table);
        var probes = new ProbeRepository(aws.clients().dynamo(), table);
        var outbox = new OutboxRepository(aws.clients().dynamo(), env.require(EnvVar.OUTBOX_TABLE));
        var tickets = new TicketRepository(aws.clients().dynamo(), env.require(EnvVar.TICKETS_TABLE));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var trunk = new MonitoredService(
                MonitoredService.customerKey(TRUNK_CUSTOMER, "trunk"), "trunk", Set.of(), TRUNK_CUSTOMER, "trunk");
        monitoring.putService(MonitoredService.platform(
                PLATFORM.substring("platform:".length()), "Peers platform", Set.of(ServiceKind.HOSTED_PBX)));
        monitoring.putService(trunk);
        List<ProbeTarget> targets = List.of(
                sip.target("sbc-" + tag, PLATFORM, sip.port, SipTransport.UDP, Set.of(404, 405, 480)),
                ProbeTarget.tcp("softphone-" + tag, PLATFORM, "127.0.0.1", peers.tcpPort, null),
                ProbeTarget.http(
                        "portal-" + tag,
                        PLATFORM,
                        URI.create("http://127.0.0.1:" + peers.httpPort + "/health"),
                        "ok",
                        null),
                sip.target("trunk-" + tag, trunk.key(), sip.port, SipTransport.TCP, Set.of()));
        targets.forEach(probes::putTarget);
        // Mon 7 Dec 2026 (CET): 10:00 local = 09:00Z, a minute apart, no maintenance
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
        var handler = new ProbeHandler(env, aws.clients(), clock, prober);
        try {
            runAt(handler, clock, 0);
            for (ProbeTarget t : targets) {
                assertTrue(probes.checks(t.id(), minutes(0, 1)).get(0).passed(), t.id());
            }

            sip.stop();
            peers.stop();
            runAt(handler, clock, 1);
            runAt(handler, clock, 2);
            for (ProbeTarget t : targets) {
                assertTrue(outbox.find(notificationId(t, 1)).isEmpty(), "2 failures: nothing yet");
            }
            runAt(handler, clock, 3);
            for (ProbeTarget t : targets) {
                var n = outbox.find(notificationId(t, 1))
                        .orElseThrow(() -> new AssertionError("3 failures notify " + t.id()));
                assertEquals(
                        Map.of("kind", "probe-failing", "target", t.id(), "service", t.serviceKey()), n.attributes());
            }
            runAt(handler, clock, 4);
            for (ProbeTarget t : targets) {
                assertTrue(
                        monitoring.records(t.serviceKey(), minutes(0, 10)).outages().stream()
                                .noneMatch(o -> o.targetId().equals(t.id())),
                        "4 failures: no outage yet");
            }
            runAt(handler, clock, 5);
            // fifth failure at 09:05Z: outage from the first failed check 09:01Z (R20)
            Outage sbc = outage(monitoring, PLATFORM, "sbc-" + tag);
            assertEquals(Instant.parse("2026-12-07T09:01:00Z"), sbc.start());
            assertEquals(Instant.parse("2026-12-07T09:05:00Z"), sbc.confirmedAt());
            assertNull(sbc.end());
            assertNotNull(sbc.incident(), "a platform-wide outage opens a P1");
            assertEquals(
                    sbc.incident(),
                    outage(monitoring, PLATFORM, "softphone-" + tag).incident(),
                    "three targets of one platform service down: one P1 incident, linked to each outage");
            assertEquals(
                    sbc.incident(),
                    outage(monitoring, PLATFORM, "portal-" + tag).incident());
            var incident = tickets.find(sbc.incident()).orElseThrow().ticket();
            assertEquals(Priority.P1, incident.priority());
            assertEquals(Channel.MONITORING, incident.channel());
            Outage trunkOutage = outage(monitoring, trunk.key(), "trunk-" + tag);
            assertNull(trunkOutage.incident(), "a customer's own service gets no automatic incident");

            runAt(handler, clock, 6);
            assertEquals(
                    sbc.incident(),
                    outage(monitoring, PLATFORM, "sbc-" + tag).incident(),
                    "the same incident, no second one");
            sip.restart();
            peers.start();
            runAt(handler, clock, 7);
            Outage closed = outage(monitoring, PLATFORM, "sbc-" + tag);
            assertEquals(Instant.parse("2026-12-07T09:07:00Z"), closed.end(), "the first passing check ends it");
            assertEquals(
                    Instant.parse("2026-12-07T09:07:00Z"),
                    outage(monitoring, trunk.key(), "trunk-" + tag).end());
            var notes = tickets.find(sbc.incident()).orElseThrow().history().stream()
                    .filter(e -> e.kind() == EventKind.NOTE)
                    .toList();
            // 09:01Z-09:07Z: 6 minutes, noted once per target that passes again
            assertEquals(3, notes.size(), notes.toString());
            assertTrue(
                    notes.stream().allMatch(n -> n.data().get("text").contains("(6 min) gesloten")), notes.toString());
        } finally {
            targets.forEach(t -> probes.deleteTarget(t.id()));
            if (!peersUp()) {
                sip.restart();
                peers.start();
            }
        }
    }

    private static boolean peersUp() {
        try (var s = new Socket("127.0.0.1", peers.tcpPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String notificationId(ProbeTarget t, int minute) {
        return "probe#" + t.id() + "#"
                + Attr.sortable(Instant.parse("2026-12-07T09:00:00Z").plus(Duration.ofMinutes(minute))) + "#failing";
    }

    private static Outage outage(MonitoringRepository monitoring, String serviceKey, String targetId) {
        List<Outage> found = monitoring.records(serviceKey, minutes(0, 60)).outages().stream()
                .filter(o -> o.targetId().equals(targetId))
                .toList();
        assertEquals(1, found.size(), "one outage of " + targetId + ": " + found);
        return found.get(0);
    }

    private static Interval minutes(int from, int to) {
        Instant t0 = Instant.parse("2026-12-07T09:00:00Z");
        return new Interval(t0.plus(Duration.ofMinutes(from)), t0.plus(Duration.ofMinutes(to)));
    }

    private static void runAt(ProbeHandler handler, MutableClock clock, int minute) {
        clock.set(Instant.parse("2026-12-07T09:00:00Z").plus(Duration.ofMinutes(minute)));
        LambdaInvoke.invoke(handler, Map.of(), Map.class);
    }
}
