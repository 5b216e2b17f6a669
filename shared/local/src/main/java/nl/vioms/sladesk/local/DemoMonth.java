package nl.vioms.sladesk.local;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;

/**
 * The demo's month: every function of the template on the runtime of {@code ./sladesk up}, driven
 * by a simulated clock, and what happens in the month (the script, {@code events/demo/month.yaml}:
 * e-mails, phone calls, operations, the platform's outages) done the way people and systems do
 * it: SES deliveries, HTTP API calls, SNS subscriptions ({@link ScriptScenes}, {@link DemoAgents}).
 *
 * <p>Time-lapse: around each event of the month (and each deadline of an open ticket) the clock
 * moves minute by minute and every schedule runs as the template says; the quiet stretches in
 * between are crossed in one jump, where each rate schedule runs once for all its runs (see
 * {@link LocalRuntime#drainCoalescing()}). A month minute by minute is about 43 000 sweeps and 43
 * 000 probe rounds: far more than two minutes on this machine.
 */
final class DemoMonth {
    private final YearMonth month;
    private final Path dir;
    private final PrintStream log;
    private final PrintWriter out;
    private final boolean terminal;

    DemoMonth(YearMonth month, Path dir, PrintStream log, PrintWriter out, boolean terminal) {
        this.month = month;
        this.dir = dir;
        this.log = log;
        this.out = out;
        this.terminal = terminal;
    }

    DemoSummary run() throws Exception {
        // the whole script is read and checked before anything starts
        Path scriptFile = ProjectRoot.find().resolve(MonthScript.FILE);
        MonthScript script = MonthScriptReader.read(scriptFile);
        script.checkDays(month, scriptFile.toString());
        Instant start = month.atDay(1).atStartOfDay(Amsterdam.ZONE).toInstant();
        Instant monthEnd =
                month.plusMonths(1).atDay(1).atStartOfDay(Amsterdam.ZONE).toInstant();
        // past month-end's run (00:05 on the 1st of the next month)
        Instant end = monthEnd.plus(Duration.ofMinutes(10));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        out.println("Starting the emulators for the demo (data in " + dir.resolve("data") + ")...");
        out.flush();
        long startedNanos = System.nanoTime();
        try (LocalAws aws = LocalAws.start(Template.ofProject(), dir.resolve("data"), "http://127.0.0.1:" + port)) {
            aws.seed("demo");
            MutableClock clock = new MutableClock(start);
            // the functions' own log lines carry the simulated time too, like the invocation lines
            Log.useClock(clock);
            InvocationLog invocations = new InvocationLog(log, InvocationLog.Format.TEXT);
            try (DemoPeers peers = new DemoPeers();
                    LocalRuntime runtime = new LocalRuntime(
                            aws, clock, LocalRuntime.ScheduleMode.ENABLED, invocations, dir.resolve("data"));
                    LocalApiServer server = new LocalApiServer(runtime.handlers(), port, invocations, clock)) {
                DemoApi api = new DemoApi(server.baseUrl());
                DemoScenes scenes = new DemoScenes();
                DemoTickets tickets = new DemoTickets(api, scenes, clock, log);
                DemoAgents agents = new DemoAgents(aws, clock, api, scenes, tickets);
                agents.subscribe();
                ScriptScenes people =
                        new ScriptScenes(aws, clock, month, scriptFile.getParent(), api, tickets, scenes, log, peers);
                people.monitorPlatform();
                people.add(script);
                scenes.busy(new Interval(monthEnd.minus(DemoScenes.LEAD), end));
                out.println("Replaying " + month + " on a simulated clock, " + Amsterdam.iso(start) + " to "
                        + Amsterdam.iso(end) + " (log: " + dir.resolve("runtime.log") + ")");
                DemoProbeBridge bridge = new DemoProbeBridge(
                        new ProbeRepository(
                                aws.clients().dynamo(), aws.resources().tableName("MonitoringTable")),
                        peers::answering);
                Replay replay = replay(runtime, clock, scenes, agents, tickets, bridge, start, end);
                log.flush();
                List<Path> reports = DemoSummary.downloadReports(aws, dir).stream()
                        .filter(p -> p.toString().contains("/" + month + "/"))
                        .toList();
                return new DemoSummary(
                        month,
                        Duration.ofNanos(System.nanoTime() - startedNanos),
                        replay.steps(),
                        replay.jumps(),
                        invocations.invocations(),
                        invocations.errors(),
                        DemoSummary.ticketLines(api, tickets),
                        DemoSummary.escalationAndMailLines(aws, agents),
                        DemoSummary.availabilityLines(month, reports),
                        DemoSummary.metricLines(
                                runtime.metrics(),
                                AlarmEvaluator.states(aws.template(), runtime.metrics(), clock.instant())),
                        reports,
                        dir.resolve("runtime.log"));
            }
        }
    }

    /** How the clock went: minute steps in the busy stretches, jumps across the quiet ones. */
    private record Replay(long steps, long jumps) {}

    /** The driver loop: moves the clock to {@code end}, playing scenes and draining the runtime. */
    private Replay replay(
            LocalRuntime runtime,
            MutableClock clock,
            DemoScenes scenes,
            DemoAgents agents,
            DemoTickets tickets,
            DemoProbeBridge bridge,
            Instant start,
            Instant end) {
        ProgressBar progress = new ProgressBar(out, start, end, terminal);
        long steps = 0;
        long jumps = 0;
        while (clock.instant().isBefore(end)) {
            Instant now = clock.instant();
            Instant nextScene = scenes.next() == null ? end : scenes.next();
            if (scenes.isBusy(now)) {
                Instant next = earliest(runtime.nextDue(), nextScene, end);
                if (next.isAfter(now)) {
                    clock.set(next);
                }
                steps++;
                scenes.playDue(runtime, log);
                runtime.drain();
            } else {
                // a cron run (month-end) or a retry is not passed over: it runs on time
                clock.set(earliest(nextScene, scenes.nextBusyStart(now), end, runtime.nextDueExceptRates()));
                jumps++;
                // the probe rounds the jump passes over are carried through, not missed (issue 20)
                bridge.across(clock.instant());
                runtime.drainCoalescing();
                scenes.playDue(runtime, log);
            }
            agents.act();
            progress.update(clock.instant(), status(tickets, agents));
        }
        progress.finish(clock.instant(), status(tickets, agents));
        return new Replay(steps, jumps);
    }

    private static String status(DemoTickets tickets, DemoAgents agents) {
        return tickets.seen().size() + " tickets, " + agents.notifications() + " notifications, "
                + agents.acknowledged().size() + " acknowledged";
    }

    private static Instant earliest(Instant... candidates) {
        Instant min = null;
        for (Instant c : candidates) {
            if (c != null && (min == null || c.isBefore(min))) {
                min = c;
            }
        }
        return min;
    }
}
