package nl.vioms.sladesk.intake.api;

import java.util.Locale;
import java.util.Objects;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketEvent;

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
        var view = tickets.view(opened.ticket().number()).orElseThrow();
        TicketEvent created = view.history().stream()
                .filter(e -> e.kind() == EventKind.CREATED)
                .findFirst()
                .orElseThrow();
        boolean reassigned = view.history().stream().anyMatch(e -> e.kind() == EventKind.ASSIGNED);
        String requested = report.requestedPriority() == null
                ? null
                : report.requestedPriority().trim().toUpperCase(Locale.ROOT);
        boolean same = Objects.equals(created.data().get("subject"), report.subject())
                && Objects.equals(created.data().get("text"), report.text())
                && view.ticket().kind() == report.kind()
                && (reassigned || Objects.equals(view.ticket().customerId(), customer))
                && (requested == null
                        || !requested.matches("P[123]")
                        || requested.equals(created.data().get("priority")));
        if (!same) {
            throw new ApiError(
                    422,
                    "Unprocessable Content",
                    "Idempotency-Key '" + key + "' was used for ticket "
                            + opened.ticket().number() + " with another request; send a new key for a new ticket");
        }
    }
}
