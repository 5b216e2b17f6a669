package nl.vioms.sladesk.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.monitoring.MaintenanceAnnouncements;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.core.availability.AvailabilityCalculator;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow;
import nl.vioms.sladesk.core.monitoring.MaintenanceWindow.MaintenanceKind;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk maintenance add|list}: maintenance windows of monitored services (R19). */
@Command(
        header = "Adds and lists maintenance windows of monitored services (R19).",
        name = "maintenance",
        mixinStandardHelpOptions = true,
        description = "Maintenance windows of monitored services (R19). Planned windows carry their "
                + "announcement; one announced less than 24 h ahead counts as emergency maintenance at "
                + "month end. Inside an announced planned window the probe holds back notifications and "
                + "incidents, and still checks and records.",
        subcommands = {MaintenanceCommand.Add.class, MaintenanceCommand.ListWindows.class})
final class MaintenanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static Map<String, Object> line(MaintenanceWindow w) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", w.id());
        line.put("service", w.serviceKey());
        line.put("kind", w.kind().name().toLowerCase(Locale.ROOT));
        line.put("from", CliArgs.format(w.window().start()));
        line.put("to", CliArgs.format(w.window().end()));
        line.put("announcedAt", CliArgs.format(w.announcedAt()));
        line.put("reason", w.reason());
        if (w.kind() == MaintenanceKind.EMERGENCY) {
            line.put("excluded", w.excluded());
            line.put("exclusionReason", w.exclusionReason());
        } else {
            Duration notice = PolicyLoader.loadDefault()
                    .policyOn(w.window().start().atZone(Amsterdam.ZONE).toLocalDate())
                    .availability()
                    .minimumNotice();
            line.put(
                    "counts",
                    w.toPlanned().announcedInTime(notice)
                            ? "planned maintenance, excluded from availability"
                            : "emergency maintenance: announced less than " + notice.toHours() + " h ahead (R19)");
        }
        return line;
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Records a maintenance window. Times are Amsterdam wall-clock (2026-12-06T20:00) or "
                    + "UTC (…Z). Adding the same id again replaces the window.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--service",
                required = true,
                paramLabel = "KEY",
                description = "The monitored service, e.g. platform:hosted-voice.")
        String service;

        @Option(names = "--from", required = true, description = "Start of the window.")
        String from;

        @Option(names = "--to", required = true, description = "Announced (planned) or actual (emergency) end.")
        String to;

        @Option(
                names = "--announced",
                paramLabel = "TIME",
                description = "Planned: when customers were told (default: now).")
        String announced;

        @Option(names = "--emergency", description = "Emergency maintenance (R19): needs --reason.")
        boolean emergency;

        @Option(names = "--reason", description = "What is done and why.")
        String reason;

        @Option(
                names = "--excluded-because",
                paramLabel = "TEXT",
                description = "Emergency: operations exclude its outage time from availability, for this reason.")
        String excludedBecause;

        @Option(names = "--id", description = "Stable id (default: mw-<start>).")
        String id;

        @Option(
                names = "--announce",
                description = "Planned: mail the announcement to every contact of the customers whose services the "
                        + "window touches, and to their resellers; the window's announcement instant becomes the "
                        + "instant SES accepted the last of those mails (R19). Again for the same window mails "
                        + "nobody twice.")
        boolean announce;

        @Override
        public Integer call() {
            CliArgs args = new CliArgs(spec.commandLine());
            Interval window = args.interval("--from/--to", from + "/" + to);
            if (window.isEmpty()) {
                throw args.bad("--to", to, "must be after --from");
            }
            if (window.duration().compareTo(MonitoringRepository.MAX_MAINTENANCE) > 0) {
                throw args.bad(
                        "--to",
                        to,
                        "makes a window longer than " + MonitoringRepository.MAX_MAINTENANCE.toDays() + " days");
            }
            if (emergency && announce) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--announce is for planned windows; emergency work is not announced ahead");
            }
            if (announce && announced != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--announce records the announcement instant itself; leave out --announced");
            }
            if (emergency && (reason == null || reason.isBlank())) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--reason is required for emergency maintenance (R19)");
            }
            Instant announcedAt = emergency
                    ? null
                    : announced == null ? Clock.systemUTC().instant() : args.instant("--announced", announced);
            String windowId = id != null ? id : MaintenanceAnnouncements.defaultId(window, emergency);
            MaintenanceWindow w;
            try {
                w = new MaintenanceWindow(
                        windowId,
                        service,
                        emergency ? MaintenanceKind.EMERGENCY : MaintenanceKind.PLANNED,
                        window,
                        announcedAt,
                        reason,
                        excludedBecause != null,
                        excludedBecause);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw args.bad("--reason/--excluded-because", String.valueOf(excludedBecause), e.getMessage());
            }
            try (OperatorTarget target = Sladesk.target(spec)) {
                var monitoring =
                        new MonitoringRepository(target.clients().dynamo(), target.tableName("MonitoringTable"));
                List<MonitoredService> services = monitoring.services();
                List<String> known =
                        services.stream().map(MonitoredService::key).sorted().toList();
                if (!known.contains(service)) {
                    throw args.bad(
                            "--service",
                            service,
                            "is not a monitored service"
                                    + (known.isEmpty()
                                            ? " (none yet: ./sladesk seed demo)"
                                            : "; known: " + String.join(", ", known)));
                }
                monitoring.putMaintenance(w);
                if (announce) {
                    MonitoredService touched = services.stream()
                            .filter(s -> s.key().equals(service))
                            .findFirst()
                            .orElseThrow();
                    int written = announce(target, w, touched);
                    spec.commandLine()
                            .getErr()
                            .println("[sladesk] " + written + " announcement mail(s) written to the outbox;"
                                    + " ./sladesk mail list shows them once sent");
                }
            }
            spec.commandLine().getOut().println(Json.write(line(w)));
            return 0;
        }
    }

    /** Writes the window's announcement mails to the outbox (idempotent per window and recipient). */
    static int announce(LocalAws aws, MaintenanceWindow window, MonitoredService service) {
        return announce(LocalTarget.of(aws), window, service);
    }

    /** As above, on either target (a stack: the deployed intake function's configuration). */
    static int announce(OperatorTarget target, MaintenanceWindow window, MonitoredService service) {
        // the intake's configuration: its ticket service plans the mails (support address, out-of-hours number)
        Services services =
                new Services(target.environmentOf("IntakeApiFunction"), target.clients(), Clock.systemUTC());
        return MaintenanceAnnouncements.announce(services, window, service);
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the maintenance windows of a month (JSON lines), of one service or of all.")
    static final class ListWindows implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--service", paramLabel = "KEY", description = "One monitored service (default: all).")
        String service;

        @Option(
                names = "--month",
                paramLabel = "YYYY-MM",
                description = "The month in Amsterdam time (default: this month).")
        String month;

        @Override
        public Integer call() {
            CliArgs args = new CliArgs(spec.commandLine());
            YearMonth m = month == null
                    ? YearMonth.now(Amsterdam.ZONE)
                    : args.parse("--month", month, YearMonth::parse, "is not a month like 2026-12");
            Interval span = AvailabilityCalculator.monthInterval(m);
            try (OperatorTarget target = Sladesk.target(spec)) {
                var monitoring =
                        new MonitoringRepository(target.clients().dynamo(), target.tableName("MonitoringTable"));
                List<String> keys = service != null
                        ? List.of(service)
                        : monitoring.services().stream()
                                .map(MonitoredService::key)
                                .sorted()
                                .toList();
                int listed = 0;
                for (String key : keys) {
                    for (MaintenanceWindow w : monitoring.records(key, span).maintenance()) {
                        spec.commandLine().getOut().println(Json.write(line(w)));
                        listed++;
                    }
                }
                if (listed == 0) {
                    // stdout stays JSON lines (none); people read why it is empty
                    spec.commandLine()
                            .getErr()
                            .println("no maintenance windows in " + m + (service == null ? "" : " for " + service));
                }
            }
            return 0;
        }
    }
}
