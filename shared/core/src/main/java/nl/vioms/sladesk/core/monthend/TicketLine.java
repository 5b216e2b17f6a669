package nl.vioms.sladesk.core.monthend;

import java.time.Instant;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.time.Amsterdam;
import org.jspecify.annotations.Nullable;

/**
 * One incident of the month with its response and restore compliance (R5, R13, R14), judged on
 * its full history as known when month-end runs. Instants are ISO-8601 with the Amsterdam offset.
 *
 * @param response {@link #MET}, {@link #BREACHED}, {@link #OPEN} (not answered, not yet due, or
 *                 paused) or {@link #NO_TARGET} (best effort, or P3: R14)
 */
public record TicketLine(
        String number,
        String priority,
        String subject,
        @Nullable String serviceId,
        String created,
        @Nullable String responseDue,
        @Nullable String respondedAt,
        String response,
        @Nullable String restoreDue,
        @Nullable String resolvedAt,
        String restore) {

    public static final String MET = "met", BREACHED = "breached", OPEN = "open", NO_TARGET = "no-target";

    /** The line of a timed ticket from its clocks as at the run. */
    public static TicketLine of(Ticket ticket, ClockResult clocks) {
        var t = ticket.timeline();
        boolean responseTarget = clocks.responseDue() != null;
        boolean restoreTarget = clocks.restoreRemaining() != null; // null exactly when restore is best effort
        return new TicketLine(
                ticket.number(),
                clocks.priority().name(),
                ticket.subject(),
                ticket.serviceId(),
                Amsterdam.iso(ticket.createdAt()),
                Amsterdam.iso(clocks.responseDue()),
                Amsterdam.iso(t.respondedAt()),
                status(responseTarget, clocks.responseBreached(), t.respondedAt()),
                Amsterdam.iso(clocks.restoreDue()),
                Amsterdam.iso(t.resolvedAt()),
                status(restoreTarget, clocks.restoreBreached(), t.resolvedAt()));
    }

    private static String status(boolean target, boolean breached, @Nullable Instant done) {
        if (!target) {
            return NO_TARGET;
        }
        if (breached) {
            return BREACHED;
        }
        return done != null ? MET : OPEN;
    }
}
