package nl.vioms.sladesk.probe;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vioms.sladesk.app.LogContext;
import nl.vioms.sladesk.core.monitoring.CheckResult;
import nl.vioms.sladesk.core.monitoring.ProbeTarget;

/**
 * Runs one round: every target checked at once on a bounded pool of threads, each check bounded
 * by its own timeout, the round by the longest timeout (per wave of P targets) plus a grace
 * (docs/decisions/10-probe.md).
 * A dead target holds one thread for one timeout and delays no other: with P threads and D dead
 * targets the round lasts about ceil(D / P) timeouts, so P = 256 keeps a round of hundreds of dead
 * targets within one timeout.
 */
public final class Prober implements AutoCloseable {
    public static final int DEFAULT_THREADS = 256;
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final ThreadPoolExecutor pool;
    private final Checks checks;
    /** Targets whose last check failed: they start first, so their timeouts overlap the live checks. */
    private final Set<String> failedLastRound = ConcurrentHashMap.newKeySet();

    public Prober(int threads) {
        AtomicInteger count = new AtomicInteger();
        // small stacks: a check is a few frames deep, and hundreds of threads mostly wait on sockets
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(null, r, "probe-" + count.incrementAndGet(), 256 * 1024);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        HttpClient http = Checks.httpClient();
        this.checks = new Checks(http);
    }

    /** The results of one round at {@code at}, in the order of {@code targets}. */
    public List<CheckResult> round(List<ProbeTarget> targets, Instant at) {
        List<Future<CheckResult>> running = new ArrayList<>(Collections.nCopies(targets.size(), null));
        // likely-dead targets first: a timeout started in the last wave would lengthen the round by a whole timeout
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(
                i -> !failedLastRound.contains(targets.get(i).id())));
        for (int i : order) {
            ProbeTarget target = targets.get(i);
            // a check's log lines carry the invocation's context, taken along to the pool's thread
            running.set(i, pool.submit(LogContext.carrying(() -> checks.check(target, at))));
        }
        // more targets than threads start in waves; each wave may take the longest timeout
        Duration longest = targets.stream()
                .map(ProbeTarget::timeout)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        long waves = Math.max(1, (targets.size() + pool.getMaximumPoolSize() - 1) / pool.getMaximumPoolSize());
        long deadline =
                System.nanoTime() + longest.multipliedBy(waves).plus(GRACE).toNanos();
        List<CheckResult> results = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            ProbeTarget target = targets.get(i);
            Future<CheckResult> future = running.get(i);
            try {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                future.cancel(true);
                results.add(CheckResult.failed(target.id(), at, null, "no result within the round's deadline"));
            } catch (ExecutionException e) {
                results.add(CheckResult.failed(target.id(), at, null, "probe error: " + e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(CheckResult.failed(target.id(), at, null, "round interrupted"));
            }
        }
        for (CheckResult r : results) {
            if (r.passed()) {
                failedLastRound.remove(r.targetId());
            } else {
                failedLastRound.add(r.targetId());
            }
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
