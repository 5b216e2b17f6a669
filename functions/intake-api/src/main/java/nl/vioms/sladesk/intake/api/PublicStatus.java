package nl.vioms.sladesk.intake.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.Html;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.app.tickets.TicketStore.ClosedMajor;
import nl.vioms.sladesk.app.tickets.TicketStore.MajorBoard;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.MajorIncident;
import nl.vioms.sladesk.core.ticket.Texts;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;

/**
 * The public status page (issue 19): {@code GET /status} (HTML, Dutch), {@code /status.json} and
 * {@code /status.atom}, no token. Each platform service's state (R21), the open major incidents
 * with operations' public updates and those resolved in the last 24 hours, and the planned
 * maintenance of the next 14 days. Nothing customer-specific: no customer, no ticket number (an
 * incident is named by its service and an opaque id), no text but what operations wrote for the
 * public ({@code public-update}) and the maintenance reason they announced to all customers.
 */
final class PublicStatus {
    static final Duration RECENT = Duration.ofHours(24);
    static final Duration AHEAD = Duration.ofDays(14);
    /** Short: the page must show an outage within a minute, yet a storm of readers is served from caches. */
    static final String CACHE = "public, max-age=30, stale-while-revalidate=30";

    private final TicketService tickets;
    private final MonitoringRepository monitoring;
    private final ProbeRepository probes;
    private final Clock clock;

    PublicStatus(TicketService tickets, MonitoringRepository monitoring, ProbeRepository probes, Clock clock) {
        this.tickets = tickets;
        this.monitoring = monitoring;
        this.probes = probes;
        this.clock = clock;
    }

    enum State {
        OPERATIONAL("operational", "Werkt normaal"),
        DEGRADED("degraded", "Verstoord"),
        DOWN("down", "Storing");

        final String wire;
        final String dutch;

        State(String wire, String dutch) {
            this.wire = wire;
            this.dutch = dutch;
        }
    }

    record ServiceState(String key, String name, State state) {}

    record Update(Instant at, String text) {}

    record Incident(String id, String service, Instant since, Instant resolvedAt, List<Update> updates) {
        boolean open() {
            return resolvedAt == null;
        }

        Instant updated() {
            Instant last = resolvedAt != null ? resolvedAt : since;
            for (Update u : updates) {
                last = u.at().isAfter(last) ? u.at() : last;
            }
            return last;
        }
    }

    record Window(String service, Instant from, Instant until, String reason) {}

    record Status(Instant at, List<ServiceState> services, List<Incident> incidents, List<Window> maintenance) {}

    /** The platform services (operations' declaration names one of them). */
    List<MonitoredService> platformServices() {
        return monitoring.services().stream()
                .filter(MonitoredService::isPlatformWide)
                .toList();
    }

    Status status() {
        // whole seconds: what a reader needs, and the page's times do not change within a second
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<MonitoredService> platforms = platformServices();
        MajorBoard board = tickets.majorBoard();
        Set<String> downByIncident =
                board.open().stream().map(MajorIncident::service).collect(Collectors.toSet());
        List<ProbeTarget> targets = probes.targets().stream()
                .filter(t -> platforms.stream().anyMatch(p -> p.key().equals(t.serviceKey())))
                .toList();
        Map<String, StreakState> streaks =
                probes.streaks(targets.stream().map(ProbeTarget::id).toList());
        List<ServiceState> states = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (MonitoredService platform : platforms) {
            var records = monitoring.records(platform.key(), new Interval(now.minus(RECENT), now.plus(AHEAD)));
            boolean outage = records.outages().stream().anyMatch(o -> o.isOpen());
            // R20: failing checks notified (3 in a row) that are no confirmed outage yet, or work in a window now
            boolean failing = targets.stream()
                    .filter(t -> t.serviceKey().equals(platform.key()))
                    .map(t -> streaks.get(t.id()))
                    .anyMatch(s -> s != null && s.failures() > 0 && s.notified());
            boolean inMaintenance =
                    records.maintenance().stream().anyMatch(w -> w.window().contains(now));
            State state = outage || downByIncident.contains(platform.key())
                    ? State.DOWN
                    : failing || inMaintenance ? State.DEGRADED : State.OPERATIONAL;
            states.add(new ServiceState(platform.key(), platform.name(), state));
            records.maintenance().stream()
                    .filter(w -> w.kind() == MaintenanceWindow.MaintenanceKind.PLANNED)
                    .filter(w ->
                            w.window().end().isAfter(now) && w.window().start().isBefore(now.plus(AHEAD)))
                    .forEach(w -> windows.add(new Window(
                            platform.name(),
                            w.window().start(),
                            w.window().end(),
                            w.reason() == null ? "" : Texts.oneLine(w.reason()))));
        }
        windows.sort(Comparator.comparing(Window::from));
        List<Incident> incidents = new ArrayList<>();
        board.open().forEach(m -> incidents.add(incident(m, null)));
        board.resolved().stream()
                .filter(c -> c.resolvedAt().isAfter(now.minus(RECENT)))
                .forEach(c -> incidents.add(incident(c.incident(), c)));
        return new Status(now, states, incidents, windows);
    }

