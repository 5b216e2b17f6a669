package nl.vioms.sladesk.core.ticket;

import java.time.Instant;
import java.util.Objects;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as it stands: the fold of its history ({@link TicketLifecycle}). Tickets from unknown
 * reporters have no customer and are flagged for triage; they are timed on level N until
 * operations assign them.
 *
 * @param customerId   null for an unknown reporter (triage)
 * @param serviceId    the customer's service it concerns, null when unknown
 * @param priorityReason why it has its priority (marker, rule, or operations)
 * @param timeline     the clock-relevant facts (R8-R17)
 * @param version      increases with every stored change (optimistic locking)
 */
public record Ticket(
        String number,
        TicketKind kind,
        TicketStatus status,
        @Nullable String customerId,
        @Nullable String customerName,
        @Nullable String resellerId,
        SlaLevel level,
        @Nullable String serviceId,
        ServiceKind serviceKind,
        Priority priority,
        String priorityReason,
        String subject,
        @Nullable String reporter,
        boolean triage,
        TicketTimeline timeline,
        long version) {

    public Ticket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(serviceKind, "serviceKind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(timeline, "timeline");
    }

    public Instant createdAt() {
        return timeline.created();
    }

    public Channel channel() {
        return timeline.channel();
    }

    /** Whether SLA clocks run for it (R10: RFCs carry none). */
    public boolean isTimed() {
        return kind == TicketKind.INCIDENT;
    }

    Ticket with(TicketStatus newStatus, Priority newPriority, String newReason, TicketTimeline newTimeline) {
        return new Ticket(
                number,
                kind,
                newStatus,
                customerId,
                customerName,
                resellerId,
                level,
                serviceId,
                serviceKind,
                newPriority,
                newReason,
                subject,
                reporter,
                triage,
                newTimeline,
                version);
    }

    /** The same ticket for another customer and service (assigned by operations; no longer triage). */
    Ticket assignedTo(
            String newCustomerId,
            String newCustomerName,
            @Nullable String newResellerId,
            SlaLevel newLevel,
            @Nullable String newServiceId,
            ServiceKind newServiceKind) {
        return new Ticket(
                number,
                kind,
                status,
                newCustomerId,
                newCustomerName,
                newResellerId,
                newLevel,
                newServiceId,
                newServiceKind,
                priority,
                priorityReason,
                subject,
                reporter,
                false,
                timeline,
                version);
    }

    /** The same ticket under another number (a draft checked before its number is taken). */
    Ticket withNumber(String newNumber) {
        return new Ticket(
                newNumber,
                kind,
                status,
                customerId,
                customerName,
                resellerId,
                level,
                serviceId,
                serviceKind,
                priority,
                priorityReason,
                subject,
                reporter,
                triage,
                timeline,
                version);
    }

    public Ticket withVersion(long newVersion) {
        return new Ticket(
                number,
                kind,
                status,
                customerId,
                customerName,
                resellerId,
                level,
                serviceId,
                serviceKind,
                priority,
                priorityReason,
                subject,
                reporter,
                triage,
                timeline,
                newVersion);
    }
}
