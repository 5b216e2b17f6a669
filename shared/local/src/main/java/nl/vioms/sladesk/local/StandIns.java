package nl.vioms.sladesk.local;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;

/**
 * Stand-ins for the probe targets a local system names on this machine (the demo seed's SBC and
 * softphone port): a laptop has no VoIP platform, and without someone answering, the probe would
 * rightly open a platform outage and a P1 five minutes after {@code ./sladesk up}. SIP OPTIONS over
 * UDP and TCP connect targets are answered; a port another program holds is left to it.
 */
final class StandIns implements AutoCloseable {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private final List<DemoPeers> peers = new ArrayList<>();

    StandIns(List<ProbeTarget> targets, PrintWriter out) {
        List<ProbeTarget> sip = new ArrayList<>();
        List<ProbeTarget> tcp = new ArrayList<>();
        for (ProbeTarget t : targets) {
            if (t.host() == null || !LOOPBACK.contains(t.host())) {
                continue;
            }
            if (t.kind() == ProbeTarget.Kind.SIP_OPTIONS && t.transport() == ProbeTarget.SipTransport.UDP) {
                sip.add(t);
            }
            if (t.kind() == ProbeTarget.Kind.TCP) {
                tcp.add(t);
            }
        }
        // one DemoPeers answers one SIP/UDP port and one TCP port; 0 = a free port nobody probes
        for (int i = 0; i < Math.max(sip.size(), tcp.size()); i++) {
            ProbeTarget s = i < sip.size() ? sip.get(i) : null;
            ProbeTarget c = i < tcp.size() ? tcp.get(i) : null;
            try {
                peers.add(new DemoPeers(s == null ? 0 : s.port(), c == null ? 0 : c.port()));
                if (s != null) {
                    out.println("  stand-in for probe target " + s.id() + ": SIP OPTIONS on udp/" + s.port());
                }
                if (c != null) {
                    out.println("  stand-in for probe target " + c.id() + ": tcp/" + c.port());
                }
            } catch (UncheckedIOException e) {
                out.println("  no stand-in for " + (s == null ? "" : s.id() + " ") + (c == null ? "" : c.id()) + ": "
                        + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            }
        }
    }

    @Override
    public void close() {
        peers.forEach(DemoPeers::close);
    }
}
