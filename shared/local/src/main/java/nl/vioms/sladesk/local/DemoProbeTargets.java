package nl.vioms.sladesk.local;

import nl.vioms.sladesk.testing.LocalAws;

/**
 * The demo's probe targets: the SBC (SIP OPTIONS over UDP) and the softphone port (TCP) of the
 * platform service, on the demo's own peers. Probe targets arrive with the probe (issue #6); until
 * it is on main there are none, and the platform's outages are not recorded.
 */
final class DemoProbeTargets {
    private DemoProbeTargets() {
    }

    /** Returns whether targets were registered (false while the probe is not built). */
    static boolean register(LocalAws aws, String serviceKey, DemoPeers peers) {
        return false;
    }
}
