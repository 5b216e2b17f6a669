package nl.vioms.sladesk.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.SlaClocks;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Interval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk clock}: a ticket's SLA deadlines (R3-R17) as one JSON object. */
@Command(
        header = "Computes a ticket's SLA deadlines (R3-R17).",
        name = "clock",
        mixinStandardHelpOptions = true,
        description = "Computes a ticket's SLA deadlines (R3-R17) and prints one JSON object. Times without "
                + "an offset are Europe/Amsterdam wall-clock time; a best-effort target is null.")
final class ClockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--level",
            required = true,
            paramLabel = "LEVEL",
            description = "SLA level: A, N, B, HA, HS, HN, HB.")
    String level;

    @Option(names = "--priority", required = true, paramLabel = "PRIO", description = "P1, P2 or P3 (R10).")
    String priority;

    @Option(
            names = "--reported",
            required = true,
            paramLabel = "TIME",
            description = "When the ticket was created (R8).")
    String reported;

    @Option(
            names = "--channel",
            defaultValue = "email",
            paramLabel = "CHANNEL",
            description = "email, phone, api or monitoring (default: ${DEFAULT-VALUE}); matters for R7.")
    String channel;

    @Option(
            names = "--service",
            defaultValue = "hosted-pbx",
            paramLabel = "KIND",
            description = "hosted-pbx, sip-trunk, connectivity or mobile (default: ${DEFAULT-VALUE}).")
    String service;

    @Option(
            names = "--phone-report",
            paramLabel = "TIME",
            description = "When the fault was also reported by phone (R7).")
    String phoneReport;

    @Option(
            names = "--pause",
            paramLabel = "FROM/TO",
            description = "Waiting for the reseller or end user (R16, repeatable).")
    List<String> pauses = new ArrayList<>();

    @Override
    public Integer call() {
        CliArgs time = new CliArgs(spec.commandLine());
        SlaLevel slaLevel = time.parse(
                "--level",
                level,
                v -> SlaLevel.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not a level (A, N, B, HA, HS, HN, HB)");
        Priority prio = time.parse(
                "--priority",
                priority,
                v -> Priority.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not a priority (P1, P2, P3)");
        Channel via = time.parse(
                "--channel",
                channel,
                v -> Channel.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not a channel (email, phone, api, monitoring)");
        ServiceKind kind = time.parse(
                "--service",
                service,
                ServiceKind::fromWireName,
                "is not a service kind (hosted-pbx, sip-trunk, connectivity, mobile)");
        Instant created = time.instant("--reported", reported);

        TicketTimeline timeline = TicketTimeline.created(created, via, prio);
        Instant latest = created;
        if (phoneReport != null) {
            Instant phone = time.instant("--phone-report", phoneReport);
            timeline = timeline.withPhoneReport(phone);
            latest = max(latest, phone);
        }
        for (String pause : pauses) {
            Interval span = time.interval("--pause", pause);
            timeline = timeline.withPause(span.start(), span.end());
            latest = max(latest, span.end());
        }

        SlaPolicy policy = PolicyLoader.loadDefault()
                .policyOn(created.atZone(CliArgs.AMSTERDAM).toLocalDate());
        // "now" after every given event, so all of them count; the deadlines do not depend on it
        ClockResult clock =
                SlaClocks.compute(timeline, policy.terms(slaLevel, kind), new WorkingDays(policy.holidays()), latest);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", slaLevel.name());
        out.put("priority", clock.priority().name());
        out.put("service", kind.wireName());
        out.put("channel", via.name().toLowerCase(Locale.ROOT));
        out.put("reported", CliArgs.format(created));
        out.put("clockStart", CliArgs.format(clock.clockStart()));
        out.put("acknowledgeDue", CliArgs.format(clock.acknowledgeDue()));
        out.put("responseDue", CliArgs.format(clock.responseDue()));
        out.put("startWorkDue", CliArgs.format(clock.startWorkDue()));
        out.put("restoreDue", CliArgs.format(clock.restoreDue()));
        out.put("restoreWarningAt", CliArgs.format(clock.warningAt()));
        out.put("policy", policy.id());
        out.put("rules", clock.rulesApplied());
        spec.commandLine().getOut().println(Json.write(out));
        return 0;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
