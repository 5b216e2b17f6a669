package nl.vioms.sladesk.intake.api;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.app.tickets.ResellerWords;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * What a reseller may read of a ticket, in JSON and on the status page alike: the facts the status
 * page shows and nothing else. Internal notes, staff token names, the raw mail's location, the
 * reporter field, internal targets (start work, the 75 % warning) and rule ids stay with
 * operations and the second line ({@link TicketJson#full}).
 */
final class ResellerView {
    /** The longest history text shown; longer texts end in an ellipsis. */
    static final int TEXT_LIMIT = ResellerWords.TEXT_LIMIT;

    private ResellerView() {}

    /**
     * The directory's names a reseller reads instead of ids: its own name (for its own tokens in the
     * history) and the ticket's service; null where the directory has none.
     */
    record Names(String reseller, String service) {
        static final Names NONE = new Names(null, null);

        /** The service's name, else its id. */
        String service(Ticket t) {
            return service != null && !service.isBlank() ? service : t.serviceId();
        }
    }

    /** A ticket in a reseller's list or as the answer to its POST: the summary without the reporter. */
    static Map<String, Object> summary(Ticket t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", t.number());
        out.put("kind", TicketJson.lower(t.kind().name()));
        out.put("status", TicketJson.lower(t.status().name()));
        out.put("priority", t.priority().name());
        out.put("priorityReason", ResellerWords.priorityReason(t.priorityReason(), null));
        out.put("customer", t.customerId());
        out.put("customerName", t.customerName());
        out.put("level", t.level().name());
        out.put("service", t.serviceId());
        out.put("serviceKind", t.serviceKind().wireName());
        out.put("channel", TicketJson.lower(t.channel().name()));
        out.put("subject", t.subject());
        out.put("createdAt", Amsterdam.iso(t.createdAt()));
        return out;
    }

    /**
     * {@code GET /tickets/{number}} for a reseller: the status page's facts. Values a program reads
     * (status, kind, channel, priority, event kinds, ids, ISO times, booleans) stay machine values,
     * as in the other answers of the API; the prose (who did something, why the priority) is the
     * page's Dutch text.
     */
    static Map<String, Object> json(TicketService.View view, Names names) {
        Ticket t = view.ticket();
        Map<String, Object> out = summary(t);
        out.put("serviceName", names.service(t));
        out.put("clocks", clocks(view.clocks(), t));
        out.put(
                "history",
                view.history().stream()
                        .filter(ResellerView::shown)
                        .map(e -> entry(e, names))
                        .toList());
        return out;
    }

    private static Map<String, Object> clocks(ClockResult c, Ticket t) {
        if (c == null) {
            return null; // RFCs carry no clock (R10)
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responseDue", Amsterdam.iso(c.responseDue()));
        out.put("respondedAt", Amsterdam.iso(t.timeline().respondedAt()));
        out.put("responseBreached", c.responseDue() != null && c.responseBreached());
        out.put("restoreDue", Amsterdam.iso(c.restoreDue()));
        out.put("resolvedAt", Amsterdam.iso(t.timeline().resolvedAt()));
        out.put("restoreBreached", c.restoreDue() != null && c.restoreBreached());
        out.put("paused", c.paused());
        out.put("acknowledgeDue", Amsterdam.iso(c.acknowledgeDue()));
        return out;
    }

    private static Map<String, Object> entry(TicketEvent e, Names names) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Amsterdam.iso(e.at()));
        out.put("kind", e.kind().wireName());
        out.put("by", ResellerWords.who(e.actor(), names.reseller()));
        String text = text(e);
        out.put("text", text.isBlank() ? null : text);
        return out;
    }

    /** Whether a reseller sees an event: one rule for the API and the portal ({@link ResellerWords#shown}). */
    static boolean shown(TicketEvent e) {
        return ResellerWords.shown(e);
    }

    /** The event's text as a reseller reads it ({@link ResellerWords#text}). */
    static String text(TicketEvent e) {
        return ResellerWords.text(e);
    }
}
