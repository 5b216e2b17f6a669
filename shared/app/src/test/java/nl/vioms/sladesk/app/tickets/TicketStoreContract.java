package nl.vioms.sladesk.app.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketStore.SourceClaim;
import nl.vioms.sladesk.app.tickets.TicketStore.Stored;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketFactory;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketNumber;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.watch.Checkpoint;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TicketStore} promises, run against each implementation: the in-memory store
 * here ({@code InMemoryTicketStoreTest}) and the DynamoDB adapter on the emulator (shared/aws-tests).
 * A store may hold other tickets (the emulator's table is shared): each test uses numbers of its own.
 */
public abstract class TicketStoreContract {
    /** A P1 call at Thu 26 Nov 2026 10:05 Amsterdam; on level N start work is due 2 office hours later, 12:05. */
    private static final Instant CALLED = Instant.parse("2026-11-26T09:05:00Z");

    private static final Instant START_WORK_DUE = Instant.parse("2026-11-26T11:05:00Z");
    private static final TicketClocks CLOCKS = new TicketClocks(PolicyLoader.loadDefault());
    private static final Customer BAKERY = new Customer(
            "contract-bakery",
            "contract-reseller",
            "Bakkerij",
            SlaLevel.N,
            List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX")),
            new BigDecimal("250.00"),
            new BigDecimal("0.00"),
            Set.of(),
            Set.of(),
            Set.of());

    /** The store under test (with an outbox), the same one for every call of a test. */
    protected abstract TicketStore store();

    @Test
    void aCreateIsConditionalAndARepeatLeavesTheStoredTicket() {
        TicketFactory.NewTicket created = newTicket("Niemand kan bellen");
        store().create(created.ticket(), created.created(), clocks(created.ticket()), List.of());
        TicketFactory.NewTicket other = TicketFactory.open(
                created.ticket().number(),
                report("Iets anders"),
                BAKERY,
                new PriorityClassifier().classify("P2", "Iets anders", ""));

        store().create(other.ticket(), other.created(), clocks(other.ticket()), List.of());

        Stored stored = store().find(created.ticket().number()).orElseThrow();
        assertEquals("Niemand kan bellen", stored.ticket().subject());
        assertEquals(1, stored.history().size(), stored.history().toString());
        assertEquals(0, stored.ticket().version());
    }

    @Test
    void aWriteAgainstAStaleVersionThrowsAndStoresNothing() {
        String number = stored("Geen kiestoon");
        Stored read = store().find(number).orElseThrow();
        TicketEvent first = note("note-1", "2026-11-26T09:30:00Z");
        Ticket updated = read.with(first);
        store().append(updated, first, clocks(updated), Set.of(), List.of());

        TicketEvent late = note("note-2", "2026-11-26T09:31:00Z");
        Ticket stale = read.with(late);
        assertThrows(
                ConcurrentChangeException.class, () -> store().append(stale, late, clocks(stale), Set.of(), List.of()));
        assertThrows(
                ConcurrentChangeException.class,
                () -> store().writeSnapshot(read.ticket(), clocks(read.ticket()), Set.of()));

        Stored after = store().find(number).orElseThrow();
        assertEquals(
                List.of("created", "note-1"),
                after.history().stream().map(TicketEvent::id).toList());
        assertEquals(1, after.ticket().version());
    }

    @Test
    void aSourceIsClaimedOnceAndKeepsItsFirstReceipt() {
        String source = "contract#" + System.nanoTime();
        Instant claimed = Instant.parse("2026-11-26T09:06:00Z");

        assertTrue(store().claimSource(source, "VIO-2031-000001", claimed, CALLED));
        assertFalse(store().claimSource(source, "VIO-2031-000002", claimed.plusSeconds(5), CALLED.plusSeconds(5)));
        assertEquals(
                new SourceClaim("VIO-2031-000001", false, CALLED),
                store().source(source).orElseThrow());
        store().completeSource(source, claimed.plusSeconds(1));
        assertEquals(
                new SourceClaim("VIO-2031-000001", true, CALLED),
                store().source(source).orElseThrow());
        assertTrue(store().source("contract#never-" + System.nanoTime()).isEmpty());
    }

    @Test
    void theDueIndexHoldsTheNextCheckpointOfAnOpenTicketOnly() {
        String number = stored("Niemand kan bellen");

        assertFalse(
                store().dueBy(START_WORK_DUE.minusSeconds(1)).ticketNumbers().contains(number));
        assertTrue(store().dueBy(START_WORK_DUE).ticketNumbers().contains(number), "start work due at 12:05");
        Stored read = store().find(number).orElseThrow();
        store().writeSnapshot(read.ticket(), clocks(read.ticket()), Set.of(Checkpoint.START_WORK_BREACH));
        assertFalse(store().dueBy(START_WORK_DUE).ticketNumbers().contains(number), "recorded: the next is later");

        Stored again = store().find(number).orElseThrow();
        TicketEvent resolved = new TicketEvent(
                "resolved-1",
                EventKind.RESOLVED,
                Instant.parse("2026-11-26T10:00:00Z"),
                "operations:noc",
                "api",
                Map.of());
        Ticket done = again.with(resolved);
        store().append(done, resolved, clocks(done), Set.of(Checkpoint.START_WORK_BREACH), List.of());
        assertFalse(
                store().dueBy(Instant.parse("2030-01-01T00:00:00Z"))
                        .ticketNumbers()
                        .contains(number),
                "resolved: off the index");
    }

    @Test
    void anOutboxMessageIsWrittenOnceAndAWriteRepeatingOneStoresNothing() {
        TicketFactory.NewTicket created = newTicket("Storing");
        String number = created.ticket().number();
        OutboxMessage message = OutboxMessage.pending(
                number + "#contract", OutboxMessage.Topic.OPERATIONS, Map.of("kind", "contract"), "{}", CALLED);
        store().create(created.ticket(), created.created(), clocks(created.ticket()), List.of(message));
        assertTrue(store().hasOutbox());
        assertTrue(store().outboxHas(message.id()));

        Stored read = store().find(number).orElseThrow();
        TicketEvent event = note("note-again", "2026-11-26T09:40:00Z");
        Ticket updated = read.with(event);
        assertThrows(
                ConcurrentChangeException.class,
                () -> store().append(updated, event, clocks(updated), Set.of(), List.of(message)));

        assertFalse(store().find(number).orElseThrow().has("note-again"));
    }

    @Test
    void theListsHoldOpenTicketsOnly() {
        String number = stored("Doorverbinden werkt niet");
        assertTrue(store().queue().stream().anyMatch(t -> t.number().equals(number)));
        assertTrue(store().openForReseller("contract-reseller").stream()
                .anyMatch(t -> t.number().equals(number)));

        Stored read = store().find(number).orElseThrow();
        TicketEvent resolved = new TicketEvent(
                "resolved-1",
                EventKind.RESOLVED,
                Instant.parse("2026-11-26T10:00:00Z"),
                "operations:noc",
                "api",
                Map.of());
        Ticket done = read.with(resolved);
        store().append(done, resolved, clocks(done), Set.of(), List.of());

        assertTrue(store().queue().stream().noneMatch(t -> t.number().equals(number)));
        assertTrue(store().openForReseller("contract-reseller").stream()
                .noneMatch(t -> t.number().equals(number)));
        assertEquals(
                TicketStatus.RESOLVED,
                store().find(number).orElseThrow().ticket().status());
    }

    @Test
    void aResellersDoneTicketsComeNewestFirstAPageAtATime() {
        // a reseller of this test alone: the emulated tables are shared by every test of the JVM
        String reseller = "pager-" + System.nanoTime();
        Customer customer = new Customer(
                "pager-customer",
                reseller,
                "Pager",
                SlaLevel.N,
                BAKERY.services(),
                BAKERY.monthlyLicenceFee(),
                BAKERY.monthlyFixedCosts(),
                Set.of(),
                Set.of(),
                Set.of());
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String number = TicketNumber.format(2031, store().nextSequence(2031));
            var created = TicketFactory.open(
                    number, report("Storing " + i), customer, new PriorityClassifier().classify("P2", "x", ""));
            store().create(created.ticket(), created.created(), clocks(created.ticket()), List.of());
            Stored read = store().find(number).orElseThrow();
            TicketEvent resolved = new TicketEvent(
                    "resolved-" + i, EventKind.RESOLVED, CALLED.plusSeconds(60), "operations:noc", "api", Map.of());
            store().append(read.with(resolved), resolved, clocks(read.with(resolved)), Set.of(), List.of());
            done.add(number);
        }
        var open = TicketFactory.open(
                TicketNumber.format(2031, store().nextSequence(2031)),
                report("Nog open"),
                customer,
                new PriorityClassifier().classify("P2", "x", ""));
        store().create(open.ticket(), open.created(), clocks(open.ticket()), List.of());

        // created at the same instant: the later number is the newer
        TicketStore.ListPage first = store().doneForReseller(reseller, null, 2);
        assertEquals(List.of(done.get(2), done.get(1)), numbers(first));
        assertEquals(new TicketStore.After(CALLED, done.get(1)), first.next());
        TicketStore.ListPage second = store().doneForReseller(reseller, first.next(), 2);
        assertEquals(List.of(done.get(0)), numbers(second));
        assertNull(second.next());
        assertEquals(first.next(), TicketStore.After.parse(first.next().toString()));
    }

    private static List<String> numbers(TicketStore.ListPage page) {
        return page.tickets().stream().map(Ticket::number).toList();
    }

    // ---------------------------------------------------------------- helpers

    /** A new ticket of the bakery, stored; its number. */
    private String stored(String subject) {
        TicketFactory.NewTicket created = newTicket(subject);
        store().create(created.ticket(), created.created(), clocks(created.ticket()), List.of());
        return created.ticket().number();
    }

    private TicketFactory.NewTicket newTicket(String subject) {
        String number = TicketNumber.format(2031, store().nextSequence(2031));
        var priority = new PriorityClassifier().classify("P1", subject, "");
        return TicketFactory.open(number, report(subject), BAKERY, priority);
    }

    private static Report report(String subject) {
        return new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                CALLED,
                "+31201234567",
                subject,
                subject,
                "P1",
                null,
                "phone:support",
                "telephony:a");
    }

    private static TicketEvent note(String id, String at) {
        return new TicketEvent(id, EventKind.NOTE, Instant.parse(at), "operations:noc", "api", Map.of("text", id));
    }

    private static ClockResult clocks(Ticket ticket) {
        return CLOCKS.compute(ticket, Instant.parse("2026-11-26T09:10:00Z")).orElse(null);
    }
}
