package nl.vioms.sladesk.coldstart.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import nl.vioms.sladesk.coldstart.harness.ColdStartHarness.Run;
import nl.vioms.sladesk.coldstart.harness.ColdStartHarness.Target;

/** The harness's one table: per function its cold start, its ratio to the baseline, its footprint. */
final class Report {
    private Report() {}

    static String table(List<Target> targets, int runs, String loadAfter) {
        Target baseline = targets.get(0);
        double baseP50 = percentile(ok(baseline), Run::wallMs, 50);
        double baseP90 = percentile(ok(baseline), Run::wallMs, 90);
        double baseCpu = percentile(ok(baseline), Run::cpuMs, 50);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%n%d fresh JVMs per function (after one uncounted warm-up round); wall = process start -> "
                        + "handler returned;%n"
                        + "in-JVM = JVM start (RuntimeMXBean) -> handler constructed / returned; CPU = process "
                        + "CPU time (all threads) at return;%n"
                        + "RSS = VmHWM at exit. Load average after: %s%n%n",
                runs,
                loadAfter));
        out.append("| function | jar MB | ok | p50 ms | p90 ms | p50 x base | p90 x base | in-JVM p50 init/return "
                + "ms | CPU p50 ms | CPU x base | classes | peak RSS MB p50/max |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        for (Target t : targets) {
            List<Run> ok = ok(t);
            String size = String.format(Locale.ROOT, "%.1f", sizeMb(t));
            if (ok.isEmpty()) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | 0/%d | - | - | - | - | - | - | - | - | - |%n",
                        t.name,
                        size,
                        t.runs.size()));
            } else {
                double p50 = percentile(ok, Run::wallMs, 50);
                double p90 = percentile(ok, Run::wallMs, 90);
                double cpu = percentile(ok, Run::cpuMs, 50);
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d/%d | %.0f | %.0f | %.2f | %.2f | %.0f / %.0f | %.0f | %.2f | %.0f | "
                                + "%.0f / %.0f |%n",
                        t.name,
                        size,
                        ok.size(),
                        t.runs.size(),
                        p50,
                        p90,
                        p50 / baseP50,
                        p90 / baseP90,
                        percentile(ok, Run::initMs, 50),
                        percentile(ok, Run::jvmMs, 50),
                        cpu,
                        cpu / baseCpu,
                        percentile(ok, Run::classes, 50),
                        percentile(ok, r -> r.peakRssKb() / 1024.0, 50),
                        percentile(ok, r -> r.peakRssKb() / 1024.0, 100)));
            }
            t.runs.stream()
                    .filter(r -> !r.ok())
                    .findFirst()
                    .ifPresent(r -> notes.add(t.name + ": handler failed in " + (t.runs.size() - ok.size()) + " of "
                            + t.runs.size() + " runs: " + r.outcome().substring("failed ".length())));
            if (!ok.isEmpty()) {
                notes.add(t.name + ": " + ok.get(0).outcome());
            }
        }
        out.append('\n');
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }

    private static List<Run> ok(Target t) {
        return t.runs.stream().filter(Run::ok).toList();
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Run> runs, ToDoubleFunction<Run> value, int p) {
        double[] sorted = runs.stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double sizeMb(Target t) {
        try {
            return Files.size(t.jar) / (1024.0 * 1024.0);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
