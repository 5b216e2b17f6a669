package nl.vioms.sladesk.core.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;

/**
 * Applies one event to a ticket. The ticket is the fold of its history, so replaying the history
 * gives the same ticket; an event that does not fit the ticket's state is refused with a reason.
 */
public final class TicketLifecycle {
    private TicketLifecycle() {}

    /** The order a history is folded in, and stored in: by instant, then by event id. */
    public static final Comparator<TicketEvent> HISTORY_ORDER =
            Comparator.comparing(TicketEvent::at).thenComparing(TicketEvent::id);

    /**
     * Folds a history onto the ticket as created, in {@link #HISTORY_ORDER} whatever order the
     * events arrived in. A back-dated event is judged at its place in time: one that contradicts
     * a later event (a resolution before a wait) is refused, as {@link #apply} refuses it.
     */
    public static Ticket replay(Ticket created, List<TicketEvent> history) {
        List<TicketEvent> ordered = new ArrayList<>(history);
        ordered.sort(HISTORY_ORDER);
        Ticket ticket = created;
        for (TicketEvent event : ordered) {
            ticket = apply(ticket, event);
        }
        return ticket;
    }

    /** EMAIL data: "false" when the mail is not from the reporter's side (it then ends no wait). */
    public static final String FROM_REPORTER = "fromReporter";

    /** CREATED, LINK and UNLINK data: the major incident's number (issue 19). */
    public static final String PARENT = "parent";

    /** CREATED and DECLARE_MAJOR data: the platform service a major incident is of (issue 19). */
    public static final String MAJOR_SERVICE = "majorService";

