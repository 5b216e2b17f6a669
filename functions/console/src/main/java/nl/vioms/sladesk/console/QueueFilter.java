package nl.vioms.sladesk.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.Ticket;

/**
 * The queue's filters, from the GET query of its form: priority, reseller, customer (ids, chosen
 * from the queue's own), level, triage ({@code ja} only triage, {@code nee} none) and breached
 * ({@code ja}: a deadline passed). An unknown value is refused with 400, not ignored.
 */
public record QueueFilter(
        Priority priority, String reseller, String customer, SlaLevel level, String triage, boolean breached) {

    public static QueueFilter of(WebRequest request) {
        Priority priority =
                request.query("prioriteit").map(QueueFilter::priority).orElse(null);
        SlaLevel level = request.query("niveau").map(QueueFilter::level).orElse(null);
        String triage = request.query("triage").orElse(null);
        if (triage != null && !triage.equals("ja") && !triage.equals("nee")) {
            throw new WebError(400, "Triage is 'ja' of 'nee'.");
        }
        return new QueueFilter(
                priority,
                request.query("reseller").orElse(null),
                request.query("klant").orElse(null),
                level,
                triage,
                request.query("verlopen").filter("ja"::equals).isPresent());
    }

    /** Whether a ticket passes the filters other than breached (that needs its clocks). */
    public boolean admits(Ticket ticket) {
        return (priority == null || ticket.priority() == priority)
                && (reseller == null || reseller.equals(ticket.resellerId()))
                && (customer == null || customer.equals(ticket.customerId()))
                && (level == null || ticket.level() == level)
                && (triage == null || ticket.triage() == triage.equals("ja"));
    }

    /** The query string of these filters, for the self-refresh's URL ("" when none). */
    public String query() {
        Map<String, String> out = new LinkedHashMap<>();
        Optional.ofNullable(priority).ifPresent(p -> out.put("prioriteit", p.name()));
        Optional.ofNullable(reseller).ifPresent(r -> out.put("reseller", r));
        Optional.ofNullable(customer).ifPresent(c -> out.put("klant", c));
        Optional.ofNullable(level).ifPresent(l -> out.put("niveau", l.name()));
        Optional.ofNullable(triage).ifPresent(t -> out.put("triage", t));
        if (breached) {
            out.put("verlopen", "ja");
        }
        if (out.isEmpty()) {
            return "";
        }
        return "?"
                + out.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    private static Priority priority(String value) {
        try {
            return Priority.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WebError(400, "Prioriteit is P1, P2 of P3.");
        }
    }

    private static SlaLevel level(String value) {
        try {
            return SlaLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WebError(400, "Onbekend SLA-niveau.");
        }
    }
}
