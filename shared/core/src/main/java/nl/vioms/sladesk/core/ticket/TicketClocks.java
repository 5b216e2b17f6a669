package nl.vioms.sladesk.core.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.vioms.sladesk.core.calendar.HolidaySettings;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.SlaClocks;
import nl.vioms.sladesk.core.policy.ContractType;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * A ticket's SLA clocks under the policy valid on its creation day (R24), with one calendar per
 * holiday setting kept for the life of the process (its holiday tables are cached per year).
 */
public final class TicketClocks {
    private static final ZoneId AMSTERDAM = Amsterdam.ZONE;

    private final PolicySet policies;
    private final Map<HolidaySettings, WorkingDays> calendars = new ConcurrentHashMap<>();

    public TicketClocks(PolicySet policies) {
        this.policies = policies;
    }

    /** Empty for tickets without clocks (RFCs, R10). */
    public Optional<ClockResult> compute(Ticket ticket, Instant now) {
        if (!ticket.isTimed()) {
            return Optional.empty();
        }
        SlaPolicy policy = policyOf(ticket);
        WorkingDays calendar = calendars.computeIfAbsent(policy.holidays(), WorkingDays::new);
        return Optional.of(SlaClocks.compute(
                ticket.timeline(), policy.terms(ticket.level(), ticket.serviceKind()), calendar, now));
    }

    /** 24x7 or office hours (R14), by the terms of the ticket's level and service. */
    public ContractType contract(Ticket ticket) {
        return policyOf(ticket).terms(ticket.level(), ticket.serviceKind()).contract();
    }

    /** The policy valid on the ticket's creation day (R24). */
    private SlaPolicy policyOf(Ticket ticket) {
        return policies.policyOn(ticket.createdAt().atZone(AMSTERDAM).toLocalDate());
    }

    public PolicySet policies() {
        return policies;
    }
}
