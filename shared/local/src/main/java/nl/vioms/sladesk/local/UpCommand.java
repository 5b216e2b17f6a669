package nl.vioms.sladesk.local;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk up}: every function of the template, wired as the template wires it, until Ctrl-C. */
@Command(
        header = "Runs SLA Desk locally on the AWS emulators.",
        name = "up",
        mixinStandardHelpOptions = true,
        description = "Runs SLA Desk locally on the AWS emulators: every function of template.yaml, started "
                + "as the template says: the HTTP API on http://127.0.0.1:3000, the schedules "
                + "(Europe/Amsterdam), the inbound-mail SNS topic and the outbox table's stream. Creates "
                + "the template's tables, topics, queues and buckets (data kept in .sladesk/data), logs "
                + "one line per invocation, and stops on Ctrl-C.")
final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "3000", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--seed",
            paramLabel = "FILE",
            description = "Load directory data first (a file, or a name in events/seed, e.g. demo).")
    String seed;

    @Option(
            names = "--schedules",
            defaultValue = "enabled",
            paramLabel = "WHICH",
            description = "Which schedules run: enabled (as deployed; State: DISABLED ones do not), all, or none "
                    + ""
                    + "(default: ${DEFAULT-VALUE}).")
    String schedules;

    @Option(
            names = "--log-format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Invocation log lines as text (key=value) or json (default: ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(
            names = "--no-stand-ins",
            negatable = false,
            description =
                    "Do not answer for the probe targets on 127.0.0.1 (their platform then looks down to the probe).")
    boolean noStandIns;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        CliArgs args = new CliArgs(spec.commandLine());
        LocalRuntime.ScheduleMode mode = args.parse(
                "--schedules",
                schedules,
                v -> LocalRuntime.ScheduleMode.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not enabled, all or none");
        InvocationLog.Format format = args.parse(
                "--log-format",
                logFormat,
                v -> InvocationLog.Format.valueOf(v.toUpperCase(Locale.ROOT)),
                "is not text or json");
        var already = RunningSystem.running();
        if (already.isPresent()) {
            throw new IllegalStateException("SLA Desk is already up (pid "
                    + already.get().get("pid") + ", " + already.get().get("api").asText() + ")");
        }
        var seedData = seed == null ? null : SeedCommand.parse(spec, seed);
        LocalAws aws = LocalAws.start(Template.ofProject(), Sladesk.dataDir(), "http://127.0.0.1:" + port);
        LocalRuntime runtime = null;
        LocalApiServer api = null;
        StandIns standIns = null;
        try {
            if (seedData != null) {
                SeedCommand.load(LocalTarget.of(aws), seedData);
                out.println("Seeded " + seedData.directory().customers().size() + " customers and "
                        + seedData.directory().tokens().size()
                        + " tokens"
                        + (seedData.monitoring() == null
                                ? ""
                                : " and " + seedData.monitoring().targets().size() + " probe targets")
                        + " from " + seed);
                if (isDemo(seed) && aws.cognitoEndpoint() != null) {
                    DemoConsoleUsers.ensure(aws);
                }
            }
            if (!noStandIns) {
                standIns = new StandIns(
                        new ProbeRepository(
                                        aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"))
                                .targets(),
                        out);
            }
            Clock clock = Clock.systemUTC();
            runtime = new LocalRuntime(
                    aws,
                    clock,
                    mode,
                    new InvocationLog(System.out, format),
                    Sladesk.dataDir(),
                    RunningSystem.metricsFile());
            try {
                api = new LocalApiServer(runtime.handlers(), port, runtime.log(), clock);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                                + "); is another sladesk up running? Try --port",
                        e);
            }
        } catch (RuntimeException e) {
            if (standIns != null) {
                standIns.close();
            }
            if (runtime != null) {
                runtime.close();
            }
            aws.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        RunningSystem.announce(aws, api.baseUrl());
        LocalRuntime running = runtime;
        LocalApiServer serving = api;
        StandIns answering = standIns;
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            running.beginStop();
                            RunningSystem.withdraw();
                            serving.close();
                            running.close();
                            if (answering != null) {
                                answering.close();
                            }
                            aws.close();
                            System.out.println("SLA Desk stopped.");
                            System.out.flush();
                            stopped.countDown();
                        },
                        "sladesk-up-stop"));
        out.println("SLA Desk is up. HTTP API: " + api.baseUrl());
        api.routes().forEach(r -> out.println("  " + r.routeKey() + "  -> " + r.functionLogicalId()));
        for (TemplateTriggers.Schedule schedule : new TemplateTriggers(aws.template()).schedules()) {
            boolean runs = runtime.schedules().contains(schedule);
            out.println("  " + schedule.expression() + " " + schedule.zone() + "  -> " + schedule.functionId()
                    + (runs
                            ? ""
                            : schedule.enabled()
                                    ? "  (not run: --schedules none)"
                                    : "  (State: DISABLED; --schedules all runs it)"));
        }
        runtime.pollerFunctions().forEach((trigger, function) -> out.println("  " + trigger + "  -> " + function));
        out.println(
                "DynamoDB emulator: " + aws.dynamoEndpoint() + "   SNS/SQS/S3 emulator: " + aws.messagingEndpoint());
        if (aws.mailEndpoint() != null) {
            out.println("Sent mail (SES emulator): " + aws.mailEndpoint() + "/   as JSON: " + aws.mailEndpoint()
                    + "/store");
        }
        if (seed != null && isDemo(seed) && aws.cognitoEndpoint() != null) {
            DemoConsoleUsers.print(out, api.baseUrl().toString().replaceAll("/+$", ""));
        }
        out.println("Data: " + Sladesk.dataDir() + "   Now: "
                + Amsterdam.iso(Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS)) + "   Ctrl-C stops.");
        out.flush();
        runtime.start();
        stopped.await();
        return 0;
    }

    /** The demo seed (by name or as its file): it also brings the console's demo people. */
    static boolean isDemo(String seed) {
        return seed.equals("demo") || seed.endsWith("/demo.json") || seed.equals("demo.json");
    }
}
