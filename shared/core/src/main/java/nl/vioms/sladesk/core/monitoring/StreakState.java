package nl.vioms.sladesk.core.monitoring;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the probe remembers of one target between rounds (R20): the current streak of failed
 * checks, whether it was notified, the outage it opened and the incident linked to it. Stored
 * per target and written conditionally on {@code version}.
 *
 * @param lastCheckAt      the last check applied, or null before the first
 * @param failures         consecutive failed checks up to {@code lastCheckAt}
 * @param firstFailureAt   the first failed check of the streak, or null
 * @param notified         operations were notified of this streak (once per streak)
 * @param outageStart      the open outage's start (its key with the target), or null
 * @param outageConfirmedAt when the open outage reached the threshold, or null
 * @param incident         the P1 incident opened for it (platform-wide services), or null; kept
 *                         until a passing check is noted on it, across a gap in monitoring
 * @param version          optimistic lock: the version read, 0 for a new target
 */
public record StreakState(
        String targetId,
        @Nullable Instant lastCheckAt,
        int failures,
        @Nullable Instant firstFailureAt,
        boolean notified,
        @Nullable Instant outageStart,
        @Nullable Instant outageConfirmedAt,
        @Nullable String incident,
        long version) {

    public StreakState {
        Objects.requireNonNull(targetId, "targetId");
        if (failures < 0) {
            throw new IllegalArgumentException("failures < 0");
        }
        if ((failures == 0) != (firstFailureAt == null)) {
            throw new IllegalArgumentException("a streak has a first failure");
        }
        if ((outageStart == null) != (outageConfirmedAt == null)) {
            throw new IllegalArgumentException("an outage has both instants");
        }
    }

    public static StreakState initial(String targetId) {
        return new StreakState(targetId, null, 0, null, false, null, null, null, 0);
    }

    public boolean outageOpen() {
        return outageStart != null;
    }

    public StreakState withIncident(String number) {
        return new StreakState(
                targetId,
                lastCheckAt,
                failures,
                firstFailureAt,
                notified,
                outageStart,
                outageConfirmedAt,
                number,
                version);
    }
}
