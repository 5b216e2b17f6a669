package nl.vioms.sladesk.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.Attr;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.MonitoredService;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;
import nl.vioms.sladesk.core.monitoring.StreakMachine;
import nl.vioms.sladesk.core.monitoring.StreakMachine.Effect;
import nl.vioms.sladesk.core.monitoring.StreakState;
import nl.vioms.sladesk.core.monitoring.Suppression;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.policy.RegularServiceWindow;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * One scheduled round of the probe (R19-R22): every target checked at once, each result stored
 * (with a TTL), applied to the target's streak, and what the streak asks for done: a
 * notification to operations through the outbox, the outage record, the P1 incident of a
 * platform-wide outage and the note of its end, unknown time for missed runs. The effects are
 * idempotent (stable ids and keys) and done before the streak is written conditionally, so a
 * crash or an overlapping run repeats them harmlessly and never loses one.
 */
public final class ProbeRound {
    /** The schedule's rate in template.yaml (ProbeFunction EveryMinute); a test keeps them equal. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    /** Embedded metrics (issue 21): per service each round, and the round's heartbeat. */
    public static final String CHECKS_FAILED = "ProbeChecksFailed";

    public static final String OUTAGES_OPEN = "OutagesOpen";
    public static final String ROUND_COMPLETED = "ProbeRoundCompleted";

    private final ProbeRepository probes;
    private final MonitoringRepository monitoring;
    private final OutboxRepository outbox;
    private final MonitoringIncidents incidents;
    private final PolicySet policies;
    private final Prober prober;
    private final Clock clock;
    private final StreakMachine machine = new StreakMachine(INTERVAL);

    public ProbeRound(
            ProbeRepository probes,
            MonitoringRepository monitoring,
            OutboxRepository outbox,
            TicketService tickets,
            PolicySet policies,
            Prober prober,
            Clock clock) {
        this.probes = probes;
        this.monitoring = monitoring;
        this.outbox = outbox;
        this.incidents = new MonitoringIncidents(tickets);
        this.policies = policies;
        this.prober = prober;
        this.clock = clock;
    }

    /** One target's check and what it led to ("notified", "outage opened", ...). */
    public record Outcome(ProbeTarget target, CheckResult check, List<String> effects) {}

    public record Result(Instant at, List<Outcome> outcomes, int conflicts) {
        public long count(CheckResult.Status status) {
            return outcomes.stream().filter(o -> o.check().status() == status).count();
        }

        public RoundSummary summary() {
            return new RoundSummary(
                    at.toString(),
                    outcomes.size(),
                    count(CheckResult.Status.UP),
                    count(CheckResult.Status.DEGRADED),
                    count(CheckResult.Status.FAILED),
                    outcomes.stream().mapToInt(o -> o.effects().size()).sum(),
                    conflicts);
        }
    }

