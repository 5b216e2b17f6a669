package nl.vioms.sladesk.local;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.vioms.sladesk.testing.LocalAws;
import nl.vioms.sladesk.testing.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk up}: the emulators, the template's resources and the HTTP API, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs SLA Desk locally on the AWS emulators, serving the template's HTTP API on http://127.0.0.1:3000.",
                "Creates template.yaml's tables, topics, queues and buckets (data kept in .sladesk/data) and",
                "invokes the handlers in-process. Ctrl-C stops everything."})
final class UpCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "3000", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", paramLabel = "FILE", description = "Load directory data first (a file, or a name in events/seed, e.g. demo).")
    String seed;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var already = RunningSystem.running();
        if (already.isPresent()) {
            throw new IllegalStateException("SLA Desk is already up (pid " + already.get().get("pid")
                    + ", " + already.get().get("api").asText() + ")");
        }
        var seedData = seed == null ? null : SeedCommand.parse(spec, seed);
        LocalAws aws = LocalAws.start(Template.ofProject(), Sladesk.dataDir(), "http://127.0.0.1:" + port);
        if (seedData != null) {
            SeedCommand.load(aws, seedData);
            out.println("Seeded " + seedData.directory().customers().size() + " customers and " + seedData.directory().tokens().size()
                    + " tokens" + (seedData.monitoring() == null ? "" : " and " + seedData.monitoring().targets().size() + " probe targets")
                    + " from " + seed);
        }
        LocalApiServer api;
        try {
            api = new LocalApiServer(new LocalHandlers(aws, Clock.systemUTC()), port);
        } catch (java.io.IOException e) {
            aws.close();
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another sladesk up running? Try --port", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        RunningSystem.announce(aws, api.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RunningSystem.withdraw();
            api.close();
            aws.close();
            stopped.countDown();
        }, "sladesk-up-stop"));
        out.println("SLA Desk is up. HTTP API: " + api.baseUrl());
        api.routes().forEach(r -> out.println("  " + r.routeKey() + "  -> " + r.functionLogicalId()));
        out.println("DynamoDB emulator: " + aws.dynamoEndpoint() + "   SNS/SQS/S3 emulator: " + aws.messagingEndpoint());
        out.println("Data: " + Sladesk.dataDir() + "   Ctrl-C stops.");
        out.flush();
        stopped.await();
        return 0;
    }
}
