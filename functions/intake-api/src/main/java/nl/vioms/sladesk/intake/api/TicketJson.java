package nl.vioms.sladesk.intake.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.time.Amsterdam;

/** Tickets as the API answers them: instants with the Amsterdam offset, best effort as null. */
final class TicketJson {
    private TicketJson() {}

    static Map<String, Object> summary(Ticket t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", t.number());
        out.put("kind", lower(t.kind().name()));
        out.put("status", lower(t.status().name()));
        out.put("priority", t.priority().name());
        out.put("priorityReason", t.priorityReason());
        out.put("customer", t.customerId());
        out.put("customerName", t.customerName());
        out.put("level", t.level().name());
        out.put("service", t.serviceId());
        out.put("serviceKind", t.serviceKind().wireName());
        out.put("channel", lower(t.channel().name()));
        out.put("subject", t.subject());
        out.put("reporter", t.reporter());
        out.put("triage", t.triage());
        out.put("createdAt", Amsterdam.iso(t.createdAt()));
        // issue 19: a child names its major incident; a major incident its platform service
        if (t.isChild()) {
            out.put("parent", t.parent());
        }
        if (t.isMajor()) {
            out.put("majorService", t.majorService());
        }
        return out;
    }

    static Map<String, Object> full(TicketService.View view) {
        Map<String, Object> out = summary(view.ticket());
        out.put("clocks", clocks(view.clocks()));
        out.put("history", history(view.history()));
        return out;
    }

    static Map<String, Object> clocks(ClockResult c) {
        if (c == null) {
            return null; // RFCs carry no clock (R10)
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clockStart", Amsterdam.iso(c.clockStart()));
        out.put("acknowledgeDue", Amsterdam.iso(c.acknowledgeDue()));
        out.put("responseDue", Amsterdam.iso(c.responseDue()));
        out.put("startWorkDue", Amsterdam.iso(c.startWorkDue()));
        out.put("restoreDue", Amsterdam.iso(c.restoreDue()));
        out.put("restoreWarningAt", Amsterdam.iso(c.warningAt()));
        out.put("paused", c.paused());
        out.put("responseBreached", c.responseBreached());
        out.put("restoreBreached", c.restoreBreached());
        out.put("rules", c.rulesApplied());
        return out;
    }

    static List<Map<String, Object>> history(List<TicketEvent> events) {
        return events.stream()
                .map(e -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", e.id());
                    out.put("kind", e.kind().wireName());
                    out.put("at", Amsterdam.iso(e.at()));
                    out.put("actor", e.actor());
                    out.put("source", e.source());
                    out.put("data", e.data());
                    return out;
                })
                .toList();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
