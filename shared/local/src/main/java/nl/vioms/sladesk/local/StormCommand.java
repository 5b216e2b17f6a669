package nl.vioms.sladesk.local;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk storm}: issue 19's benchmark, a platform outage and the storm of reports that follows. */
@Command(
        header = "Benchmarks a platform outage and a storm of reports (issue 19).",
        name = "storm",
        mixinStandardHelpOptions = true,
        description = "On a fresh local system (.sladesk/storm, started afresh each time) the probe confirms a "
                + "platform outage (R20), then customers report it by e-mail (SES), phone (phone intake) and "
                + "reseller API, spread over the minutes given on a simulated clock; 1 report in 20 is about "
                + "something else. Then the escalation and mail streams drain and the tickets table is read. "
                + "Prints one JSON object (progress on stderr; the functions' log in .sladesk/storm/runtime.log).")
final class StormCommand implements Callable<Integer> {
    /** Per channel; a bigger storm is a load test for another machine. */
    static final int MAX_REPORTS = 100_000;

    static final int MAX_MINUTES = 120;

    @Spec
    CommandSpec spec;

    @Option(names = "--mails", defaultValue = "2000", description = "E-mails (default: ${DEFAULT-VALUE}).")
    int mails;

    @Option(names = "--calls", defaultValue = "500", description = "Phone calls (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--api", defaultValue = "300", description = "Reseller API requests (default: ${DEFAULT-VALUE}).")
    int api;

    @Option(
            names = "--minutes",
            defaultValue = "10",
            description = "Simulated minutes the reports are spread over (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(
            names = "--no-linking",
            description = "The baseline: the functions run with " + Storm.LINKING_SETTING + "=off (no major-incident "
                    + "linking).")
    boolean noLinking;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Where the storm's emulators keep their data (default: .sladesk/storm); emptied first.")
    Path data;

    @Override
    public Integer call() throws Exception {
        CliArgs args = new CliArgs(spec.commandLine());
        count(args, "--mails", mails);
        count(args, "--calls", calls);
        count(args, "--api", api);
        if (mails + calls + api == 0) {
            throw args.bad("--mails", "0", "and --calls 0 and --api 0 make no storm: give at least one report");
        }
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw args.bad("--minutes", String.valueOf(minutes), "must be 1 to " + MAX_MINUTES);
        }
        long started = System.nanoTime();
        Path dir = data != null ? data : ProjectRoot.find().resolve(".sladesk").resolve("storm");
        DemoCommand.wipe(dir);
        Files.createDirectories(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var err = spec.commandLine().getErr();
        err.println("Starting the emulators for the storm (data in " + dir.resolve("data") + ")...");
        err.flush();
        PrintStream console = System.out;
        Map<String, Object> result;
        try (PrintStream log = new PrintStream(
                        new FileOutputStream(dir.resolve("runtime.log").toFile()), true, StandardCharsets.UTF_8);
                LocalAws aws = LocalAws.start(Template.ofProject(), dir.resolve("data"), "http://127.0.0.1:" + port)) {
            // the handlers' own log lines go to the log file; stdout is the one JSON object
            System.setOut(log);
            try {
                var options = new Storm.Options(mails, calls, api, minutes, !noLinking);
                Map<String, Object> figures = new Storm(options, aws, dir.resolve("data"), port, log, err).run();
                result = new LinkedHashMap<>(figures);
                result.put("startupAndStormMs", Math.round((System.nanoTime() - started) / 1e6));
            } finally {
                System.setOut(console);
                Log.useClock(null);
            }
        }
        spec.commandLine().getOut().println(DatabindJson.write(result));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void count(CliArgs args, String option, int value) {
        if (value < 0 || value > MAX_REPORTS) {
            throw args.bad(option, String.valueOf(value), "must be 0 to " + MAX_REPORTS);
        }
    }
}
