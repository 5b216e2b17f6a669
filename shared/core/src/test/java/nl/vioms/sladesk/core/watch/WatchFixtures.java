package nl.vioms.sladesk.core.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.SlaClocks;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.ticket.PriorityClassification;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketFactory;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;

/** Tickets and clocks on the shipped default policy (summer 2026, offsets +02:00). */
final class WatchFixtures {
    static final String NUMBER = "VIO-2026-000123";
    static final SlaPolicy POLICY = PolicyLoader.loadDefault().policyOn(LocalDate.of(2026, 6, 1));
    static final WorkingDays CALENDAR = new WorkingDays(POLICY.holidays());

    private WatchFixtures() {}

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static Customer customer(SlaLevel level) {
        return new Customer(
                "cus-1",
                "res-1",
                "Bakkerij Jansen",
                level,
                List.of(new ServiceRef("svc-1", ServiceKind.HOSTED_PBX, "Hosted PBX")),
                BigDecimal.TEN,
                BigDecimal.ONE,
                Set.of(),
                Set.of(),
                Set.of());
    }

    /** A new ticket; {@code customer} null for an unknown reporter (triage, level N). */
    static Ticket open(TicketKind kind, Channel channel, String created, Customer customer, Priority priority) {
        Report report = new Report(
                kind, channel, at(created), "+31201234567", "Niemand kan bellen", "", null, null, "call-1", "agent");
        return TicketFactory.open(NUMBER, report, customer, new PriorityClassification(priority, "test", true))
                .ticket();
    }

    static Ticket incident(SlaLevel level, Channel channel, String created, Priority priority) {
        return open(TicketKind.INCIDENT, channel, created, customer(level), priority);
    }

    static Ticket with(Ticket t, TicketStatus status, TicketTimeline timeline) {
        return new Ticket(
                t.number(),
                t.kind(),
                status,
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
                timeline,
                t.version());
    }

    static ClockResult clocks(Ticket t, String now) {
        return SlaClocks.compute(t.timeline(), POLICY.terms(t.level(), t.serviceKind()), CALENDAR, at(now));
    }
}
