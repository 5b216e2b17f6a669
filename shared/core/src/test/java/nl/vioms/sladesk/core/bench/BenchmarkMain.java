package nl.vioms.sladesk.core.bench;

/*
 * Runs DeadlineBenchmark (2 x 1 s warm-up, 3 x 1 s measurement, 1 fork) and prints both figures
 * and their ratio. From the repository root:
 *
 *   mvn -q -f shared/core/pom.xml test-compile org.codehaus.mojo:exec-maven-plugin:3.6.2:exec \
 *       -Dexec.executable=java -Dexec.classpathScope=test \
 *       "-Dexec.args=-cp %classpath nl.vioms.sladesk.core.bench.BenchmarkMain"
 *
 * (exec:exec starts a plain JVM with the test classpath, so JMH's forked JVM gets it too.
 * exec:java also works: -Dexec.mainClass=nl.vioms.sladesk.core.bench.BenchmarkMain
 * -Dexec.classpathScope=test; then the class path is handed to the fork explicitly, see below.)
 */

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.core.calendar.WorkingDays;
import nl.vioms.sladesk.core.clock.BusinessTime;
import nl.vioms.sladesk.core.policy.WindowKind;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** One-command launcher of {@link DeadlineBenchmark}; see the comment at the top of the file. */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        sanityCheck();
        exposeClassPathToFork();
        Options options = new OptionsBuilder()
                .include(DeadlineBenchmark.class.getName() + "\\.")
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .forks(1)
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            score.put(
                    name.substring(name.lastIndexOf('.') + 1),
                    r.getPrimaryResult().getScore());
        }
        double ours = score.get("businessTime");
        double naive = score.get("naiveMinuteStepping");
        System.out.printf("%nDeadlines of 8 office hours over Christmas week 2026, one thread:%n");
        System.out.printf("  BusinessTime.add        %,16.0f ops/s%n", ours);
        System.out.printf("  naive minute stepping   %,16.0f ops/s%n", naive);
        System.out.printf("  ratio                   %,16.1f x%n", ours / naive);
    }

    /**
     * Under exec:java the benchmark classes live in an isolated class loader, while JMH starts its
     * fork with {@code java.class.path}; give the fork the loader's class path instead.
     */
    private static void exposeClassPathToFork() throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader urls) || ClassLoader.getSystemClassLoader() == loader) {
            return;
        }
        List<String> entries = new ArrayList<>();
        for (URL url : urls.getURLs()) {
            if ("file".equals(url.getProtocol())) {
                entries.add(Path.of(url.toURI()).toString());
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }

    /** Both implementations must agree before their speed is worth comparing. */
    private static void sanityCheck() {
        WorkingDays calendar = WorkingDays.dutchDefault();
        BusinessTime office = BusinessTime.of(calendar.window(WindowKind.OFFICE_HOURS));
        for (Instant whole : DeadlineBenchmark.starts()) {
            Instant ours = office.add(whole, DeadlineBenchmark.TARGET);
            Instant naive = DeadlineBenchmark.naiveAdd(calendar, whole, DeadlineBenchmark.TARGET);
            if (!ours.equals(naive)) {
                throw new IllegalStateException(
                        "implementations disagree from " + whole + ": " + ours + " vs " + naive);
            }
        }
    }
}
