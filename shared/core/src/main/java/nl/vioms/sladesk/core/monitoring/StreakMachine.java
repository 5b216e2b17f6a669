package nl.vioms.sladesk.core.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.vioms.sladesk.core.time.Interval;
import org.jspecify.annotations.Nullable;

/**
 * The per-target streak rules of R20, pure: a check and the remembered state in, the next state
 * and what must happen out.
 * <ul>
 *   <li>{@value #NOTIFY_AFTER} failed checks in a row: operations are notified, once per streak;</li>
 *   <li>{@value #OUTAGE_AFTER} in a row: an outage opens, starting at the streak's first failed
 *       check and confirmed now (both stored); for a platform-wide service a P1 incident is
 *       opened and linked to it;</li>
 *   <li>the first passing check closes the outage (its end) and is noted on the incident;</li>
 *   <li>inside an announced window (R19) notifications and incidents wait; checks and outages
 *       are recorded all the same. Still failing after the window, they go out then;</li>
 *   <li>a check that comes more than {@link #MISSED_AFTER} rounds after the previous one means
 *       runs were missed: the time between is unknown (never silent up- or downtime); an open
 *       outage ends where the unknown time begins and the streak starts again.</li>
 * </ul>
 * A degraded check (slower than 25 ms, R22) passes.
 */
public final class StreakMachine {
    public static final int NOTIFY_AFTER = 3;
    public static final int OUTAGE_AFTER = 5;
    /** Up to one and a half rounds between checks is the schedule's jitter, more is a missed run. */
    public static final double MISSED_AFTER = 1.5;

    private final Duration interval;

    /** @param interval the schedule's rate: how far apart checks of one target are meant to be */
    public StreakMachine(Duration interval) {
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** What applying a check asks for. */
    public sealed interface Effect {}

    /** Tell operations: {@code failures} checks in a row have failed since {@code streakStart}. */
    public record Notify(Instant streakStart, int failures, Instant at) implements Effect {}

    /** Store the outage (opened, or closed with its end). */
    public record RecordOutage(Outage outage) implements Effect {}

    /** Open a P1 incident for the outage (platform-wide services) and link it. */
    public record OpenIncident(Outage outage) implements Effect {}

    /** Note on the incident that the service passes again at {@code at}. */
    public record NoteIncident(String incident, @Nullable Outage closed, Instant at) implements Effect {}

    /** Store a span in which the target was not checked. */
    public record RecordUnknown(UnknownSpan span) implements Effect {}

    public record Step(StreakState next, List<Effect> effects) {
        public Step {
            effects = List.copyOf(effects);
        }
    }

    /**
     * @param suppressed   notifications and incidents wait (an announced window covers {@code check.at()})
     * @param platformWide the target's service is platform-wide: a confirmed outage opens a P1
     */
    public Step apply(
            StreakState state, CheckResult check, String serviceKey, boolean suppressed, boolean platformWide) {
        if (!state.targetId().equals(check.targetId())) {
            throw new IllegalArgumentException("check of another target");
        }
        Instant at = check.at();
        if (state.lastCheckAt() != null && !at.isAfter(state.lastCheckAt())) {
            return new Step(state, List.of()); // a run seen before, or out of order: nothing new
        }
        List<Effect> effects = new ArrayList<>();
        StreakState s = state;
        if (s.lastCheckAt() != null
                && Duration.between(s.lastCheckAt(), at).toMillis() > interval.toMillis() * MISSED_AFTER) {
            // the runs between were missed: the last check speaks for one interval, then nobody knows
            Instant gapStart = s.lastCheckAt().plus(interval);
            effects.add(new RecordUnknown(new UnknownSpan(
                    serviceKey,
                    new Interval(gapStart, at),
                    "target " + s.targetId() + " not checked (missed probe runs)")));
            if (s.outageOpen()) {
                effects.add(new RecordOutage(new Outage(
                        serviceKey, s.targetId(), s.outageStart(), s.outageConfirmedAt(), gapStart, s.incident())));
            }
            s = new StreakState(s.targetId(), s.lastCheckAt(), 0, null, false, null, null, s.incident(), s.version());
        }
        if (check.passed()) {
            if (s.outageOpen()) {
                Outage closed =
                        new Outage(serviceKey, s.targetId(), s.outageStart(), s.outageConfirmedAt(), at, s.incident());
                effects.add(new RecordOutage(closed));
                if (s.incident() != null) {
                    effects.add(new NoteIncident(s.incident(), closed, at));
                }
            } else if (s.incident() != null) {
                effects.add(new NoteIncident(s.incident(), null, at));
            }
            return new Step(new StreakState(s.targetId(), at, 0, null, false, null, null, null, s.version()), effects);
        }
        int failures = s.failures() + 1;
        Instant first = failures == 1 ? at : s.firstFailureAt();
        boolean notified = s.notified();
        if (failures >= NOTIFY_AFTER && !notified && !suppressed) {
            effects.add(new Notify(first, failures, at));
            notified = true;
        }
        Instant outageStart = s.outageStart(), confirmed = s.outageConfirmedAt();
        if (failures >= OUTAGE_AFTER && outageStart == null) {
            outageStart = first;
            confirmed = at;
            effects.add(
                    new RecordOutage(new Outage(serviceKey, s.targetId(), outageStart, confirmed, null, s.incident())));
        }
        if (outageStart != null && platformWide && s.incident() == null && !suppressed) {
            effects.add(new OpenIncident(new Outage(serviceKey, s.targetId(), outageStart, confirmed, null, null)));
        }
        return new Step(
                new StreakState(
                        s.targetId(), at, failures, first, notified, outageStart, confirmed, s.incident(), s.version()),
                effects);
    }
}
