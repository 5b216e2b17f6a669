package nl.vioms.sladesk.app.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketLifecycle;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.watch.Checkpoint;
import nl.vioms.sladesk.core.watch.SlaWatch;

/**
 * A {@link TicketStore} in memory, for fast tests of the application logic (no emulator). It
 * keeps the DynamoDB adapter's contract as far as the services use it: a create is conditional
 * on the ticket's absence (a repeat leaves the stored ticket), every other write on the version
 * read ({@link ConcurrentChangeException} otherwise, nothing stored), an outbox message is written
 * once (a write that would repeat one stores nothing, as the adapter's transaction), events are
 * kept by instant and id and folded in history order, a source is claimed once, and the due
 * index holds each ticket's next checkpoint ({@link SlaWatch#nextDue}). List entries are the
 * derived view, as the adapter's indexes hold it. Not thread-safe beyond its synchronized methods;
 * a test stages a concurrent writer by overriding a method (it is not final for that).
 */
public class InMemoryTicketStore implements TicketStore {
    private final boolean hasOutbox;
    private final Map<Integer, Long> counters = new HashMap<>();
    private final Map<String, SourceClaim> sources = new HashMap<>();
    private final Map<String, Entry> tickets = new TreeMap<>();
    private final Map<String, OutboxMessage> outbox = new LinkedHashMap<>();

    /** The stored state of one ticket: its last snapshot (the derived view) and its events. */
    private static final class Entry {
        Ticket snapshot;
        Instant dueAt;
        final Map<String, TicketEvent> events = new HashMap<>(); // by instant and id, as the adapter's sort key
    }

    /** A store with an outbox, as every function that writes tickets has. */
    public InMemoryTicketStore() {
        this(true);
    }

    /** @param hasOutbox false for a store that writes no escalations (a write with one fails) */
    public InMemoryTicketStore(boolean hasOutbox) {
        this.hasOutbox = hasOutbox;
    }

    /** Sets the year's counter, as if that many numbers had been taken. */
    public synchronized InMemoryTicketStore sequenceAt(int year, long taken) {
        counters.put(year, taken);
        return this;
    }

    @Override
    public synchronized long nextSequence(int year) {
        return counters.merge(year, 1L, Long::sum);
    }

    @Override
    public synchronized Optional<SourceClaim> source(String sourceKey) {
        return Optional.ofNullable(sources.get(sourceKey));
    }

    @Override
    public synchronized boolean claimSource(String sourceKey, String ticketNumber, Instant at, Instant reportedAt) {
        return sources.putIfAbsent(sourceKey, new SourceClaim(ticketNumber, false, reportedAt)) == null;
    }

    @Override
    public synchronized void completeSource(String sourceKey, Instant at) {
        SourceClaim claim = sources.get(sourceKey);
        // the adapter's update writes an item even where there was none; a claim always precedes it here
        sources.put(
                sourceKey,
                new SourceClaim(
                        claim == null ? null : claim.ticketNumber(), true, claim == null ? null : claim.reportedAt()));
    }

    @Override
    public synchronized void create(
            Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> messages) {
        putEventIfAbsent(ticket.number(), created);
        if (tickets.containsKey(ticket.number()) && tickets.get(ticket.number()).snapshot != null) {
            return; // stored, with its messages, by an earlier attempt
        }
        if (!writable(messages)) {
            return; // the adapter's transaction fails as a whole: stored by an earlier attempt
        }
        Entry entry = tickets.computeIfAbsent(ticket.number(), n -> new Entry());
        snapshot(entry, ticket, clocks, Set.of());
        messages.forEach(m -> outbox.put(m.id(), m));
    }

    @Override
    public synchronized void append(
            Ticket updated,
            TicketEvent event,
            ClockResult clocks,
            Set<Checkpoint> recorded,
            List<OutboxMessage> messages) {
        Entry entry = current(updated);
        if (!writable(messages)) {
            throw new ConcurrentChangeException(updated.number());
        }
        snapshot(entry, updated.withVersion(updated.version() + 1), clocks, recorded);
        messages.forEach(m -> outbox.put(m.id(), m));
        putEventIfAbsent(updated.number(), event);
    }

    @Override
    public synchronized void writeSnapshot(Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded) {
        Entry entry = current(ticket);
        snapshot(entry, ticket.withVersion(ticket.version() + 1), clocks, recorded);
    }

    @Override
    public synchronized Optional<Stored> find(String number) {
        Entry entry = tickets.get(number);
        if (entry == null || entry.snapshot == null) {
            return Optional.empty();
        }
        List<TicketEvent> history = new ArrayList<>(entry.events.values());
        history.sort(TicketLifecycle.HISTORY_ORDER);
        Ticket created = initial(entry.snapshot);
        Ticket ticket = TicketLifecycle.replay(created, history).withVersion(entry.snapshot.version());
        return Optional.of(new Stored(created, ticket, List.copyOf(history)));
    }

    @Override
    public Optional<Stored> read(String number) {
        return find(number);
    }

    @Override
    public boolean hasOutbox() {
        return hasOutbox;
    }

    @Override
    public synchronized boolean outboxHas(String id) {
        return outbox.containsKey(id);
    }

