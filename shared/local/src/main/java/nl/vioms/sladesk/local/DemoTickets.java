package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.vioms.sladesk.core.time.Interval;

/**
 * The demo's tickets: the script's names for them ({@code kiestoon}) and their numbers, learnt
 * as they open; every number seen; and events recorded on them through the API. Around an open
 * ticket's coming deadlines the clock goes minute by minute, so sla-check sees them on time.
 */
final class DemoTickets {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{ticket:([a-z0-9-]+)}}");

    private final DemoApi api;
    private final DemoScenes scenes;
    private final Clock clock;
    private final PrintStream log;
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final Set<String> seen = new LinkedHashSet<>();

    DemoTickets(DemoApi api, DemoScenes scenes, Clock clock, PrintStream log) {
        this.api = api;
        this.scenes = scenes;
        this.clock = clock;
        this.log = log;
    }

    /** The number of the ticket the script calls {@code name}, or null if it has not opened. */
    String number(String name) {
        return numbers.get(name);
    }

    void seen(String number) {
        seen.add(number);
    }

    /** Every ticket number seen, in the order seen. */
    Set<String> seen() {
        return seen;
    }

    void learn(String name, String number) {
        numbers.put(name, number);
        seen.add(number);
        log.println("   ticket " + name + " = " + number);
        watchDeadlines(number);
    }

    /** A mail's ticket, found in the open tickets by its subject once intake-email has taken it in. */
    void learnBySubject(String name, String subject) {
        for (JsonNode ticket : api.get("/tickets?status=open", "demo-ops-token").get("tickets")) {
            if (subject.equals(ticket.get("subject").asText())) {
                learn(name, ticket.get("number").asText());
                return;
            }
        }
        log.println("   (no open ticket with subject " + subject + ")");
    }

    /** An event on the named ticket, through the API with {@code token}. */
    void event(String name, String token, String kind, String note, Map<String, Object> extra) {
        String number = numbers.get(name);
        if (number == null) {
            log.println("   (no ticket " + name + " to record " + kind + " on)");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("kind", kind);
        body.put("at", clock.instant().toString());
        if (note != null) {
            body.put("note", note);
        }
        body.put("id", "demo-" + name + "-" + kind + "-" + clock.instant().getEpochSecond());
        api.post("/tickets/" + number + "/events", token, body);
        watchDeadlines(number);
    }

    /** A mail with {@code {{ticket:name}}} replaced by the ticket's number. */
    byte[] fill(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(numbers.getOrDefault(m.group(1), "VIO-onbekend")));
        }
        m.appendTail(filled);
        return filled.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void watchDeadlines(String number) {
        JsonNode ticket = api.get("/tickets/" + number, "demo-ops-token");
        JsonNode clocks = ticket.get("clocks");
        if (clocks == null) {
            return;
        }
        String status = ticket.get("status").asText();
        if ("closed".equals(status) || "resolved".equals(status)) {
            return;
        }
        for (String field : List.of("acknowledgeDue", "responseDue", "restoreWarningAt", "restoreDue")) {
            JsonNode value = clocks.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            Instant due = OffsetDateTime.parse(value.asText()).toInstant();
            if (due.isAfter(clock.instant())) {
                scenes.busy(new Interval(due.minus(Duration.ofMinutes(2)), due.plus(Duration.ofMinutes(5))));
            }
        }
    }
}
