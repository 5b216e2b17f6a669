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
 * @param parent       the major incident it is linked to as a child (issue 19), or null; set by its
 *                     created event's {@code parent} or a {@code link} event, cleared by {@code unlink}
 * @param majorService the platform service ({@code platform:<slug>}) it is the major incident of
 *                     (issue 19, R21), or null; set by its created event's {@code majorService} or
 *                     a {@code declare-major} event
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
        @Nullable String parent,
        @Nullable String majorService,
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

    /** A ticket that is neither a major incident nor linked to one. */
    public Ticket(
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
        this(
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
                null,
                null,
                timeline,
                version);
    }

    /** Whether it is a major incident (issue 19): a P1 on a platform service, open or not. */
    public boolean isMajor() {
        return majorService != null;
    }

    /** Whether it is linked to a major incident as a child (issue 19). */
    public boolean isChild() {
        return parent != null;
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
                parent,
                majorService,
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
                parent,
                majorService,
                timeline,
                version);
    }

    /** The same ticket linked to a major incident, or unlinked (null). */
    Ticket withParent(@Nullable String newParent) {
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
                newParent,
                majorService,
                timeline,
                version);
    }

    /** The same ticket as the major incident of a platform service. */
    Ticket asMajorOf(String platformService) {
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
                parent,
                platformService,
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
                parent,
                majorService,
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
                parent,
                majorService,
                timeline,
                newVersion);
    }
}
