package nl.vioms.sladesk.app.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.watch.Checkpoint;

/**
 * Where tickets are kept (the port; docs/decisions/16-ports-and-errors.md). A ticket is its
 * history: the store keeps the facts fixed at creation, the events, and a derived view for lists
 * (status, priority, deadlines, the due index). Every write is conditional: a write against a
 * version that is no longer the stored one throws {@link ConcurrentChangeException} and stores
 * nothing. Implementations: the DynamoDB adapter ({@code TicketRepository} in shared/aws) and
 * {@code InMemoryTicketStore} in this module's test-jar.
 */
public interface TicketStore {

    /**
     * A ticket with its history, oldest event first.
     *
     * @param created the ticket as created, before any event: what the history folds onto
     */
    record Stored(Ticket created, Ticket ticket, List<TicketEvent> history) {
        public boolean has(String eventId) {
            return history.stream().anyMatch(e -> e.id().equals(eventId));
        }

        /**
         * The ticket with one more event, folded at its place in time (a back-dated event is
         * judged against what came before and after it), at the version read.
         */
        public Ticket with(TicketEvent event) {
            List<TicketEvent> more = new ArrayList<>(history);
            more.add(event);
            return TicketLifecycle.replay(created, more).withVersion(ticket.version());
        }
    }

    /**
     * What a source (an e-mail's Message-ID, an API idempotency key) was taken in as.
     *
     * @param reportedAt when the first delivery was received (R8); null for claims stored before it was kept
     */
    record SourceClaim(String ticketNumber, boolean complete, Instant reportedAt) {}

    /** What a sweep found: the tickets with a checkpoint due, and how many index entries it read. */
    record DueEntries(List<String> ticketNumbers, int itemsRead) {}

    /** The next number of the year's counter (atomic; a failed intake leaves a gap, never a duplicate). */
    long nextSequence(int year);

    /** What a source was taken in as, if anything. */
    Optional<SourceClaim> source(String sourceKey);

    /**
     * Claims a source for a ticket number; false when it was claimed already.
     *
     * @param reportedAt the report's receipt, which a retry of the same source must keep as its creation instant
     */
    boolean claimSource(String sourceKey, String ticketNumber, Instant at, Instant reportedAt);

    /** Marks a claimed source as taken in completely. */
    void completeSource(String sourceKey, Instant at);

    /**
     * Stores a new ticket, its first event and the outbox messages its creation raises (R17: a P1
     * on a 24x7 contract) together; repeating it after a partial failure completes it, and a
     * ticket stored already is left as it is.
     */
    void create(Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> outbox);

    /**
     * Adds an event that has been applied to {@code updated} (whose version is the one read),
     * with the SLA checkpoints recorded so far (they key the due index) and the outbox messages
     * the event raises, committed together.
     *
     * @throws ConcurrentChangeException when the ticket changed since it was read (nothing is stored)
     */
    void append(
            Ticket updated,
            TicketEvent event,
            ClockResult clocks,
            Set<Checkpoint> recorded,
            List<OutboxMessage> outbox);

    /**
     * Rewrites the derived view (deadlines, due index) of a ticket read with {@link #find}.
     *
     * @throws ConcurrentChangeException when the ticket changed since it was read
     */
    void writeSnapshot(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded);

    /** A ticket with its history; an event whose write was interrupted is repaired on the way. */
    Optional<Stored> find(String number);

    /** As {@link #find}, without writing (for readers with read-only access, such as month-end). */
    Optional<Stored> read(String number);

    /** Whether escalations can be written with ticket changes. */
    boolean hasOutbox();

    /** Whether the outbox has a message with this id already (sent or waiting). */
    boolean outboxHas(String id);

    /** Tickets with a checkpoint due by {@code now} (the due index), whatever their order. */
    DueEntries dueBy(Instant now);

    /** The numbers of a customer's tickets created in {@code span} (half-open), oldest first. */
    List<String> createdBetween(String customerId, Interval span);

    /** A reseller's open tickets, newest first: the derived view, without history. */
    List<Ticket> openForReseller(String resellerId);

    /** All open tickets in work-queue order (R11): priority, then creation; RFCs last. */
    List<Ticket> queue();

    /** The open P1 incidents, oldest first: the head of the work queue (sla-check counts the unacknowledged). */
    List<Ticket> openP1();
}