    public static Ticket apply(Ticket ticket, TicketEvent event) {
        var timeline = ticket.timeline();
        var status = ticket.status();
        if (status == TicketStatus.CLOSED
                && event.kind() != EventKind.NOTE
                && event.kind() != EventKind.EMAIL
                && event.kind() != EventKind.SLA_WARNING
                && event.kind() != EventKind.SLA_BREACH
                && !event.kind().isMailRecord()) {
            throw new ConflictException("ticket " + ticket.number() + " is closed");
        }
        if (event.at().isBefore(timeline.created())) {
            throw new InvalidInputException("event at " + event.at() + " is before the ticket was created");
        }
        return switch (event.kind()) {
            // the first event carries the reason of the initial priority
            // (and, issue 19, the major incident it was linked to, or the platform service it is the major of)
            case CREATED -> {
                Ticket created = ticket.with(
                        status,
                        ticket.priority(),
                        event.data().getOrDefault("priorityReason", ticket.priorityReason()),
                        timeline);
                String parent = event.data().get(PARENT);
                String major = event.data().get(MAJOR_SERVICE);
                created = parent == null ? created : created.withParent(parent);
                yield major == null ? created : created.asMajorOf(major);
            }
            case DECLARE_MAJOR -> {
                requireOpen(ticket, event);
                if (!ticket.isTimed() || ticket.priority() != Priority.P1) {
                    throw new ConflictException("ticket " + ticket.number() + " is not a P1 incident; "
                            + "only a P1 on a platform service is a major incident (R21)");
                }
                if (ticket.isChild()) {
                    throw new ConflictException(
                            "ticket " + ticket.number() + " is linked to " + ticket.parent() + "; unlink it first");
                }
                String service = event.data().get(MAJOR_SERVICE);
                if (service == null || !service.startsWith("platform:")) {
                    throw new InvalidInputException("declare-major needs service, a platform service (platform:...)");
                }
                yield ticket.isMajor() ? ticket : ticket.asMajorOf(service);
            }
            case LINK -> {
                requireOpen(ticket, event);
                String parent = event.data().get(PARENT);
                if (parent == null || parent.isBlank()) {
                    throw new InvalidInputException("link needs parent, the number of a major incident");
                }
                if (parent.equals(ticket.number())) {
                    throw new InvalidInputException("a ticket cannot be linked to itself");
                }
                if (ticket.isMajor()) {
                    throw new ConflictException("ticket " + ticket.number() + " is a major incident itself");
                }
                yield ticket.withParent(parent);
            }
            case UNLINK -> ticket.withParent(null);
            case PUBLIC_UPDATE -> {
                if (!ticket.isMajor()) {
                    throw new ConflictException("ticket " + ticket.number() + " is no major incident; "
                            + "public updates belong to a major incident");
                }
                if (event.data().getOrDefault("text", "").isBlank()) {
                    throw new InvalidInputException("public-update needs its text");
                }
                yield ticket;
            }
            case NOTE, SECOND_LINE_ACK, SLA_WARNING, SLA_BREACH, REPLY, MAIL_SKIPPED, MAIL_BOUNCED -> ticket;
            case ASSIGNED -> {
                var d = event.data();
                for (String field : new String[] {"customer", "customerName", "reseller", "level", "serviceKind"}) {
                    if (d.get(field) == null) {
                        throw new InvalidInputException("assigned needs " + field);
                    }
                }
                yield ticket.assignedTo(
                        d.get("customer"),
                        d.get("customerName"),
                        d.get("reseller"),
                        SlaLevel.valueOf(d.get("level")),
                        d.get("service"),
                        ServiceKind.fromWireName(d.get("serviceKind")));
            }
            // a mail from them while we wait is their reply (R16); one sent before the wait began is not
            // (and only a mail from their side: another party's mail is history, not their reply)
            case EMAIL ->
                status == TicketStatus.WAITING
                                && !event.at().isBefore(pauseStart(timeline))
                                && !"false".equals(event.data().get(FROM_REPORTER))
                        ? withTimeline(ticket, TicketStatus.OPEN, timeline.withPauseEnded(event.at()))
                        : ticket;
            case PHONE_REPORT ->
                timeline.phoneReportedAt() != null
                        ? ticket
                        : withTimeline(ticket, status, timeline.withPhoneReport(event.at()));
            case RESPONSE ->
                timeline.respondedAt() != null
                        ? ticket
                        : withTimeline(ticket, status, timeline.withResponse(event.at()));
            case WORK_STARTED ->
                timeline.startedWorkAt() != null
                        ? ticket
                        : withTimeline(ticket, status, timeline.withWorkStarted(event.at()));
            case WAITING_FOR_CUSTOMER -> {
                requireOpen(ticket, event);
                yield status == TicketStatus.WAITING
                        ? ticket
                        : withTimeline(ticket, TicketStatus.WAITING, timeline.withPause(event.at(), null));
            }
            case CUSTOMER_REPLIED -> {
                if (status == TicketStatus.WAITING && event.at().isBefore(pauseStart(timeline))) {
                    throw new InvalidInputException(
                            "the reply at " + event.at() + " is before the wait began at " + pauseStart(timeline));
                }
                yield status != TicketStatus.WAITING
                        ? ticket
                        : withTimeline(ticket, TicketStatus.OPEN, timeline.withPauseEnded(event.at()));
            }
            case RECLASSIFIED -> {
                Priority priority = priorityOf(event);
                String reason = "reclassified by " + event.actor()
                        + (event.data().containsKey("reason")
                                ? ": " + event.data().get("reason")
                                : "");
                yield priority == ticket.priority()
                        ? ticket
                        : ticket.with(status, priority, reason, timeline.withReclassification(event.at(), priority));
            }
            case RESOLVED -> {
                requireOpen(ticket, event);
                yield withTimeline(
                        ticket,
                        TicketStatus.RESOLVED,
                        timeline.withPauseEnded(event.at()).withResolution(event.at()));
            }
            case CLOSED ->
                withTimeline(
                        ticket,
                        TicketStatus.CLOSED,
                        timeline.resolvedAt() != null
                                ? timeline
                                : timeline.withPauseEnded(event.at()).withResolution(event.at()));
        };
    }

    /** The ticket with a new status and timeline, its priority and reason as they are. */
    private static Ticket withTimeline(Ticket ticket, TicketStatus status, TicketTimeline timeline) {
        return ticket.with(status, ticket.priority(), ticket.priorityReason(), timeline);
    }

    private static Instant pauseStart(TicketTimeline timeline) {
        var pauses = timeline.pauses();
        return pauses.isEmpty()
                ? timeline.created()
                : pauses.get(pauses.size() - 1).from();
    }

    private static void requireOpen(Ticket ticket, TicketEvent event) {
        if (!ticket.status().isOpen()) {
            throw new ConflictException("ticket " + ticket.number() + " is "
                    + ticket.status().name().toLowerCase(Locale.ROOT) + "; "
                    + event.kind().wireName()
                    + " needs an open ticket");
        }
    }

    private static Priority priorityOf(TicketEvent event) {
        String value = event.data().get("priority");
        try {
            return Priority.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("reclassified needs priority P1, P2 or P3, not " + value);
        }
    }
}
