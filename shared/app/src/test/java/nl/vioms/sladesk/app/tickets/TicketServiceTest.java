package nl.vioms.sladesk.app.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.directory.InMemoryDirectoryStore;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService.Opened;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.watch.Checkpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application logic of {@link TicketService} on the in-memory store: idempotent intake,
 * retries, checkpoints and R17 escalations, no emulator. Expected instants are worked out by hand
 * from SLA-RULES.md (Amsterdam is UTC+1 in November 2026; Thu 26 and Fri 27 Nov are working days).
 */
class TicketServiceTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam, inside office hours (R3). */
    private static final Instant T1 = Instant.parse("2026-11-26T09:12:30Z");

    private static final TicketClocks CLOCKS = new TicketClocks(PolicyLoader.loadDefault());
    private static final String LINKS = "https://sladesk.example";
    /** Level HA (24x7, R5), reseller telnet. */
    private static final Customer HOTEL = customer("hotel-gouden-leeuw", SlaLevel.HA, "+31201111111");
    /** Level N (office hours, R5), reseller telnet. */
    private static final Customer BAKERY = customer("bakkerij-devries", SlaLevel.N, "+31201234567");

    private final SettableClock clock = new SettableClock(T1);
    private final InMemoryDirectoryStore directory =
            new InMemoryDirectoryStore().put(HOTEL).put(BAKERY);
    private InMemoryTicketStore store;
    private TicketService service;

    @BeforeEach
    void newStore() {
        use(new InMemoryTicketStore());
    }

    private void use(InMemoryTicketStore ticketStore) {
        store = ticketStore;
        service = new TicketService(store, CLOCKS, new PriorityClassifier(), clock, LINKS);
    }

    @Test
    void theSameSourceTwiceIsOneTicketAndTheSecondADuplicate() {
        Opened first = service.open(report(T1, "P2"), HOTEL, "api#telnet#key-1");
        Opened again = service.open(report(T1.plusSeconds(30), "P2"), HOTEL, "api#telnet#key-1");

        assertFalse(first.duplicate());
        assertTrue(again.duplicate());
        assertEquals(first.ticket().number(), again.ticket().number());
        assertEquals("VIO-2026-000001", first.ticket().number());
        assertEquals(
                List.of(first.ticket().number()),
                store.queue().stream().map(Ticket::number).toList());
        // the duplicate drew no number: the next source gets the next one
        assertEquals(
                "VIO-2026-000002",
                service.open(report(T1, "P2"), HOTEL, "api#telnet#key-2")
                        .ticket()
                        .number());
    }

    @Test
    void aRetryAfterACrashHalfwayKeepsTheFirstReceiptInstant() {
        AtomicInteger crashes = new AtomicInteger(1);
        use(new InMemoryTicketStore() {
            @Override
            public synchronized void create(
                    Ticket ticket, TicketEvent created, ClockResult clocks, List<OutboxMessage> messages) {
                if (crashes.getAndDecrement() > 0) {
                    throw new IllegalStateException("simulated crash after the claim, before the ticket");
                }
                super.create(ticket, created, clocks, messages);
            }
        });
        assertThrows(IllegalStateException.class, () -> service.open(report(T1, "P2"), HOTEL, "api#telnet#retry"));

        // the client retries with the same Idempotency-Key five seconds later
        clock.set(T1.plusSeconds(5));
        Opened retried = service.open(report(T1.plusSeconds(5), "P2"), HOTEL, "api#telnet#retry");

        TicketStore.Stored stored = store.find(retried.ticket().number()).orElseThrow();
        assertEquals(T1, stored.ticket().createdAt(), "R8: the clock starts at the first receipt");
        assertEquals(1, stored.history().size(), "one created event: " + stored.history());
        assertEquals(T1, stored.history().get(0).at());
        assertTrue(retried.duplicate(), "the retry completes the first attempt's claim");
        // HA (24x7 contract, R14), P2 reported in office hours (R7): response < 2 h (R5)
        // 10:12:30 + 2 h = 12:12:30 Amsterdam = 11:12:30Z
        assertEquals(
                Instant.parse("2026-11-26T11:12:30Z"),
                service.clocksOf(stored.ticket()).responseDue());
    }

    @Test
    void recordRetriesWhenAnotherWriterWasFirst() {
        AtomicInteger appends = new AtomicInteger();
        AtomicReference<Runnable> otherWriter = new AtomicReference<>();
        use(new InMemoryTicketStore() {
            @Override
            public synchronized void append(
                    Ticket updated,
                    TicketEvent event,
                    ClockResult clocks,
                    Set<Checkpoint> recorded,
                    List<OutboxMessage> outbox) {
                appends.incrementAndGet();
                Runnable other = otherWriter.getAndSet(null);
                if (other != null) {
                    other.run(); // another operator's note lands between our read and our write
                }
                super.append(updated, event, clocks, recorded, outbox);
            }
        });
        String number = service.open(report(T1, "P2"), HOTEL, "api#telnet#race")
                .ticket()
                .number();
        clock.set(Instant.parse("2026-11-26T10:00:00Z"));
        otherWriter.set(() -> service.record(number, event("note-a", EventKind.NOTE, "2026-11-26T09:58:00Z")));

        var view = service.record(number, event("wait-b", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T09:59:00Z"))
                .orElseThrow();

        assertEquals(3, appends.get(), "ours, the other's, ours again after the concurrent change");
        assertEquals(TicketStatus.WAITING, view.ticket().status());
        assertEquals(
                List.of("created", "note-a", "wait-b"),
                view.history().stream().map(TicketEvent::id).toList());
        assertEquals(2, store.find(number).orElseThrow().ticket().version(), "two appends stored");
    }

    @Test
    void anEventIdRecordedTwiceIsAppliedOnce() {
        String number = service.open(report(T1, "P2"), HOTEL, "api#telnet#twice")
                .ticket()
                .number();
        clock.set(Instant.parse("2026-11-26T10:00:00Z"));
        TicketEvent resolved = event("api-r1", EventKind.RESOLVED, "2026-11-26T09:59:00Z");

        service.record(number, resolved);
        var again = service.record(number, resolved).orElseThrow(); // a retried request: no conflict

        assertEquals(TicketStatus.RESOLVED, again.ticket().status());
        assertEquals(
                1,
                again.history().stream()
                        .filter(e -> e.kind() == EventKind.RESOLVED)
                        .count());
        // another resolution (another id) does not fit a resolved ticket
        var conflict = assertThrows(
                ConflictException.class,
                () -> service.record(number, event("api-r2", EventKind.RESOLVED, "2026-11-26T09:59:30Z")));
        assertEquals("ticket " + number + " is resolved; resolved needs an open ticket", conflict.getMessage());
    }

    @Test
    void checkpointsAreRecordedOnceWithTheirEscalations() {
        // a P1 call for the bakery (level N: office-hours contract) at Thu 26 Nov 10:05 Amsterdam (09:05Z):
        //   start work  < 2 office hours (R14)            -> 12:05 = 11:05Z
        //   response    < 4 office hours (R5, N)          -> 14:05 = 13:05Z
        //   restore     < 8 office hours: 10:05-17:30 is 7 h 25, 35 min more from Fri 09:00 -> Fri 09:35 = 08:35Z
        //   warning     75 % of 8 = 6 office hours (R17)  -> 16:05 = 15:05Z
        //   acknowledge 24 clock hours (R12)              -> Fri 10:05 = 09:05Z
        clock.set(Instant.parse("2026-11-26T09:10:00Z"));
        Customer caller = directory.customerByPhone("+31201234567").orElseThrow();
        Report call = new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                Instant.parse("2026-11-26T09:05:00Z"),
                "+31201234567",
                "Niemand kan bellen",
                "Niemand kan bellen",
                "P1",
                null,
                "phone:support",
                "telephony:a");
        String number =
                service.open(call, caller, "phone#+31201234567#1").ticket().number();
        assertTrue(store.outbox().isEmpty(), "an office-hours P1 is not escalated at creation (R17)");
        Instant now = Instant.parse("2026-11-26T15:10:00Z"); // 16:10: start work, response and warning are due

        int recorded = service.recordCheckpoints(number, now);
        int again = service.recordCheckpoints(number, now); // the next sweep, or an overlapping one

        assertEquals(3, recorded);
        assertEquals(0, again);
        var history = store.find(number).orElseThrow().history();
        Map<String, String> dueAt = new LinkedHashMap<>();
        history.stream()
                .filter(e -> e.kind() == EventKind.SLA_BREACH || e.kind() == EventKind.SLA_WARNING)
                .forEach(e -> dueAt.put(
                        e.data().get(TicketService.CHECKPOINT), e.data().get("dueAt")));
        assertEquals(
                Map.of(
                        "start-work-breach",
                        "2026-11-26T11:05:00Z",
                        "response-breach",
                        "2026-11-26T13:05:00Z",
                        "restore-warning",
                        "2026-11-26T15:05:00Z"),
                dueAt,
                "each once, with the instant it fell due");
        assertEquals(
                Map.of(
                        number + "#start-work-breach", OutboxMessage.Topic.OPERATIONS,
                        number + "#response-breach", OutboxMessage.Topic.OPERATIONS,
                        number + "#p1-restore-warning", OutboxMessage.Topic.ESCALATIONS),
                topics(store.outbox()));
        assertEquals(Instant.parse("2026-11-27T08:35:00Z"), store.dueAt(number), "next: the restore breach, Fri 09:35");
    }

    @Test
    void aP1OnA24x7ContractIsEscalatedAtCreation() throws Exception {
        // R17: HA is a 24x7 contract (R14); P1 restore < 8 h (R5): 10:12:30 + 8 h = 18:12:30 Amsterdam
        Opened opened = service.open(report(T1, "P1"), HOTEL, "api#telnet#p1");

        String number = opened.ticket().number();
        assertEquals(Priority.P1, opened.ticket().priority());
        assertEquals(Map.of(number + "#p1-escalation", OutboxMessage.Topic.ESCALATIONS), topics(store.outbox()));
        OutboxMessage message = store.outbox().get(0);
        assertEquals("24x7", message.attributes().get("contract"));
        assertEquals("P1", message.attributes().get("priority"));
        Map<String, Object> body = Json.readObject(message.body());
        assertEquals("2026-11-26T18:12:30+01:00", body.get("restoreDue"));
        assertEquals(LINKS + "/tickets/" + number, body.get("link"));
        assertEquals(T1, message.createdAt());
        // opened again (a retried request), it is not escalated twice
        service.open(report(T1, "P1"), HOTEL, "api#telnet#p1");
        assertEquals(1, store.outbox().size());
    }

    // ---------------------------------------------------------------- helpers

    private static Customer customer(String id, SlaLevel level, String phone) {
        return new Customer(
                id,
                "telnet",
                id,
                level,
                List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX")),
                new BigDecimal("250.00"),
                new BigDecimal("0.00"),
                Set.of(),
                Set.of(),
                Set.of(phone));
    }

    private static Report report(Instant at, String priority) {
        return new Report(
                TicketKind.INCIDENT,
                Channel.API,
                at,
                "reseller:telnet",
                "Receptie kan niet doorverbinden",
                "Sinds vanochtend werkt doorverbinden niet.",
                priority,
                "pbx",
                "api",
                "reseller:telnet");
    }

    private static TicketEvent event(String id, EventKind kind, String at) {
        return new TicketEvent(id, kind, Instant.parse(at), "operations:noc", "api", Map.of());
    }

    private static Map<String, OutboxMessage.Topic> topics(List<OutboxMessage> messages) {
        Map<String, OutboxMessage.Topic> topics = new LinkedHashMap<>();
        messages.forEach(m -> topics.put(m.id(), m.topic()));
        return topics;
    }
}