    @Override
    public synchronized DueEntries dueBy(Instant now) {
        List<String> due = tickets.entrySet().stream()
                .filter(e -> e.getValue().dueAt != null && !e.getValue().dueAt.isAfter(now))
                .map(Map.Entry::getKey)
                .toList();
        return new DueEntries(due, due.size());
    }

    @Override
    public synchronized List<String> createdBetween(String customerId, Interval span) {
        return views().stream()
                .filter(t -> customerId.equals(t.customerId()) && span.contains(t.createdAt()))
                .sorted(Comparator.comparing(Ticket::createdAt))
                .map(Ticket::number)
                .toList();
    }

    @Override
    public synchronized List<Ticket> openForReseller(String resellerId) {
        return views().stream()
                .filter(t -> resellerId.equals(t.resellerId()) && t.status().isOpen())
                .sorted(Comparator.comparing(Ticket::createdAt).reversed())
                .toList();
    }

    @Override
    public synchronized ListPage doneForReseller(String resellerId, After after, int limit) {
        Comparator<Ticket> newestFirst = Comparator.comparing(Ticket::createdAt)
                .thenComparing(Ticket::number, TicketNumber.ORDER)
                .reversed();
        List<Ticket> done = views().stream()
                .filter(t -> resellerId.equals(t.resellerId()) && !t.status().isOpen())
                .sorted(newestFirst)
                .filter(t -> after == null || olderThan(t, after))
                .toList();
        List<Ticket> page = done.subList(0, Math.min(limit, done.size()));
        return new ListPage(page, done.size() > limit ? After.of(page.get(page.size() - 1)) : null);
    }

    private static boolean olderThan(Ticket t, After after) {
        int byCreation = t.createdAt().compareTo(after.createdAt());
        return byCreation < 0 || (byCreation == 0 && TicketNumber.ORDER.compare(t.number(), after.number()) < 0);
    }

    @Override
    public synchronized List<Ticket> queue() {
        return views().stream()
                .filter(t -> t.status().isOpen())
                .sorted(Comparator.comparing(
                                (Ticket t) -> t.isTimed() ? t.priority().name().substring(1) : "9")
                        .thenComparing(Ticket::createdAt)
                        .thenComparing(Ticket::number, TicketNumber.ORDER))
                .toList();
    }

    @Override
    public synchronized List<Ticket> openP1() {
        return queue().stream()
                .filter(t -> t.isTimed() && t.priority() == Priority.P1)
                .toList();
    }

    /** Every outbox message written, in the order written. */
    public synchronized List<OutboxMessage> outbox() {
        return List.copyOf(outbox.values());
    }

    /** The instant of a ticket's due index entry, or null when it has none. */
    public synchronized Instant dueAt(String number) {
        Entry entry = tickets.get(number);
        return entry == null ? null : entry.dueAt;
    }

    private Entry current(Ticket read) {
        Entry entry = tickets.get(read.number());
        if (entry == null || entry.snapshot == null || entry.snapshot.version() != read.version()) {
            throw new ConcurrentChangeException(read.number());
        }
        return entry;
    }

    private boolean writable(List<OutboxMessage> messages) {
        if (!messages.isEmpty() && !hasOutbox) {
            throw new IllegalStateException("no outbox for the escalations of this store");
        }
        return messages.stream().noneMatch(m -> outbox.containsKey(m.id()));
    }

    private static void snapshot(Entry entry, Ticket ticket, ClockResult clocks, Set<Checkpoint> recorded) {
        entry.snapshot = ticket;
        entry.dueAt = clocks == null
                ? null
                : SlaWatch.nextDue(ticket, clocks, recorded).orElse(null);
    }

    private void putEventIfAbsent(String number, TicketEvent event) {
        Entry entry = tickets.computeIfAbsent(number, n -> new Entry());
        entry.events.putIfAbsent(event.at() + "#" + event.id(), event);
    }

    /** The list entries: each ticket's derived view, as the adapter's indexes hold it. */
    private List<Ticket> views() {
        List<Ticket> views = new ArrayList<>();
        for (Entry entry : tickets.values()) {
            if (entry.snapshot != null) {
                Ticket t = entry.snapshot;
                Ticket initial = initial(t);
                views.add(new Ticket(
                        t.number(),
                        t.kind(),
                        t.status(),
                        t.customerId(),
                        t.customerName(),
                        t.resellerId(),
                        t.level(),
                        t.serviceId(),
                        t.serviceKind(),
                        t.priority(),
                        t.priorityReason(),
                        t.subject(),
                        t.reporter(),
                        t.triage(),
                        initial.timeline(),
                        t.version()));
            }
        }
        return views;
    }

    /** The ticket as created, as the adapter reads it back from a snapshot: what the history folds onto. */
    private static Ticket initial(Ticket t) {
        var priority = t.timeline().initialPriority();
        TicketTimeline timeline = TicketTimeline.created(t.createdAt(), t.channel(), priority);
        return new Ticket(
                t.number(),
                t.kind(),
                TicketStatus.OPEN,
                t.customerId(),
                t.customerName(),
                t.resellerId(),
                t.level(),
                t.serviceId(),
                t.serviceKind(),
                priority,
                t.priorityReason(),
                t.subject(),
                t.reporter(),
                t.triage(),
                timeline,
                0);
    }
}
