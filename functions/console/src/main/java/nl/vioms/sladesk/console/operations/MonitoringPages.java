package nl.vioms.sladesk.console.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.monitoring.MaintenanceAnnouncements;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakMachine;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;

/**
 * Operations' monitoring page (issue 17, page 3): every probe target with its last check and
 * streak (R20, R22), the open outages, and the maintenance windows of this and next month with
 * the forms to plan one (R19's 24-hour notice), announce one and record emergency work.
 */
public final class MonitoringPages {
    static final String PATH = "/console/monitoring";
    private static final Set<Role> OPERATIONS = Set.of(Role.OPERATIONS);

    private final Services services;

    private MonitoringPages(Services services) {
        this.services = services;
    }

    public static void register(PageRouter router, Services services) {
        MonitoringPages pages = new MonitoringPages(services);
        router.page("GET", "/monitoring", OPERATIONS, pages::show)
                .page("POST", "/monitoring/maintenance", OPERATIONS, pages::plan)
                .page("POST", "/monitoring/maintenance/announce", OPERATIONS, pages::announce)
                .page("POST", "/monitoring/emergency", OPERATIONS, pages::emergency);
    }

    /** One probe target as the table shows it. */
    public record TargetRow(
            String service,
            String target,
            String address,
            String checkedAt,
            String result,
            String resultClass,
            String rtt,
            String streak,
            String streakClass) {}

    /** An open outage: the service, since, confirmed at (R20: the 5th failed check), how long so far. */
    public record OutageRow(String service, String target, String since, String confirmedAt, String duration) {}

    /** A maintenance window of this or next month. */
    public record WindowRow(
            String id,
            String serviceKey,
            String service,
            String kind,
            String from,
            String to,
            String startIso,
            String announced,
            String reason,
            String notice,
            boolean announceable) {}

    /** The page's plan form as typed, and the R19 warning when it is short notice. */
    public record PlanForm(String service, String from, String to, String reason, String warning) {
        static PlanForm empty() {
            return new PlanForm("", "", "", "", null);
        }
    }

    /** A monitored service to choose from: key and name. */
    public record ServiceOption(String key, String name) {}

    /** The targets and their streaks, read once per page: the targets table and the outages use both. */
    private record Probed(List<ProbeTarget> targets, Map<String, StreakState> streaks) {}

    private Probed probed() {
        List<ProbeTarget> targets = services.probeRepository().targets();
        return new Probed(
                targets,
                services.probeRepository()
                        .streaks(targets.stream().map(ProbeTarget::id).toList()));
    }

    private WebResponse show(WebRequest request, Session session, PathParameters parameters) {
        if (request.partial()) {
            Map<String, String> names = names(services.monitoring().services());
            return Views.page(200, "monitoring/targets.jte", Map.of("targets", targets(probed(), names)));
        }
        return page(200, session, PlanForm.empty(), notice(request));
    }

    private WebResponse page(int status, Session session, PlanForm plan, String notice) {
        List<MonitoredService> known = services.monitoring().services();
        Map<String, String> names = names(known);
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", new Chrome("Monitoring", session, PATH));
        Probed probed = probed();
        model.put("targets", targets(probed, names));
        model.put("outages", outages(probed, names));
        model.put("windows", windows(known));
        model.put(
                "services",
                known.stream()
                        .map(s -> new ServiceOption(s.key(), s.name()))
                        .sorted(Comparator.comparing(ServiceOption::name))
                        .toList());
        model.put("plan", plan);
        model.put("notice", notice == null ? "" : notice);
        model.put("csrf", session.csrfToken());
        return Views.page(status, "monitoring/page.jte", model);
    }

    /** What the previous form did, as a fixed sentence chosen by code (never the request's text echoed). */
    private static String notice(WebRequest request) {
        Optional<String> done = request.query("gedaan");
        if (done.isEmpty()) {
            return null;
        }
        switch (done.get()) {
            case "gepland":
                return "Het onderhoud is vastgelegd.";
            case "spoed":
                return "Het spoedonderhoud is vastgelegd.";
            case "aangekondigd":
                int count = request.query("mails").map(MonitoringPages::count).orElse(0);
                return count == 0
                        ? "Dit onderhoud was al aangekondigd: niemand krijgt de mail twee keer."
                        : "De aankondiging gaat naar " + count + (count == 1 ? " adres." : " adressen.");
            default:
                return null;
        }
    }

