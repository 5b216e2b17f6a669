package nl.vioms.sladesk.intake.api;

import nl.vioms.sladesk.app.tickets.ResellerTickets;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.ticket.Report;

/**
 * An {@code Idempotency-Key} sent again must come with the same request: a retry. With another
 * body it is a client's mistake, answered 422 naming the key, not with the first ticket as if it
 * were this one (issue 15 item 11). The first request is what the ticket's created event holds
 * (its subject and text as stored, its kind, its customer and an explicitly requested priority),
 * so nothing more is stored for the check.
 */
final class ReusedKeys {
    private ReusedKeys() {}

    /** Throws 422 when the ticket {@code opened} under {@code key} was opened by another request. */
    static void check(String key, TicketService.Opened opened, TicketService tickets, Report report, String customer) {
        if (key == null || !opened.duplicate()) {
            return;
        }
        boolean same = ResellerTickets.sameRequest(tickets, opened, report, customer);
        if (!same) {
            throw new ApiError(
                    422,
                    "Unprocessable Content",
                    "Idempotency-Key '" + key + "' was used for ticket "
                            + opened.ticket().number() + " with another request; send a new key for a new ticket");
        }
    }
}
