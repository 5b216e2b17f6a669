package nl.vioms.sladesk.local;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.probe.ProbeHandler;
import nl.vioms.sladesk.probe.Prober;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sladesk probe}: one round of checks against the configured targets, as the schedule runs it. */
@Command(
        header = "Runs one probe round against the local probe targets.",
        name = "probe",
        mixinStandardHelpOptions = true,
        description = "Runs one probe round against the probe targets of the local system (seed them with "
                + "`./sladesk seed demo`): every target checked at once, the results recorded and "
                + "applied to the streaks (R20) like the scheduled ProbeFunction does. Prints one JSON "
                + "line per target, then a summary. With --stack, invokes the stack's ProbeFunction "
                + "once and prints its summary.")
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "256", description = "Checks at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new CliArgs(spec.commandLine()).bad("--threads", String.valueOf(threads), "must be at least 1");
        }
        var out = spec.commandLine().getOut();
        try (OperatorTarget target = Sladesk.target(spec)) {
            if (target.local().isEmpty()) {
                // a deployed stack: one round of its ProbeFunction, as the schedule invokes it; its summary
                out.println(target.invoke("ProbeFunction", "{}"));
                return 0;
            }
            return round(target, out);
        }
    }

    private int round(OperatorTarget target, PrintWriter out) {
        try (Prober prober = new Prober(threads)) {
            var handler = new ProbeHandler(
                    target.environmentOf("ProbeFunction"), target.clients(), Clock.systemUTC(), prober);
            var result = handler.round().run();
            if (result.outcomes().isEmpty()) {
                spec.commandLine().getErr().println("no probe targets: load some with ./sladesk seed demo");
            }
            for (var o : result.outcomes()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("target", o.target().id());
                line.put("service", o.target().serviceKey());
                line.put("address", o.target().address());
                line.put("status", o.check().status().name().toLowerCase(Locale.ROOT));
                line.put(
                        "rttMs",
                        o.check().rtt() == null ? null : o.check().rtt().toNanos() / 1_000_000.0);
                line.put("detail", o.check().detail());
                line.put("effects", o.effects());
                out.println(Json.write(line));
            }
            out.println(Json.write(result.summary().toJson()));
        }
        return 0;
    }
}