    private static int count(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private List<TargetRow> targets(Probed probed, Map<String, String> names) {
        ProbeRepository probes = services.probeRepository();
        List<TargetRow> rows = new ArrayList<>();
        for (ProbeTarget target : probed.targets()) {
            Optional<CheckResult> last = probes.lastCheck(target.id());
            StreakState streak = probed.streaks().get(target.id());
            rows.add(new TargetRow(
                    names.getOrDefault(target.serviceKey(), target.serviceKey()),
                    target.id(),
                    target.address(),
                    last.map(c -> Moments.dayTime(c.at())).orElse("nog niet gecontroleerd"),
                    last.map(MonitoringPages::result).orElse("–"),
                    last.map(c -> c.status().name().toLowerCase(Locale.ROOT)).orElse("muted"),
                    last.map(c -> c.rtt() == null ? "–" : c.rtt().toMillis() + " ms")
                            .orElse("–"),
                    streak(streak),
                    streak.outageOpen() ? "bad" : streak.failures() >= StreakMachine.NOTIFY_AFTER ? "warn" : "ok"));
        }
        rows.sort(Comparator.comparing(TargetRow::service).thenComparing(TargetRow::target));
        return rows;
    }

    /** R22: a check slower than 25 ms passed but is degraded. */
    private static String result(CheckResult check) {
        switch (check.status()) {
            case UP:
                return "in orde";
            case DEGRADED:
                return "traag (boven " + CheckResult.DEGRADED_ABOVE.toMillis() + " ms)";
            default:
                return "mislukt" + (check.detail().isBlank() ? "" : ": " + check.detail());
        }
    }

    /** R20: {@value StreakMachine#NOTIFY_AFTER} failed checks in a row are notified, 5 make an outage. */
    private static String streak(StreakState streak) {
        if (streak.outageOpen()) {
            return streak.failures() + " mislukt · storing";
        }
        if (streak.failures() == 0) {
            return "geen";
        }
        return streak.failures() + " mislukt" + (streak.notified() ? " · gemeld" : "");
    }

    /** Open outages from the streaks (R20: confirmed at the 5th failed check), longest first. */
    private List<OutageRow> outages(Probed probed, Map<String, String> names) {
        Map<String, ProbeTarget> byId =
                probed.targets().stream().collect(Collectors.toMap(ProbeTarget::id, Function.identity()));
        Instant now = services.clock().instant();
        return probed.streaks().values().stream()
                .filter(StreakState::outageOpen)
                .sorted(Comparator.comparing(StreakState::outageStart))
                .map(s -> new OutageRow(
                        names.getOrDefault(
                                byId.get(s.targetId()).serviceKey(),
                                byId.get(s.targetId()).serviceKey()),
                        s.targetId(),
                        Moments.dayTime(s.outageStart()),
                        Moments.dayTime(s.outageConfirmedAt()),
                        Moments.duration(Duration.between(s.outageStart(), now))))
                .toList();
    }

    private List<WindowRow> windows(List<MonitoredService> known) {
        YearMonth thisMonth = YearMonth.from(services.clock().instant().atZone(Amsterdam.ZONE));
        Interval span = new Interval(
                AvailabilityCalculator.monthInterval(thisMonth).start(),
                AvailabilityCalculator.monthInterval(thisMonth.plusMonths(1)).end());
        List<WindowRow> rows = new ArrayList<>();
        for (MonitoredService service : known) {
            for (MaintenanceWindow w :
                    services.monitoring().records(service.key(), span).maintenance()) {
                boolean planned = w.kind() == MaintenanceKind.PLANNED;
                rows.add(new WindowRow(
                        w.id(),
                        service.key(),
                        service.name(),
                        planned ? "gepland" : "spoedonderhoud",
                        Moments.dayTime(w.window().start()),
                        Moments.dayTime(w.window().end()),
                        w.window().start().toString(),
                        planned ? Moments.dayTime(w.announcedAt()) : "–",
                        w.reason() == null ? "" : w.reason(),
                        planned && shortNotice(w.window().start(), w.announcedAt())
                                ? "telt als spoedonderhoud: minder dan "
                                        + minimumNotice(w.window().start()).toHours() + " uur vooraf aangekondigd (R19)"
                                : "",
                        planned && w.window().end().isAfter(services.clock().instant())));
            }
        }
        rows.sort(Comparator.comparing(WindowRow::startIso));
        return rows;
    }

    /** R19: the policy's minimum notice (24 h) for a window starting at {@code start}. */
    private Duration minimumNotice(Instant start) {
        return services.policies()
                .policyOn(start.atZone(Amsterdam.ZONE).toLocalDate())
                .availability()
                .minimumNotice();
    }

    private boolean shortNotice(Instant start, Instant announcedAt) {
        return Duration.between(announcedAt, start).compareTo(minimumNotice(start)) < 0;
    }

    /**
     * Plans a window. Announced less than 24 h ahead (R19) it counts as emergency maintenance at
     * month end: the page then shows that and stores nothing until the operator confirms.
     */
    private WebResponse plan(WebRequest request, Session session, PathParameters parameters) {
        MonitoredService service = service(request);
        Interval window = window(request);
        String reason = request.form("reason").orElseThrow(() -> new WebError(400, "Geef de reden van het onderhoud."));
        Instant now = services.clock().instant();
        if (window.start().isBefore(now)) {
            throw new WebError(400, "Gepland onderhoud begint in de toekomst; voor werk dat al loopt: spoedonderhoud.");
        }
        if (shortNotice(window.start(), now) && request.form("confirm").isEmpty()) {
            Duration notice = minimumNotice(window.start());
            String warning = "Dit onderhoud begint over " + Moments.duration(Duration.between(now, window.start()))
                    + ": minder dan " + notice.toHours() + " uur vooraf aangekondigd. Het telt daarom als "
                    + "spoedonderhoud en gaat af van de beschikbaarheid (R19). Bevestig om het toch vast te leggen.";
            PlanForm typed = new PlanForm(
                    service.key(),
                    request.form("from").orElse(""),
                    request.form("to").orElse(""),
                    reason,
                    warning);
            return page(200, session, typed, null);
        }
        MaintenanceWindow planned = new MaintenanceWindow(
                MaintenanceAnnouncements.defaultId(window, false),
                service.key(),
                MaintenanceKind.PLANNED,
                window,
                now,
                reason,
                false,
                null);
        services.monitoring().putMaintenance(planned);
        return WebResponse.redirect(PATH + "?gedaan=gepland");
    }

    /** Mails the window's announcement (the CLI's --announce, one place): again mails nobody twice. */
    private WebResponse announce(WebRequest request, Session session, PathParameters parameters) {
        MonitoredService service = service(request);
        String id =
                request.form("id").orElseThrow(() -> new WebError(400, "Welk onderhoud? Er is geen id meegestuurd."));
        Instant start;
        try {
            start = Instant.parse(request.form("start").orElse(""));
        } catch (DateTimeParseException e) {
            throw new WebError(400, "Het begin van het onderhoud is onleesbaar.");
        }
        MaintenanceWindow window =
                services
                        .monitoring()
                        .records(service.key(), new Interval(start, start.plusSeconds(1)))
                        .maintenance()
                        .stream()
                        .filter(w -> w.id().equals(id) && w.kind() == MaintenanceKind.PLANNED)
                        .findFirst()
                        .orElseThrow(() -> new WebError(404, "Dit geplande onderhoud bestaat niet (meer)."));
        int written = MaintenanceAnnouncements.announce(services, window, service);
        return WebResponse.redirect(PATH + "?gedaan=aangekondigd&mails=" + written);
    }

    /** Records emergency maintenance (R19): its reason is required, not announced ahead. */
    private WebResponse emergency(WebRequest request, Session session, PathParameters parameters) {
        MonitoredService service = service(request);
        Interval window = window(request);
        String reason = request.form("reason")
                .orElseThrow(() -> new WebError(400, "Spoedonderhoud heeft een reden nodig (R19)."));
        Optional<String> excluded = request.form("excludedBecause");
        MaintenanceWindow emergency = new MaintenanceWindow(
                MaintenanceAnnouncements.defaultId(window, true),
                service.key(),
                MaintenanceKind.EMERGENCY,
                window,
                null,
                reason,
                excluded.isPresent(),
                excluded.orElse(null));
        services.monitoring().putMaintenance(emergency);
        return WebResponse.redirect(PATH + "?gedaan=spoed");
    }

    private MonitoredService service(WebRequest request) {
        String key = request.form("service").orElseThrow(() -> new WebError(400, "Kies een dienst."));
        return services.monitoring().services().stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new WebError(400, "Die dienst wordt niet bewaakt: '" + key + "'."));
    }

    /** From and to (Amsterdam), to after from, at most 7 days (the probe's lookup stays one short Query). */
    private static Interval window(WebRequest request) {
        Instant from = Moments.parseField("Van", request.form("from").orElse(""));
        Instant to = Moments.parseField("Tot", request.form("to").orElse(""));
        if (!to.isAfter(from)) {
            throw new WebError(400, "Het einde (tot) moet na het begin (van) liggen.");
        }
        if (Duration.between(from, to).compareTo(MonitoringRepository.MAX_MAINTENANCE) > 0) {
            throw new WebError(
                    400,
                    "Een onderhoudsvenster duurt hoogstens " + MonitoringRepository.MAX_MAINTENANCE.toDays()
                            + " dagen.");
        }
        return new Interval(from, to);
    }

    private static Map<String, String> names(List<MonitoredService> known) {
        return known.stream().collect(Collectors.toMap(MonitoredService::key, MonitoredService::name, (a, b) -> a));
    }
}