    /** A major incident as the public sees it: its service, times and public updates, newest first. */
    private Incident incident(MajorIncident major, ClosedMajor closed) {
        List<Update> updates = tickets.view(major.number())
                .map(v -> v.history().stream()
                        .filter(e -> e.kind() == EventKind.PUBLIC_UPDATE)
                        .sorted(Comparator.comparing(TicketEvent::at).reversed())
                        .map(e -> new Update(e.at(), e.data().getOrDefault("text", "")))
                        .toList())
                .orElse(List.of());
        return new Incident(
                opaque(major.number()),
                major.serviceName(),
                major.openedAt(),
                closed == null ? null : closed.resolvedAt(),
                updates);
    }

    /** An id that names an incident stably without its ticket number. */
    static String opaque(String number) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(("status|" + number).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ApiResponse json() {
        Status s = status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generatedAt", Amsterdam.iso(s.at()));
        out.put(
                "services",
                s.services().stream()
                        .map(v -> Map.of("service", v.key(), "name", v.name(), "state", v.state().wire))
                        .toList());
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (Incident i : s.incidents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("service", i.service());
            m.put("status", i.open() ? "open" : "resolved");
            m.put("since", Amsterdam.iso(i.since()));
            m.put("resolvedAt", Amsterdam.iso(i.resolvedAt()));
            m.put(
                    "updates",
                    i.updates().stream()
                            .map(u -> Map.of("at", Amsterdam.iso(u.at()), "text", u.text()))
                            .toList());
            incidents.add(m);
        }
        out.put("incidents", incidents);
        out.put(
                "maintenance",
                s.maintenance().stream()
                        .map(w -> Map.of(
                                "service", w.service(),
                                "from", Amsterdam.iso(w.from()),
                                "until", Amsterdam.iso(w.until()),
                                "reason", w.reason()))
                        .toList());
        return cached(ApiResponse.of(200, "application/json", Json.write(out)));
    }

    ApiResponse html() {
        Status s = status();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Storingen (Atom)\" ")
                .append("href=\"status.atom\">")
                .append("<title>Status van de VIOMS-diensten</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;")
                .append("color:#1b1f24;line-height:1.5}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}")
                .append("ul{list-style:none;padding:0}li.svc{display:flex;flex-wrap:wrap;justify-content:")
                .append("space-between;gap:.5rem;padding:.6rem 0;border-bottom:1px solid #d0d7de}")
                .append(".state{font-weight:600;padding:.1rem .6rem;border-radius:1rem}")
                .append(".operational{background:#dafbe1;color:#116329}.degraded{background:#fff8c5;color:#6f4b00}")
                .append(".down{background:#ffebe9;color:#a40e26}article{border:1px solid #d0d7de;")
                .append("border-radius:.4rem;padding:.8rem 1rem;margin:1rem 0}article h3{margin:0 0 .3rem;")
                .append("font-size:1.05rem}.sub{color:#57606a}blockquote{margin:.4rem 0;white-space:pre-wrap;")
                .append("overflow-wrap:anywhere}footer{margin-top:2rem;color:#57606a;font-size:.9rem}")
                .append("a{color:#0a53be}</style></head><body>");
        h.append("<header><h1>Status van de VIOMS-diensten</h1><p class=\"sub\">Bijgewerkt ")
                .append(esc(Amsterdam.readable(s.at())))
                .append(" (Nederlandse tijd)</p></header><main>");
        h.append("<section aria-labelledby=\"diensten\"><h2 id=\"diensten\">Diensten</h2><ul>");
        if (s.services().isEmpty()) {
            h.append("<li>Geen diensten bekend.</li>");
        }
        for (ServiceState v : s.services()) {
            h.append("<li class=\"svc\"><span>")
                    .append(esc(v.name()))
                    .append("</span><span class=\"state ")
                    .append(v.state().wire)
                    .append("\">")
                    .append(v.state().dutch)
                    .append("</span></li>");
        }
        h.append("</ul></section>");
        h.append("<section aria-labelledby=\"storingen\"><h2 id=\"storingen\">Storingen</h2>");
        if (s.incidents().isEmpty()) {
            h.append("<p>Er zijn geen storingen, ook niet in de afgelopen 24 uur.</p>");
        }
        for (Incident i : s.incidents()) {
            h.append("<article><h3>")
                    .append(i.open() ? "Storing: " : "Opgelost: ")
                    .append(esc(i.service()))
                    .append("</h3><p class=\"sub\">Sinds ")
                    .append(esc(Amsterdam.readable(i.since())));
            if (!i.open()) {
                h.append(" · opgelost ").append(esc(Amsterdam.readable(i.resolvedAt())));
            }
            h.append("</p>");
            for (Update u : i.updates()) {
                h.append("<p><strong>Update ")
                        .append(esc(Amsterdam.readable(u.at())))
                        .append("</strong></p><blockquote>")
                        .append(esc(u.text()))
                        .append("</blockquote>");
            }
            h.append("</article>");
        }
        h.append("</section>");
        h.append("<section aria-labelledby=\"onderhoud\"><h2 id=\"onderhoud\">"
                + "Gepland onderhoud (komende 14 dagen)</h2>");
        if (s.maintenance().isEmpty()) {
            h.append("<p>Geen gepland onderhoud.</p>");
        } else {
            h.append("<ul>");
            for (Window w : s.maintenance()) {
                h.append("<li class=\"svc\"><span>")
                        .append(esc(w.service()))
                        .append(w.reason().isBlank() ? "" : ": " + esc(w.reason()))
                        .append("</span><span>")
                        .append(esc(Amsterdam.readable(w.from())))
                        .append(" tot ")
                        .append(esc(Amsterdam.readable(w.until())))
                        .append("</span></li>");
            }
            h.append("</ul>");
        }
        h.append("</section></main><footer><p>Ook als <a href=\"status.json\">JSON</a> en als ")
                .append("<a href=\"status.atom\">Atom-feed</a>. Een storing hoeft u niet apart te melden.</p>")
                .append("</footer></body></html>");
        return cached(ApiResponse.of(200, "text/html; charset=utf-8", h.toString()));
    }

