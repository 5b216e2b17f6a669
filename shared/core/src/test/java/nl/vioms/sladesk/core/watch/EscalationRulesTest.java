package nl.vioms.sladesk.core.watch;

import static nl.vioms.sladesk.core.watch.WatchFixtures.NUMBER;
import static nl.vioms.sladesk.core.watch.WatchFixtures.clocks;
import static nl.vioms.sladesk.core.watch.WatchFixtures.incident;
import static nl.vioms.sladesk.core.watch.WatchFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.policy.ContractType;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.watch.EscalationRules.Audience;
import nl.vioms.sladesk.core.watch.EscalationRules.Escalation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R17 on tickets created Mon 15 June 2026 10:00 (+02:00). */
class EscalationRulesTest {

    private static final String CREATED = "2026-06-15T10:00+02:00";
    private static final ContractType H24 = ContractType.TWENTY_FOUR_SEVEN;
    private static final ContractType OFFICE = ContractType.OFFICE_HOURS;

    private static Map<String, String> attributes(String priority, String kind, String contract) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("priority", priority);
        m.put("kind", kind);
        m.put("contract", contract);
        m.put("ticketNumber", NUMBER);
        m.put("escalationId", NUMBER + "#" + kind);
        return m;
    }

    private static Escalation only(List<Escalation> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    @Test
    @DisplayName("creation: a P1 on 24x7 goes to the second line at once, exact id, attributes and body")
    void p1TwentyFourSevenAtCreation() {
        Ticket t = incident(SlaLevel.A, Channel.PHONE, CREATED, Priority.P1);
        Escalation e = only(EscalationRules.atCreation(t, H24));
        assertEquals("VIO-2026-000123#p1-escalation", e.id());
        assertEquals(Audience.ESCALATIONS, e.audience());
        assertEquals("p1-escalation", e.kind());
        assertEquals(attributes("P1", "p1-escalation", "24x7"), e.attributes());
        assertEquals(
                List.of("priority", "kind", "contract", "ticketNumber", "escalationId"),
                List.copyOf(e.attributes().keySet()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("escalationId", "VIO-2026-000123#p1-escalation");
        body.put("ticket", NUMBER);
        body.put("kind", "p1-escalation");
        body.put("priority", "P1");
        body.put("contract", "24x7");
        body.put("customer", "Bakkerij Jansen");
        body.put("level", "A");
        body.put("subject", "Niemand kan bellen");
        body.put("createdAt", "2026-06-15T10:00:00+02:00");
        body.put("link", "/tickets/VIO-2026-000123");
        assertEquals(body, e.body()); // no clocks at creation: the due fields are left out
    }

    @Test
    @DisplayName("creation: nothing for a P1 on office hours, a P2 on 24x7, or an RFC")
    void nothingElseAtCreation() {
        assertEquals(
                List.of(),
                EscalationRules.atCreation(incident(SlaLevel.N, Channel.PHONE, CREATED, Priority.P1), OFFICE));
        assertEquals(
                List.of(), EscalationRules.atCreation(incident(SlaLevel.A, Channel.PHONE, CREATED, Priority.P2), H24));
        Ticket rfc = open(TicketKind.RFC, Channel.API, CREATED, WatchFixtures.customer(SlaLevel.A), Priority.P1);
        assertEquals(List.of(), EscalationRules.atCreation(rfc, H24));
    }

    @Test
    @DisplayName("P1 office hours: warning and breach go to the second line, with the due instants in Amsterdam time")
    void p1OfficeHoursWarningAndBreach() {
        // N P1 e-mailed Mon 10:00: response 4 h -> 14:00; restore 8 office hours: Mon 10:00-17:30 = 7.5 h,
        // 0.5 h left -> Tue 16 June 09:30; warning 6 h -> Mon 16:00; acknowledge 24 h -> Tue 10:00
        Ticket t = incident(SlaLevel.N, Channel.EMAIL, CREATED, Priority.P1);
        ClockResult c = clocks(t, CREATED);

        Escalation w = only(EscalationRules.at(Checkpoint.RESTORE_WARNING, t, OFFICE, c));
        assertEquals("VIO-2026-000123#p1-restore-warning", w.id());
        assertEquals(Audience.ESCALATIONS, w.audience());
        assertEquals(attributes("P1", "p1-restore-warning", "office-hours"), w.attributes());
        assertEquals("2026-06-16T10:00:00+02:00", w.body().get("acknowledgeDue"));
        assertEquals("2026-06-15T14:00:00+02:00", w.body().get("responseDue"));
        assertEquals("2026-06-16T09:30:00+02:00", w.body().get("restoreDue"));
        assertEquals("2026-06-15T16:00:00+02:00", w.body().get("restoreWarningAt"));
        assertEquals("office-hours", w.body().get("contract"));

        Escalation b = only(EscalationRules.at(Checkpoint.RESTORE_BREACH, t, OFFICE, c));
        assertEquals("VIO-2026-000123#p1-restore-breach", b.id());
        assertEquals(Audience.ESCALATIONS, b.audience());
        assertEquals(attributes("P1", "p1-restore-breach", "office-hours"), b.attributes());
    }

    @Test
    @DisplayName("P1 24x7: the warning goes to operations (second line has it since creation), the breach to the "
            + "second line")
    void p1TwentyFourSevenWarningAndBreach() {
        // A P1 by phone Mon 10:00: warning 6 h -> 16:00, restore 8 h -> 18:00
        Ticket t = incident(SlaLevel.A, Channel.PHONE, CREATED, Priority.P1);
        ClockResult c = clocks(t, CREATED);

        Escalation w = only(EscalationRules.at(Checkpoint.RESTORE_WARNING, t, H24, c));
        assertEquals("VIO-2026-000123#restore-warning", w.id());
        assertEquals(Audience.OPERATIONS, w.audience());
        assertEquals(attributes("P1", "restore-warning", "24x7"), w.attributes());
        assertEquals("2026-06-15T16:00:00+02:00", w.body().get("restoreWarningAt"));

        Escalation b = only(EscalationRules.at(Checkpoint.RESTORE_BREACH, t, H24, c));
        assertEquals("VIO-2026-000123#p1-restore-breach", b.id());
        assertEquals(Audience.ESCALATIONS, b.audience());
        assertEquals("2026-06-15T18:00:00+02:00", b.body().get("restoreDue"));

        // any other P1 checkpoint: operations under its wire name
        Escalation r = only(EscalationRules.at(Checkpoint.RESPONSE_BREACH, t, H24, c));
        assertEquals("VIO-2026-000123#response-breach", r.id());
        assertEquals(Audience.OPERATIONS, r.audience());
    }

    @Test
    @DisplayName("P2 breach goes to operations; an unknown reporter's ticket shows the triage customer")
    void p2BreachToOperations() {
        // A P2 by phone Mon 10:00: restore 8 h -> 18:00, no warning escalation to the second line
        Ticket t = incident(SlaLevel.A, Channel.PHONE, CREATED, Priority.P2);
        ClockResult c = clocks(t, CREATED);
        Escalation b = only(EscalationRules.at(Checkpoint.RESTORE_BREACH, t, H24, c));
        assertEquals("VIO-2026-000123#restore-breach", b.id());
        assertEquals(Audience.OPERATIONS, b.audience());
        assertEquals("restore-breach", b.kind());
        assertEquals(attributes("P2", "restore-breach", "24x7"), b.attributes());
        assertEquals("/tickets/VIO-2026-000123", b.body().get("link"));

        // unknown reporter: triage on level N; P3 has no targets, so only R12's acknowledge is in the body
        Ticket triage = open(TicketKind.INCIDENT, Channel.EMAIL, CREATED, null, Priority.P3);
        Escalation a = only(EscalationRules.at(Checkpoint.ACKNOWLEDGE_BREACH, triage, OFFICE, clocks(triage, CREATED)));
        assertEquals("VIO-2026-000123#acknowledge-breach", a.id());
        assertEquals(Audience.OPERATIONS, a.audience());
        assertEquals("onbekend (triage)", a.body().get("customer"));
        assertEquals("N", a.body().get("level"));
        assertEquals("2026-06-16T10:00:00+02:00", a.body().get("acknowledgeDue"));
        assertFalse(a.body().containsKey("restoreDue"));
        assertFalse(a.body().containsKey("restoreWarningAt"));
    }
}
