package nl.vioms.sladesk.local;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.Template;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sladesk stats}: the embedded metrics the running ./sladesk up's functions have written
 * since it started, summed per metric and per dimension values, with the state the template's
 * alarms on them would have now (issue 21). One JSON object.
 */
@Command(
        header = "Prints the running system's metrics and alarm states (JSON).",
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Prints the metrics of the running ./sladesk up (embedded metric lines of its functions, summed"
                + " since it started) and the state of the template's alarms on them, as JSON.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The clock the alarms are evaluated at (tests set it). */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        boolean running = RunningSystem.running().isPresent();
        List<MetricLines.Point> points = MetricLines.read(RunningSystem.metricsFile());
        spec.commandLine().getOut().println(DatabindJson.write(stats(running, points, clock.instant())));
        return 0;
    }

    static Map<String, Object> stats(boolean running, List<MetricLines.Point> points, Instant now) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("running", running);
        stats.put("dataPoints", points.size());
        if (!points.isEmpty()) {
            stats.put("from", points.get(0).at().toString());
            stats.put("to", points.get(points.size() - 1).at().toString());
        }
        stats.put("metrics", MetricLines.summary(points));
        stats.put("alarms", AlarmEvaluator.states(Template.ofProject(), points, now));
        return stats;
    }
}
