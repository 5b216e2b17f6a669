package nl.vioms.sladesk.local;

import java.time.Duration;
import java.util.Set;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.emulators.LocalAws;

/**
 * The demo's probe targets: the SBC (SIP OPTIONS over UDP) and the softphone port (TCP) of the
 * platform service, on the demo's own peers (free ports). The demo seed's targets name fixed ports
 * another program may hold, so the demo replaces them.
 */
final class DemoProbeTargets {
    /** Short: a check of a dead peer waits this long, on the demo's real clock, every round. */
    private static final Duration TIMEOUT = Duration.ofMillis(100);

    private DemoProbeTargets() {}

    static boolean register(LocalAws aws, String serviceKey, DemoPeers peers) {
        var probes = new ProbeRepository(aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"));
        probes.targets().forEach(t -> probes.deleteTarget(t.id()));
        probes.putTarget(ProbeTarget.sip(
                "demo-sbc-sip",
                serviceKey,
                "127.0.0.1",
                peers.sipPort(),
                ProbeTarget.SipTransport.UDP,
                Set.of(),
                TIMEOUT));
        probes.putTarget(ProbeTarget.tcp("demo-softphone-tcp", serviceKey, "127.0.0.1", peers.tcpPort(), TIMEOUT));
        return true;
    }
}
