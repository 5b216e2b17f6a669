package nl.vioms.sladesk.core.watch;

import static nl.vioms.sladesk.core.watch.WatchFixtures.at;
import static nl.vioms.sladesk.core.watch.WatchFixtures.clocks;
import static nl.vioms.sladesk.core.watch.WatchFixtures.incident;
import static nl.vioms.sladesk.core.watch.WatchFixtures.open;
import static nl.vioms.sladesk.core.watch.WatchFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import nl.vioms.sladesk.core.watch.SlaWatch.Due;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Level A P1 reported by phone Mon 15 June 2026 10:00 runs 24x7 from creation (R7):
 * response 2 h -> 12:00; start work 2 h -> 12:00; restore 8 h -> 18:00; warning 75 % of 8 h = 6 h
 * -> 16:00; acknowledge 24 clock hours -> Tue 16 June 10:00 (R12).
 */
class SlaWatchTest {

    private static final String CREATED = "2026-06-15T10:00+02:00";
    private final Ticket p1 = incident(SlaLevel.A, Channel.PHONE, CREATED, Priority.P1);
    private final ClockResult c = clocks(p1, CREATED);

    private static Due due(Checkpoint cp, String at) {
        return new Due(cp, at(at));
    }

    @Test
    @DisplayName("nothing is due at creation; the next instant is the earliest checkpoint")
    void nothingDueAtCreation() {
        assertEquals(List.of(), SlaWatch.due(p1, c, Set.of(), at(CREATED)));
        assertEquals(Optional.of(at("2026-06-15T12:00+02:00")), SlaWatch.nextDue(p1, c, Set.of()));
    }

    @Test
    @DisplayName("due at 16:00: response and start work (12:00, enum order at the same instant), then the warning")
    void dueSortedByInstant() {
        assertEquals(
                List.of(
                        due(Checkpoint.RESPONSE_BREACH, "2026-06-15T12:00+02:00"),
                        due(Checkpoint.START_WORK_BREACH, "2026-06-15T12:00+02:00"),
                        due(Checkpoint.RESTORE_WARNING, "2026-06-15T16:00+02:00")),
                SlaWatch.due(p1, c, Set.of(), at("2026-06-15T16:00+02:00")));
        // one second before the warning it is not yet due (<= now)
        assertEquals(
                2,
                SlaWatch.due(p1, c, Set.of(), at("2026-06-15T15:59:59+02:00")).size());
    }

    @Test
    @DisplayName("nextDue walks the checkpoints in order as they are recorded: warning before breach, ack last")
    void nextDueOrder() {
        Set<Checkpoint> recorded = EnumSet.of(Checkpoint.RESPONSE_BREACH, Checkpoint.START_WORK_BREACH);
        assertEquals(Optional.of(at("2026-06-15T16:00+02:00")), SlaWatch.nextDue(p1, c, recorded)); // warning
        recorded.add(Checkpoint.RESTORE_WARNING);
        assertEquals(Optional.of(at("2026-06-15T18:00+02:00")), SlaWatch.nextDue(p1, c, recorded)); // breach
        recorded.add(Checkpoint.RESTORE_BREACH);
        assertEquals(Optional.of(at("2026-06-16T10:00+02:00")), SlaWatch.nextDue(p1, c, recorded)); // R12
        recorded.add(Checkpoint.ACKNOWLEDGE_BREACH);
        assertEquals(Optional.empty(), SlaWatch.nextDue(p1, c, recorded));
    }

    @Test
    @DisplayName("recorded checkpoints are skipped, also when long past")
    void recordedSkipped() {
        assertEquals(
                List.of(
                        due(Checkpoint.START_WORK_BREACH, "2026-06-15T12:00+02:00"),
                        due(Checkpoint.RESTORE_BREACH, "2026-06-15T18:00+02:00"),
                        due(Checkpoint.ACKNOWLEDGE_BREACH, "2026-06-16T10:00+02:00")),
                SlaWatch.due(
                        p1,
                        c,
                        EnumSet.of(Checkpoint.RESPONSE_BREACH, Checkpoint.RESTORE_WARNING),
                        at("2026-06-16T10:00+02:00")));
    }

    @Test
    @DisplayName("R16: a paused (waiting) ticket has no start-work or restore checkpoints; response and ack stay")
    void pausedTicket() {
        // level N P1 e-mailed Mon 15 June 10:00, paused from 11:00 on: response 4 office hours -> 14:00
        // (never paused); start work, restore and warning unknown while paused; ack Tue 10:00
        Ticket n = incident(SlaLevel.N, Channel.EMAIL, CREATED, Priority.P1);
        Ticket waiting = with(n, TicketStatus.WAITING, n.timeline().withPause(at("2026-06-15T11:00+02:00"), null));
        ClockResult paused = clocks(waiting, "2026-06-15T15:00+02:00");
        assertTrue(paused.paused());
        assertNull(paused.restoreDue());
        assertEquals(
                List.of(due(Checkpoint.RESPONSE_BREACH, "2026-06-15T14:00+02:00")),
                SlaWatch.due(waiting, paused, Set.of(), at("2026-06-15T15:00+02:00")));
        assertEquals(
                Optional.of(at("2026-06-16T10:00+02:00")),
                SlaWatch.nextDue(waiting, paused, EnumSet.of(Checkpoint.RESPONSE_BREACH)));
        assertEquals(
                List.of(
                        due(Checkpoint.RESPONSE_BREACH, "2026-06-15T14:00+02:00"),
                        due(Checkpoint.ACKNOWLEDGE_BREACH, "2026-06-16T10:00+02:00")),
                SlaWatch.due(waiting, paused, Set.of(), at("2026-06-30T00:00+02:00")));
    }