    /** Atom (RFC 4287): one entry per incident state and per public update, newest first. */
    ApiResponse atom() {
        Status s = status();
        record Entry(String id, String title, Instant updated, String text) {}
        List<Entry> entries = new ArrayList<>();
        for (Incident i : s.incidents()) {
            entries.add(new Entry(
                    "urn:vioms:status:" + i.id() + ":opened",
                    "Storing: " + i.service(),
                    i.since(),
                    "Storing op " + i.service() + " sinds " + Amsterdam.readable(i.since()) + "."));
            for (Update u : i.updates()) {
                entries.add(new Entry(
                        "urn:vioms:status:" + i.id() + ":update:" + opaque(u.at() + "|" + u.text()),
                        "Update: " + i.service(),
                        u.at(),
                        u.text()));
            }
            if (!i.open()) {
                entries.add(new Entry(
                        "urn:vioms:status:" + i.id() + ":resolved",
                        "Opgelost: " + i.service(),
                        i.resolvedAt(),
                        "De storing op " + i.service() + " is opgelost (" + Amsterdam.readable(i.resolvedAt()) + ")."));
            }
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed());
        Instant updated = entries.isEmpty() ? s.at() : entries.get(0).updated();
        StringBuilder x = new StringBuilder(4096);
        x.append(
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">")
                .append("<id>urn:vioms:status</id><title>Storingen VIOMS-diensten</title>")
                .append("<updated>")
                .append(updated)
                .append("</updated><author><name>VIOMS Servicedesk</name></author>")
                .append("<link rel=\"self\" href=\"status.atom\"/>"
                        + "<link rel=\"alternate\" type=\"text/html\" href=\"status\"/>");
        for (Entry e : entries) {
            x.append("<entry><id>")
                    .append(esc(e.id()))
                    .append("</id><title>")
                    .append(esc(e.title()))
                    .append("</title><updated>")
                    .append(e.updated())
                    .append("</updated><content type=\"text\">")
                    .append(esc(e.text()))
                    .append("</content></entry>");
        }
        x.append("</feed>");
        return cached(ApiResponse.of(200, "application/atom+xml; charset=utf-8", x.toString()));
    }

    private static ApiResponse cached(ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("cache-control", CACHE);
        return response.withHeaders(headers);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
