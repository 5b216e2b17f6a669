package nl.vioms.sladesk.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.emulators.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk demo}: a month of SLA Desk on the demo seed, on a fast simulated clock. */
@Command(
        header = "Replays a month of the demo on a fast clock and summarises it.",
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Replays a month on the demo seed with a fast simulated clock: e-mails and phone calls "
                + "come in, the probes see a platform outage, a maintenance window passes, a P1 is "
                + "escalated and acknowledged by the second line, tickets are resolved, and month-end "
                + "produces the reports. Every function runs as in ./sladesk up, on its own data "
                + "(.sladesk/demo, started afresh each time). Ends with a summary and the report paths.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--month",
            defaultValue = "2026-11",
            paramLabel = "YYYY-MM",
            description = "The month to replay (default: ${DEFAULT-VALUE}).")
    String month;

    @Override
    public Integer call() throws Exception {
        CliArgs args = new CliArgs(spec.commandLine());
        YearMonth replayed = args.parse("--month", month, YearMonth::parse, "is not a month like 2026-11");
        Path dir = ProjectRoot.find().resolve(".sladesk").resolve("demo");
        wipe(dir);
        Files.createDirectories(dir);
        Path logFile = dir.resolve("runtime.log");
        var out = spec.commandLine().getOut();
        PrintStream console = System.out;
        try (PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8)) {
            // the handlers' own log lines go to the log file; the terminal shows the progress
            System.setOut(log);
            DemoSummary summary;
            try {
                summary = new DemoMonth(replayed, dir, log, out, System.console() != null).run();
            } finally {
                System.setOut(console);
                Log.useClock(null);
            }
            summary.print(out);
        }
        return 0;
    }

    /** Empties a command's data folder (the demo's, the storm's) so it starts afresh. */
    static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clear " + p, e);
                }
            });
        }
    }
}