    @Test
    @DisplayName("a resolved or closed ticket has no checkpoints at all")
    void resolvedTicket() {
        Ticket resolved = with(p1, TicketStatus.RESOLVED, p1.timeline().withResolution(at("2026-06-15T11:00+02:00")));
        ClockResult rc = clocks(resolved, "2026-06-20T00:00+02:00");
        Instant later = at("2026-06-20T00:00+02:00");
        assertEquals(List.of(), SlaWatch.due(resolved, rc, Set.of(), later));
        assertEquals(Optional.empty(), SlaWatch.nextDue(resolved, rc, Set.of()));
        Ticket closed = with(p1, TicketStatus.CLOSED, p1.timeline());
        assertEquals(List.of(), SlaWatch.due(closed, c, Set.of(), later));
        assertEquals(Optional.empty(), SlaWatch.nextDue(closed, c, Set.of()));
    }

    @Test
    @DisplayName("R12/R13: after the response there is no response or acknowledge breach")
    void responseGiven() {
        Ticket responded = with(p1, TicketStatus.OPEN, p1.timeline().withResponse(at("2026-06-15T10:30+02:00")));
        ClockResult rc = clocks(responded, "2026-06-16T12:00+02:00");
        assertEquals(
                List.of(
                        due(Checkpoint.START_WORK_BREACH, "2026-06-15T12:00+02:00"),
                        due(Checkpoint.RESTORE_WARNING, "2026-06-15T16:00+02:00"),
                        due(Checkpoint.RESTORE_BREACH, "2026-06-15T18:00+02:00")),
                SlaWatch.due(responded, rc, Set.of(), at("2026-06-16T12:00+02:00")));
        // and once work started at 11:00 only the restore checkpoints are left
        Ticket working =
                with(responded, TicketStatus.OPEN, responded.timeline().withWorkStarted(at("2026-06-15T11:00+02:00")));
        assertEquals(
                Optional.of(at("2026-06-15T16:00+02:00")),
                SlaWatch.nextDue(working, clocks(working, CREATED), Set.of()));
    }

    @Test
    @DisplayName("R10: an RFC carries no clock, so no checkpoint")
    void rfcHasNone() {
        Ticket rfc = open(TicketKind.RFC, Channel.API, CREATED, WatchFixtures.customer(SlaLevel.A), Priority.P3);
        ClockResult rc = clocks(rfc, CREATED);
        assertEquals(List.of(), SlaWatch.due(rfc, rc, Set.of(), at("2026-07-01T00:00+02:00")));
        assertEquals(Optional.empty(), SlaWatch.nextDue(rfc, rc, Set.of()));
    }

    @Test
    @DisplayName("shard: String.hashCode, two digits, stable and in range")
    void shard() {
        // "VIO".hashCode() = 'V'*31^2 + 'I'*31 + 'O' = 86*961 + 73*31 + 79 = 82646 + 2263 + 79 = 84988
        // 84988 mod 16 = 84988 - 16*5311 (84976) = 12; mod 10 = 8; mod 1 = 0
        assertEquals("DUE#12", SlaWatch.shard("VIO", 16));
        assertEquals("DUE#08", SlaWatch.shard("VIO", 10));
        assertEquals("DUE#00", SlaWatch.shard("VIO", 1));
        // "A" = 65 -> 65 mod 100 = 65
        assertEquals("DUE#65", SlaWatch.shard("A", 100));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String number = String.format("VIO-2026-%06d", i);
            String s = SlaWatch.shard(number, 16);
            assertEquals(s, SlaWatch.shard(number, 16));
            assertTrue(s.matches("DUE#\\d\\d") && Integer.parseInt(s.substring(4)) < 16, s);
            seen.add(s);
        }
        assertEquals(16, seen.size());
        assertThrows(IllegalArgumentException.class, () -> SlaWatch.shard("VIO", 0));
        assertThrows(IllegalArgumentException.class, () -> SlaWatch.shard("VIO", 101));
    }

    @Test
    @DisplayName("checkpoint wire names round-trip; unknown names are refused")
    void wireNames() {
        assertEquals("acknowledge-breach", Checkpoint.ACKNOWLEDGE_BREACH.wireName());
        assertEquals("response-breach", Checkpoint.RESPONSE_BREACH.wireName());
        assertEquals("start-work-breach", Checkpoint.START_WORK_BREACH.wireName());
        assertEquals("restore-warning", Checkpoint.RESTORE_WARNING.wireName());
        assertEquals("restore-breach", Checkpoint.RESTORE_BREACH.wireName());
        for (Checkpoint cp : Checkpoint.values()) {
            assertEquals(cp, Checkpoint.fromWireName(cp.wireName()));
        }
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.fromWireName("RESTORE_BREACH"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.fromWireName(null));
    }
}
