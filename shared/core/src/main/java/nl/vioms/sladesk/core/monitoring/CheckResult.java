package nl.vioms.sladesk.core.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one check of one target (R20, R22).
 *
 * @param targetId the {@link ProbeTarget}
 * @param at       the scheduled instant of the round it belongs to
 * @param status   up, degraded (passed, but slower than {@link #DEGRADED_ABOVE}) or failed
 * @param rtt      round-trip time of a reply, or null when none came
 * @param detail   what was seen ("SIP 200 OK", "timeout after 2000 ms", "connection refused")
 */
public record CheckResult(
        String targetId,
        Instant at,
        Status status,
        @Nullable Duration rtt,
        String detail) {

    /** R22: phone-to-phone latency must stay under 25 ms; a slower check is degraded, not down. */
    public static final Duration DEGRADED_ABOVE = Duration.ofMillis(25);

    public enum Status {
        UP,
        DEGRADED,
        FAILED
    }

    public CheckResult {
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        if (status != Status.FAILED && rtt == null) {
            throw new IllegalArgumentException("a passed check has a round-trip time");
        }
    }

    /** A check that got the answer it wanted after {@code rtt}: up, or degraded when slower than 25 ms (R22). */
    public static CheckResult passed(String targetId, Instant at, Duration rtt, String detail) {
        Status status = rtt.compareTo(DEGRADED_ABOVE) > 0 ? Status.DEGRADED : Status.UP;
        return new CheckResult(targetId, at, status, rtt, detail);
    }

    /** A check that failed; {@code rtt} is the time to a negative answer, or null without one. */
    public static CheckResult failed(String targetId, Instant at, @Nullable Duration rtt, String detail) {
        return new CheckResult(targetId, at, Status.FAILED, rtt, detail);
    }

    public boolean passed() {
        return status != Status.FAILED;
    }
}
