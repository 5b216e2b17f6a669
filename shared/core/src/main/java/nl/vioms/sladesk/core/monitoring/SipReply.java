package nl.vioms.sladesk.core.monitoring;

import java.util.Set;

/**
 * How a final reply to a SIP OPTIONS ping is judged, the way carrier-grade proxies judge their
 * keepalives (Kamailio's dispatcher, OpenSIPS): 200 is up; codes configured per target (404 user
 * unknown, 405 method not allowed, 480 temporarily unavailable...) prove a live SIP stack and
 * count as up; 503 means overloaded or in maintenance and counts as failed; anything else fails.
 * No final reply within the timeout fails too (decided by the caller).
 */
public final class SipReply {
    private SipReply() {}

    public enum Verdict {
        UP(true),
        ALIVE(true),
        OVERLOADED(false),
        FAILED(false);

        private final boolean passes;

        Verdict(boolean passes) {
            this.passes = passes;
        }

        public boolean passes() {
            return passes;
        }
    }

    public static Verdict judge(int code, Set<Integer> aliveCodes) {
        if (code < 200 || code > 699) {
            throw new IllegalArgumentException(code + " is not a final SIP reply");
        }
        if (code == 200) {
            return Verdict.UP;
        }
        if (code == 503) {
            return Verdict.OVERLOADED;
        }
        return aliveCodes.contains(code) ? Verdict.ALIVE : Verdict.FAILED;
    }
}