    public Result run() {
        // the round's instant: whole seconds, so every check of the round shares one key
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<ProbeTarget> targets = probes.targets();
        Map<String, MonitoredService> services =
                monitoring.services().stream().collect(Collectors.toMap(MonitoredService::key, Function.identity()));
        Map<String, StreakState> streaks =
                probes.streaks(targets.stream().map(ProbeTarget::id).toList());
        List<RegularServiceWindow> regular = policies.find(
                        at.atZone(Amsterdam.ZONE).toLocalDate())
                .map(p -> p.availability().regularServiceWindows())
                .orElse(List.of());
        Map<String, Boolean> suppressed = new HashMap<>();
        for (String key : targets.stream().map(ProbeTarget::serviceKey).collect(Collectors.toSet())) {
            suppressed.put(key, Suppression.suppressed(at, regular, monitoring.maintenanceAt(key, at)));
        }

        List<CheckResult> results = prober.round(targets, at);

        List<Outcome> outcomes = new ArrayList<>();
        // per service: checks failed and targets with an open outage this round (issue 21)
        Map<String, int[]> perService = new TreeMap<>();
        int conflicts = 0;
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            ProbeTarget target = targets.get(i);
            CheckResult check = results.get(i);
            try {
                probes.putCheck(check);
                MonitoredService service = services.get(target.serviceKey());
                if (service == null) {
                    Log.warn("probe.unknown-service", Map.of("target", target.id(), "service", target.serviceKey()));
                }
                StreakMachine.Step step = machine.apply(
                        streaks.get(target.id()),
                        check,
                        target.serviceKey(),
                        suppressed.get(target.serviceKey()),
                        target.serviceKey().startsWith("platform:"));
                List<String> done = new ArrayList<>();
                StreakState next = step.next();
                for (Effect effect : step.effects()) {
                    next = apply(effect, next, target, service, check, done);
                }
                if (!probes.saveStreak(next)) {
                    conflicts++; // another run wrote this target first; the effects above were idempotent
                    done.add("streak written by another run");
                }
                outcomes.add(new Outcome(target, check, done));
                int[] tally = perService.computeIfAbsent(target.serviceKey(), k -> new int[2]);
                tally[0] += check.status() == CheckResult.Status.FAILED ? 1 : 0;
                tally[1] += next.outageOpen() ? 1 : 0;
                if (!check.passed() || !done.isEmpty()) {
                    Map<String, Object> log = new LinkedHashMap<>();
                    log.put("target", target.id());
                    log.put("service", target.serviceKey());
                    log.put("status", check.status().name());
                    log.put("detail", check.detail());
                    log.put("failures", next.failures());
                    log.put("effects", done);
                    Log.info("probe.check", log);
                }
            } catch (RuntimeException e) {
                // one target's trouble does not stop the others; the run fails at the end so the alarm fires
                Log.error("probe.target-failed", Map.of("target", target.id(), "error", String.valueOf(e)), e);
                failures.add(e);
                outcomes.add(new Outcome(target, check, List.of("error: " + e.getMessage())));
            }
        }
        Result result = new Result(at, outcomes, conflicts);
        perService.forEach((service, tally) -> EmbeddedMetric.of(CHECKS_FAILED, tally[0], EmbeddedMetric.COUNT)
                .and(OUTAGES_OPEN, tally[1], EmbeddedMetric.COUNT)
                .dimension("service", service)
                .log("probe.service", Map.of("at", at.toString())));
        // the dead man's switch (ProbeRoundMissingAlarm): a round that got to its end, every minute
        EmbeddedMetric.count(ROUND_COMPLETED)
                .log("probe.round", result.summary().toJson());
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException(
                    failures.size() + " of " + targets.size() + " targets could not be recorded; first: "
                            + failures.get(0).getMessage(),
                    failures.get(0));
            throw failed;
        }
        return result;
    }

    private StreakState apply(
            Effect effect,
            StreakState next,
            ProbeTarget target,
            MonitoredService service,
            CheckResult check,
            List<String> done) {
        if (effect instanceof StreakMachine.Notify n) {
            outbox.add(notification(n, target, service, check));
            done.add(
                    "notified operations (" + n.failures() + " failures since " + Amsterdam.iso(n.streakStart()) + ")");
        } else if (effect instanceof StreakMachine.RecordOutage r) {
            monitoring.putOutage(r.outage());
            done.add(
                    r.outage().isOpen()
                            ? "outage opened from " + Amsterdam.iso(r.outage().start())
                            : "outage closed at " + Amsterdam.iso(r.outage().end()));
        } else if (effect instanceof StreakMachine.OpenIncident o) {
            MonitoredService platform = service != null
                    ? service
                    : MonitoredService.platform(
                            target.serviceKey().substring("platform:".length()), target.serviceKey(), Set.of());
            // one incident per platform service: the first failing target opens it, the others join
            var claim =
                    probes.joinIncident(target.serviceKey(), target.id(), MonitoringIncidents.sourceKey(o.outage()));
            String number = claim.number();
            if (number == null) {
                number = incidents.open(o.outage(), platform, target, check.at(), check.detail(), claim.sourceKey());
                probes.linkIncident(target.serviceKey(), number);
                done.add("P1 incident " + number);
            } else {
                done.add("joined P1 incident " + number);
            }
            monitoring.putOutage(o.outage().withIncident(number));
            next = next.withIncident(number);
        } else if (effect instanceof StreakMachine.NoteIncident n) {
            incidents.noteUp(n.incident(), n.closed(), target.id(), n.at());
            probes.leaveIncident(target.serviceKey(), target.id());
            done.add("noted on " + n.incident());
        } else if (effect instanceof StreakMachine.RecordUnknown u) {
            monitoring.putUnknown(u.span());
            done.add("unknown " + u.span().span());
        }
        return next;
    }

    private static OutboxMessage notification(
            StreakMachine.Notify n, ProbeTarget target, MonitoredService service, CheckResult check) {
        // one per streak: the id carries the streak's first failure
        String id = "probe#" + target.id() + "#" + Attr.sortable(n.streakStart()) + "#failing";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "probe-failing");
        body.put("target", target.id());
        body.put("address", target.address());
        body.put("service", target.serviceKey());
        body.put("serviceName", service == null ? target.serviceKey() : service.name());
        body.put("failures", n.failures());
        body.put("since", Amsterdam.iso(n.streakStart()));
        body.put("at", Amsterdam.iso(n.at()));
        body.put("lastResult", check.detail());
        return OutboxMessage.pending(
                id,
                OutboxMessage.Topic.OPERATIONS,
                Map.of("kind", "probe-failing", "target", target.id(), "service", target.serviceKey()),
                Json.write(body),
                n.at());
    }
}
