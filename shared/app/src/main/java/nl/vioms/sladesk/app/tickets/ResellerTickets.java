package nl.vioms.sladesk.app.tickets;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;

/**
 * A reseller opens a ticket in "the ticket system" of R8: the reseller API ({@code POST /tickets})
 * and the portal's form (issue 18) both come here, so both get the same number, clocks (R8-R14),
 * major-incident linking and acknowledgement mail. Channel API for both: the portal is a face of
 * the same ticket system, not a new way in (decision 32).
 */
public final class ResellerTickets {
    private ResellerTickets() {}

    /**
     * What the reseller asked for.
     *
     * @param origin   {@code api} or {@code portal}: the created event's source, for the history
     * @param actor    who asked (the API token's actor, the portal person's e-mail address)
     * @param priority an explicit P1/P2/P3 of an incident; null lets the classifier judge (RFCs: none)
     */
    public record Request(
            TicketKind kind,
            String subject,
            String description,
            String priority,
            String serviceId,
            String actor,
            String origin) {
        public Request {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(origin, "origin");
        }

        /** The report as it reaches TicketService, received at {@code at} (R8's reference). */
        public Report report(Instant at) {
            return new Report(kind, Channel.API, at, actor, subject, description, priority, serviceId, origin, actor);
        }
    }

    /**
     * Opens the ticket once per {@code sourceKey} ({@code api#<reseller>#<key>}, {@code portal#<reseller>#<key>}):
     * the same key gives the same ticket.
     */
    public static TicketService.Opened open(
            TicketService tickets, Request request, Customer customer, Instant at, String sourceKey) {
        return tickets.open(request.report(at), customer, sourceKey);
    }

    /**
     * Whether a ticket opened before under the same key was opened by this very request (a retry or
     * a double submit) and not by another one that reused the key (issue 15 item 11). The first
     * request is what the ticket's created event holds: its subject and text as stored, its kind,
     * its customer and an explicitly requested priority.
     */
    public static boolean sameRequest(
            TicketService tickets, TicketService.Opened opened, Report report, String customerId) {
        if (!opened.duplicate()) {
            return true;
        }
        var view = tickets.view(opened.ticket().number()).orElseThrow();
        TicketEvent created = view.history().stream()
                .filter(e -> e.kind() == EventKind.CREATED)
                .findFirst()
                .orElseThrow();
        boolean reassigned = view.history().stream().anyMatch(e -> e.kind() == EventKind.ASSIGNED);
        String requested = report.requestedPriority() == null
                ? null
                : report.requestedPriority().trim().toUpperCase(Locale.ROOT);
        return Objects.equals(created.data().get("subject"), report.subject())
                && Objects.equals(created.data().get("text"), report.text())
                && view.ticket().kind() == report.kind()
                && (reassigned || Objects.equals(view.ticket().customerId(), customerId))
                && (requested == null
                        || !requested.matches("P[123]")
                        || requested.equals(created.data().get("priority")));
    }
}
