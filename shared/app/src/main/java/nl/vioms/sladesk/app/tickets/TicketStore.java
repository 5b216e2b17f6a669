package nl.vioms.sladesk.app.tickets;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.ticket.MajorIncident;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketNumber;
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

    /**
     * A major incident no longer open (issue 19), kept a while for the status page.
     *
     * @param resolvedAt its resolution (or closing)
     */
    record ClosedMajor(MajorIncident incident, Instant resolvedAt) {}

    /** The major incidents as the one item of the board holds them: open ones, and the recently resolved. */
    record MajorBoard(List<MajorIncident> open, List<ClosedMajor> resolved) {
        public static final MajorBoard EMPTY = new MajorBoard(List.of(), List.of());

        public MajorBoard {
            open = List.copyOf(open);
            resolved = List.copyOf(resolved);
        }
    }

    /**
     * What a change to a ticket writes beside it about major incidents (issue 19), committed in the
     * same transaction as the ticket's change: the board entry of a major incident that opens, or
     * moves to resolved (with entries too old to keep pruned), and the link item of a child.
     *
     * @param opened       a major incident that opens with this change
     * @param closed       a major incident that is resolved or closed with this change
     * @param pruned       resolved entries to drop from the board (resolved long ago)
     * @param linkedTo     the parent the changed ticket is linked to with this change
     * @param unlinkedFrom the parent it is taken off with this change
     */
    record MajorWrites(
            MajorIncident opened, ClosedMajor closed, List<String> pruned, String linkedTo, String unlinkedFrom) {
        public static final MajorWrites NONE = new MajorWrites(null, null, List.of(), null, null);

        public MajorWrites {
            pruned = List.copyOf(pruned);
        }

        public boolean isEmpty() {
            return opened == null && closed == null && pruned.isEmpty() && linkedTo == null && unlinkedFrom == null;
        }

        public static MajorWrites opening(MajorIncident incident) {
            return new MajorWrites(incident, null, List.of(), null, null);
        }

        public static MajorWrites closing(ClosedMajor closed, List<String> pruned) {
            return new MajorWrites(null, closed, pruned, null, null);
        }

        public static MajorWrites link(String parent) {
            return new MajorWrites(null, null, List.of(), parent, null);
        }

        public static MajorWrites unlink(String parent) {
            return new MajorWrites(null, null, List.of(), null, parent);
        }
    }

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
     * As {@link #create(Ticket, TicketEvent, ClockResult, List)}, with the major-incident items its
     * creation writes (a major incident the probe opens, a child linked at intake), in the same commit.
     * A store without major incidents refuses any.
     */
    default void create(
            Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> outbox, MajorWrites major) {
        if (!major.isEmpty()) {
            throw new UnsupportedOperationException("this ticket store keeps no major incidents");
        }
        create(ticket, created, clocks, outbox);
    }

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
     * As {@link #append(Ticket, TicketEvent, ClockResult, Set, List)}, with the major-incident items
     * the event writes (issue 19) in the same commit. A store without major incidents refuses any.
     */
    default void append(
            Ticket updated,
            TicketEvent event,
            ClockResult clocks,
            Set<Checkpoint> recorded,
            List<OutboxMessage> outbox,
            MajorWrites major) {
        if (!major.isEmpty()) {
            throw new UnsupportedOperationException("this ticket store keeps no major incidents");
        }
        append(updated, event, clocks, recorded, outbox);
    }

    /** The major incidents' board: one consistent read (intake reads it for every new report). */
    default MajorBoard majorBoard() {
        return MajorBoard.EMPTY;
    }

    /** The numbers of the tickets linked to a major incident (unlinked ones not), in number order. */
    default List<String> children(String parent) {
        return List.of();
    }

    /** How many tickets are linked to a major incident: what its view and escalation show. */
    default int childCount(String parent) {
        return children(parent).size();
    }

    /**
     * Open tickets created in {@code [from, to]}, of every priority: the reports a major incident
     * that opens now may take, that came in before it was confirmed or declared.
     */
    default List<Ticket> openCreatedBetween(Instant from, Instant to) {
        return List.of();
    }

    /** Writes a message to the outbox once (an id there already is left as it is); false when it was there. */
    default boolean addToOutbox(OutboxMessage message) {
        throw new UnsupportedOperationException("this ticket store has no outbox");
    }

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

    /**
     * Where a page of a list ends: the last ticket shown, by creation and number. Its text form
     * ({@code 2026-12-01T08:00:00Z~VIO-2026-000123}) is what a page's "older" link carries.
     */
    record After(Instant createdAt, String number) {
        /** The text form read back; {@link InvalidInputException} when it is not one. */
        public static After parse(String text) {
            String[] parts = text.split("~", 2);
            if (parts.length != 2 || !TicketNumber.isValid(parts[1])) {
                throw new InvalidInputException("not a list position: '" + Texts.oneLine(text) + "'");
            }
            try {
                return new After(Instant.parse(parts[0]), parts[1]);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("not a list position: '" + Texts.oneLine(text) + "'");
            }
        }

        public static After of(Ticket last) {
            return new After(last.createdAt(), last.number());
        }

        @Override
        public String toString() {
            return createdAt + "~" + number;
        }
    }

    /** One page of a list, newest first, and where the next page starts (null: this is the last). */
    record ListPage(List<Ticket> tickets, After next) {}

    /**
     * A reseller's resolved and closed tickets (issue 18), newest first, at most {@code limit},
     * after {@code after} (null: from the newest).
     */
    ListPage doneForReseller(String resellerId, After after, int limit);

    /** All open tickets in work-queue order (R11): priority, then creation; RFCs last. */
    List<Ticket> queue();

    /** The open P1 incidents, oldest first: the head of the work queue (sla-check counts the unacknowledged). */
    List<Ticket> openP1();
}
