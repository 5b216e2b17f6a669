package nl.vioms.sladesk.core.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.ticket.Ticket;
import org.jspecify.annotations.Nullable;

/**
 * Which SLA checkpoints of a ticket are due, and when the next one is. Pure: the caller supplies
 * the ticket, its clocks ({@link nl.vioms.sladesk.core.clock.SlaClocks#compute}) and the
 * checkpoints it already recorded, so that each checkpoint is acted on once.
 *
 * <p>A checkpoint exists only while it still means something: the ticket is open (OPEN or
 * WAITING) and timed (an incident, R10), its instant is known (a null instant has no target or is
 * paused, R14, R16), and the event it waits for has not happened:
 * <ul>
 *   <li>{@link Checkpoint#ACKNOWLEDGE_BREACH} at the R12 acknowledge instant, until the first
 *       response (the reaction to the reseller counts as the acknowledgement);</li>
 *   <li>{@link Checkpoint#RESPONSE_BREACH} at the response due instant, until the first response (R13);</li>
 *   <li>{@link Checkpoint#START_WORK_BREACH} at the start-work due instant, until work starts (R14);</li>
 *   <li>{@link Checkpoint#RESTORE_WARNING} at 75 % of the restore target and
 *       {@link Checkpoint#RESTORE_BREACH} at the restore due instant, until resolution (R13, R17).</li>
 * </ul>
 */
public final class SlaWatch {

    /** A checkpoint and the instant it falls due. */
    public record Due(Checkpoint checkpoint, Instant at) {
        public Due {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Earliest first; at the same instant in {@link Checkpoint} order (warning before breach). */
    private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparing(Due::checkpoint);

    private SlaWatch() {}

    /** The unrecorded checkpoints whose instant is at or before {@code now}, earliest first. */
    public static List<Due> due(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded, Instant now) {
        Objects.requireNonNull(now, "now");
        return pending(ticket, clocks, recorded).stream()
                .filter(d -> !d.at().isAfter(now))
                .toList();
    }

    /**
     * The earliest instant among the unrecorded checkpoints, whether past or future; empty for a
     * resolved, closed or untimed (RFC) ticket and when none remains. It keys the sparse "due"
     * index: a ticket without one leaves the index.
     */
    public static Optional<Instant> nextDue(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded) {
        return pending(ticket, clocks, recorded).stream().findFirst().map(Due::at);
    }

    /**
     * The partition key of the "due" index for a ticket: {@code DUE#00} up to
     * {@code DUE#<shards-1>}. Write sharding: tickets spread over {@code shards} keys so that no
     * single key takes every write; a reader queries each shard. The hash is
     * {@link String#hashCode()}, which the language specifies, so the shard of a number never
     * changes between runs or machines.
     *
     * @param shards 1 to 100 (two digits)
     */
    public static String shard(String ticketNumber, int shards) {
        Objects.requireNonNull(ticketNumber, "ticketNumber");
        if (shards < 1 || shards > 100) {
            throw new IllegalArgumentException("shards must be 1..100: " + shards);
        }
        return shardKey(Math.floorMod(ticketNumber.hashCode(), shards));
    }

    /** The key of shard {@code n}: {@code DUE#07}. */
    public static String shardKey(int n) {
        return String.format("DUE#%02d", n);
    }

    private static List<Due> pending(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(clocks, "clocks");
        Objects.requireNonNull(recorded, "recorded");
        if (!ticket.status().isOpen() || !ticket.isTimed()) {
            return List.of();
        }
        TicketTimeline t = ticket.timeline();
        List<Due> all = new ArrayList<>();
        if (t.respondedAt() == null) {
            add(all, Checkpoint.ACKNOWLEDGE_BREACH, clocks.acknowledgeDue());
            add(all, Checkpoint.RESPONSE_BREACH, clocks.responseDue());
        }
        if (t.startedWorkAt() == null) {
            add(all, Checkpoint.START_WORK_BREACH, clocks.startWorkDue());
        }
        if (t.resolvedAt() == null) {
            add(all, Checkpoint.RESTORE_WARNING, clocks.warningAt());
            add(all, Checkpoint.RESTORE_BREACH, clocks.restoreDue());
        }
        all.removeIf(d -> recorded.contains(d.checkpoint()));
        all.sort(ORDER);
        return List.copyOf(all);
    }

    private static void add(List<Due> all, Checkpoint checkpoint, @Nullable Instant at) {
        if (at != null) {
            all.add(new Due(checkpoint, at));
        }
    }
}
