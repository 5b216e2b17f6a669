package nl.vioms.sladesk.core.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a ticket's history: what happened, when, who did it and through which source
 * (e-mail message id, API, phone line, monitoring).
 *
 * @param id   unique within the ticket and stable for the same input, so storing it twice is harmless
 * @param data details of the kind, e.g. {@code priority} for RECLASSIFIED, {@code text} for a note
 */
public record TicketEvent(
        String id, EventKind kind, Instant at, String actor, String source, Map<String, String> data) {
    public TicketEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        data = Map.copyOf(data);
    }
}
