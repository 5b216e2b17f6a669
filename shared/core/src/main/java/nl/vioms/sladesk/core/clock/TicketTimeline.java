package nl.vioms.sladesk.core.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import nl.vioms.sladesk.core.policy.Priority;
import org.jspecify.annotations.Nullable;

/**
 * The clock-relevant facts of one ticket, as stored (R8, R13, R16, R17). Optional instants are
 * null when the event has not happened.
 *
 * @param created           registration instant, the reference of every clock (R8)
 * @param channel           how the ticket came in (R7)
 * @param initialPriority   priority at creation (R10)
 * @param phoneReportedAt   when the fault was also reported by phone on the out-of-hours number (R7)
 * @param pauses            waits for the reseller or end user (R16); the last may be ongoing
 * @param reclassifications priority changes (R17), in any order
 * @param respondedAt       first contact with the reporter (R13, response clock)
 * @param startedWorkAt     work started (R14, start-work clock)
 * @param resolvedAt        fault reported resolved (R13, restore clock)
 */
public record TicketTimeline(
        Instant created,
        Channel channel,
        Priority initialPriority,
        @Nullable Instant phoneReportedAt,
        List<Pause> pauses,
        List<Reclassification> reclassifications,
        @Nullable Instant respondedAt,
        @Nullable Instant startedWorkAt,
        @Nullable Instant resolvedAt) {

    /** A wait for the customer (R16): {@code [from, to)}, {@code to} null while it lasts. */
    public record Pause(Instant from, @Nullable Instant to) {
        public Pause {
            Objects.requireNonNull(from, "from");
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("pause ends before it starts: " + from + "/" + to);
            }
        }

        public boolean ongoing() {
            return to == null;
        }
    }

    /** A priority change at an instant (R17). */
    public record Reclassification(Instant at, Priority newPriority) {
        public Reclassification {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(newPriority, "newPriority");
        }
    }

    public TicketTimeline {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(initialPriority, "initialPriority");
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        reclassifications = reclassifications == null ? List.of() : List.copyOf(reclassifications);
    }

    /** A new ticket without any later event. */
    public static TicketTimeline created(Instant created, Channel channel, Priority priority) {
        return new TicketTimeline(created, channel, priority, null, List.of(), List.of(), null, null, null);
    }

    public TicketTimeline withPhoneReport(Instant at) {
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                at,
                pauses,
                reclassifications,
                respondedAt,
                startedWorkAt,
                resolvedAt);
    }

    /** Adds a pause; {@code to} null for one that still lasts. */
    public TicketTimeline withPause(Instant from, @Nullable Instant to) {
        List<Pause> more = new ArrayList<>(pauses);
        more.add(new Pause(from, to));
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                phoneReportedAt,
                more,
                reclassifications,
                respondedAt,
                startedWorkAt,
                resolvedAt);
    }

    /** Ends the ongoing pause at {@code at} (R16: the clock resumes on their reply); no-op without one. */
    public TicketTimeline withPauseEnded(Instant at) {
        if (pauses.isEmpty() || !pauses.get(pauses.size() - 1).ongoing()) {
            return this;
        }
        List<Pause> closed = new ArrayList<>(pauses.subList(0, pauses.size() - 1));
        closed.add(new Pause(pauses.get(pauses.size() - 1).from(), at));
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                phoneReportedAt,
                closed,
                reclassifications,
                respondedAt,
                startedWorkAt,
                resolvedAt);
    }

    /** Whether a pause lasts now (the last one is still open). */
    public boolean paused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).ongoing();
    }

    public TicketTimeline withReclassification(Instant at, Priority newPriority) {
        List<Reclassification> more = new ArrayList<>(reclassifications);
        more.add(new Reclassification(at, newPriority));
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                phoneReportedAt,
                pauses,
                more,
                respondedAt,
                startedWorkAt,
                resolvedAt);
    }

    public TicketTimeline withResponse(Instant at) {
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                phoneReportedAt,
                pauses,
                reclassifications,
                at,
                startedWorkAt,
                resolvedAt);
    }

    public TicketTimeline withWorkStarted(Instant at) {
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                phoneReportedAt,
                pauses,
                reclassifications,
                respondedAt,
                at,
                resolvedAt);
    }

    public TicketTimeline withResolution(Instant at) {
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                phoneReportedAt,
                pauses,
                reclassifications,
                respondedAt,
                startedWorkAt,
                at);
    }

    /**
     * The priority in force at {@code now}: the newest reclassification at or before it, else the
     * initial priority (R17).
     */
    public Priority priorityAt(Instant now) {
        return reclassifications.stream()
                .filter(r -> !r.at().isAfter(now))
                .max(Comparator.comparing(Reclassification::at))
                .map(Reclassification::newPriority)
                .orElse(initialPriority);
    }

    /**
     * This timeline as known at {@code now}: later events are dropped, a pause that ends after
     * {@code now} is ongoing. Lets a clock be replayed at any past instant.
     */
    public TicketTimeline asOf(Instant now) {
        List<Pause> known = new ArrayList<>();
        for (Pause p : pauses) {
            if (!p.from().isAfter(now)) {
                known.add(p.to() != null && p.to().isAfter(now) ? new Pause(p.from(), null) : p);
            }
        }
        List<Reclassification> past =
                reclassifications.stream().filter(r -> !r.at().isAfter(now)).toList();
        return new TicketTimeline(
                created,
                channel,
                initialPriority,
                until(phoneReportedAt, now),
                known,
                past,
                until(respondedAt, now),
                until(startedWorkAt, now),
                until(resolvedAt, now));
    }

    private static @Nullable Instant until(@Nullable Instant event, Instant now) {
        return event != null && !event.isAfter(now) ? event : null;
    }
}
