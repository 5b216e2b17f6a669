package nl.vioms.sladesk.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Customer BAKERY = new Customer(
            "bakkerij",
            "telnet",
            "Bakkerij",
            SlaLevel.N,
            List.of(
                    new ServiceRef("trunk", ServiceKind.SIP_TRUNK, "trunk"),
                    new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "pbx")),
            BigDecimal.TEN,
            BigDecimal.TEN,
            Set.of(),
            Set.of(),
            Set.of());

    private static Ticket open() {
        var report = new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                T0,
                "jan@bakkerij.nl",
                "Geen kiestoon",
                "tekst",
                null,
                null,
                "email:1",
                "email:jan");
        return TicketFactory.open(
                        "VIO-2026-000001", report, BAKERY, new PriorityClassification(Priority.P2, "rule", false))
                .ticket();
    }

    private static TicketEvent event(String id, EventKind kind, String at, Map<String, String> data) {
        return new TicketEvent(id, kind, Instant.parse(at), "operations:noc", "api", data);
    }

    @Test
    void aReportWithoutServiceConcernsTheHostedPbxAndTakesTheCustomersLevel() {
        Ticket ticket = open();

        assertEquals("pbx", ticket.serviceId(), "the main service is the hosted PBX, not the first listed");
        assertEquals(SlaLevel.N, ticket.level());
        assertEquals(TicketStatus.OPEN, ticket.status());
        assertEquals(false, ticket.triage());
    }

    @Test
    void anUnknownReporterIsTriagedOnLevelN() {
        var report = new Report(
                TicketKind.INCIDENT, Channel.PHONE, T0, "+31612345678", "?", "?", null, null, "phone", "phone");
        Ticket ticket = TicketFactory.open(
                        "VIO-2026-000002", report, null, new PriorityClassification(Priority.P3, "none", false))
                .ticket();

        assertTrue(ticket.triage());
        assertEquals(SlaLevel.N, ticket.level());
        assertNull(ticket.customerId());
    }

    @Test
    void waitingPausesAndTheReplyResumes() {
        Ticket waiting = TicketLifecycle.apply(
                open(), event("w", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T10:00:00Z", Map.of()));
        Ticket replied = TicketLifecycle.apply(
                waiting, event("r", EventKind.CUSTOMER_REPLIED, "2026-11-26T10:30:00Z", Map.of()));

        assertEquals(TicketStatus.WAITING, waiting.status());
        assertTrue(waiting.timeline().paused());
        assertEquals(TicketStatus.OPEN, replied.status());
        assertEquals(
                new TicketTimeline.Pause(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:30:00Z")),
                replied.timeline().pauses().get(0));
    }

    @Test
    void aMailSentBeforeTheWaitBeganDoesNotEndIt() {
        Ticket waiting = TicketLifecycle.apply(
                open(), event("w", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T10:00:00Z", Map.of()));
        Ticket late = TicketLifecycle.apply(waiting, event("m", EventKind.EMAIL, "2026-11-26T09:30:00Z", Map.of()));

        assertEquals(TicketStatus.WAITING, late.status());
        assertThrows(
                IllegalArgumentException.class,
                () -> TicketLifecycle.apply(
                        waiting, event("r", EventKind.CUSTOMER_REPLIED, "2026-11-26T09:59:59Z", Map.of())));
    }

    @Test
    void aMailFromAnotherPartyDoesNotEndTheWait() {
        Ticket waiting = TicketLifecycle.apply(
                open(), event("w", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T10:00:00Z", Map.of()));
        Ticket other = TicketLifecycle.apply(
                waiting,
                event("m", EventKind.EMAIL, "2026-11-26T10:30:00Z", Map.of(TicketLifecycle.FROM_REPORTER, "false")));
        Ticket theirs = TicketLifecycle.apply(
                waiting,
                event("m2", EventKind.EMAIL, "2026-11-26T10:30:00Z", Map.of(TicketLifecycle.FROM_REPORTER, "true")));

        assertEquals(TicketStatus.WAITING, other.status());
        assertEquals(TicketStatus.OPEN, theirs.status());
    }

    @Test
    void reclassificationKeepsTheClockStartAndNamesWhoDidIt() {
        Ticket p1 = TicketLifecycle.apply(
                open(),
                event(
                        "c",
                        EventKind.RECLASSIFIED,
                        "2026-11-26T11:00:00Z",
                        Map.of("priority", "P1", "reason", "hele vestiging plat")));

        assertEquals(Priority.P1, p1.priority());
        assertEquals(T0, p1.timeline().created(), "R17: no restart");
        assertEquals("reclassified by operations:noc: hele vestiging plat", p1.priorityReason());
        assertThrows(
                IllegalArgumentException.class,
                () -> TicketLifecycle.apply(
                        open(), event("x", EventKind.RECLASSIFIED, "2026-11-26T11:00:00Z", Map.of("priority", "P9"))));
    }

    @Test
    void resolvedStopsTheRestoreClockAndCannotHappenTwice() {
        Ticket resolved =
                TicketLifecycle.apply(open(), event("s", EventKind.RESOLVED, "2026-11-26T12:00:00Z", Map.of()));

        assertEquals(Instant.parse("2026-11-26T12:00:00Z"), resolved.timeline().resolvedAt());
        assertThrows(
                IllegalStateException.class,
                () -> TicketLifecycle.apply(
                        resolved, event("s2", EventKind.RESOLVED, "2026-11-26T12:05:00Z", Map.of())));
    }

    @Test
    void aClosedTicketTakesOnlyNotesAndMail() {
        Ticket closed = TicketLifecycle.apply(open(), event("c", EventKind.CLOSED, "2026-11-26T12:00:00Z", Map.of()));

        assertEquals(
                Instant.parse("2026-11-26T12:00:00Z"),
                closed.timeline().resolvedAt(),
                "closing an unresolved ticket resolves it");
        assertEquals(
                TicketStatus.CLOSED,
                TicketLifecycle.apply(closed, event("n", EventKind.NOTE, "2026-11-27T09:00:00Z", Map.of()))
                        .status());
        assertThrows(
                IllegalStateException.class,
                () -> TicketLifecycle.apply(
                        closed, event("w", EventKind.WAITING_FOR_CUSTOMER, "2026-11-27T09:00:00Z", Map.of())));
    }

    @Test
    void anEventBeforeTheTicketExistedIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TicketLifecycle.apply(open(), event("x", EventKind.RESPONSE, "2026-11-26T08:59:59Z", Map.of())));
    }

    @Test
    void aHistoryFoldsInTimeOrderWhateverOrderItArrivedIn() {
        var wait = event("w", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T10:00:00Z", Map.of());
        var reply = event("r", EventKind.CUSTOMER_REPLIED, "2026-11-26T10:30:00Z", Map.of());
        var lateWait = event("w2", EventKind.WAITING_FOR_CUSTOMER, "2026-11-26T10:15:00Z", Map.of());

        Ticket replayed = TicketLifecycle.replay(open(), List.of(wait, reply, lateWait));

        // in time order: wait 10:00, wait 10:15 (already waiting), reply 10:30 -> one pause, open
        assertEquals(TicketStatus.OPEN, replayed.status());
        assertEquals(
                List.of(new TicketTimeline.Pause(
                        Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:30:00Z"))),
                replayed.timeline().pauses());
        // a resolution back-dated before the wait contradicts it
        var early = event("x", EventKind.RESOLVED, "2026-11-26T09:45:00Z", Map.of());
        assertThrows(IllegalStateException.class, () -> TicketLifecycle.replay(open(), List.of(wait, reply, early)));
    }
}
