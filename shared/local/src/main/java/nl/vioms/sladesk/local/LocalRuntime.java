package nl.vioms.sladesk.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.InvocationLog.Outcome;

/**
 * Every function of template.yaml, started the way the template wires it: EventBridge Scheduler
 * schedules, the SNS subscription and the DynamoDB stream mapping (the HTTP API is
 * {@link LocalApiServer}'s). All handlers and schedules share one {@link Clock}: the system clock
 * for {@code ./sladesk up}, a simulated one that {@code ./sladesk demo} moves.
 *
 * <p>Two ways to drive it. {@link #start()} runs in real time: a thread fires schedules and
 * retries when due, each SNS subscription and stream mapping polls on its own thread, and
 * asynchronous invocations queue per function (one at a time, as with a reserved concurrency of
 * one). {@link #drain()} does the same work synchronously, in order, for everything due by the
 * clock's now: a caller that moves a simulated clock calls it after each step.
 *
 * <p>A function that fails is logged and treated as Lambda would treat it (asynchronous:
 * {@link AsyncInvocations}; stream: retried from the failed record); the runtime itself goes on.
 * What is due when is the {@link Timeline}'s; this class wires the template's triggers to it.
 */
final class LocalRuntime implements AutoCloseable {
    /** Which schedules run: the template's enabled ones, all (State: DISABLED too), or none. */
    enum ScheduleMode {
        ENABLED,
        ALL,
        NONE
    }

    /** Something that polls a queue or a stream; true when it found work. */
    interface Poller {
        boolean poll(boolean wait);

        /** The trigger, e.g. sns:InboundMail. */
        String name();

        String functionId();
    }

    private final Clock clock;
    private final LocalHandlers handlers;
    private final TemplateTriggers triggers;
    private final InvocationLog log;
    private final List<Poller> pollers = new ArrayList<>();
    private final List<TemplateTriggers.Schedule> schedules = new ArrayList<>();
    private final Timeline timeline;
    private final AsyncInvocations async;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, TemplateTriggers.AsyncConfig> configs = new ConcurrentHashMap<>();
    private final MetricLines metrics;
    private volatile boolean stopping;
    private ExecutorService pollerThreads;

    /**
     * @param stateDir where stream mappings keep their checkpoints across restarts (null: in memory)
     */
    LocalRuntime(LocalAws aws, Clock clock, ScheduleMode scheduleMode, InvocationLog log, Path stateDir) {
        this(aws, clock, scheduleMode, log, stateDir, null);
    }

    /**
     * @param stateDir    where stream mappings keep their checkpoints across restarts (null: in memory)
     * @param metricsFile where the functions' embedded-metric lines are written for ./sladesk stats (null: none)
     */
    LocalRuntime(
            LocalAws aws, Clock clock, ScheduleMode scheduleMode, InvocationLog log, Path stateDir, Path metricsFile) {
        this(aws, clock, scheduleMode, log, stateDir, metricsFile, Map.of());
    }

    /**
     * @param settings environment variables set for every function on top of the template's
     *                 ({@link LocalHandlers}); the storm benchmark's baseline switches linking off
     */
    LocalRuntime(
            LocalAws aws,
            Clock clock,
            ScheduleMode scheduleMode,
            InvocationLog log,
            Path stateDir,
            Path metricsFile,
            Map<String, String> settings) {
        this.clock = clock;
        this.handlers = new LocalHandlers(aws, clock, settings);
        this.triggers = new TemplateTriggers(aws.template());
        this.log = log;
        this.timeline = new Timeline(clock, log, this::invokeScheduled);
        this.async = new AsyncInvocations(aws, clock, log, this::invoke, this::config, timeline);
        Instant start = clock.instant();
        for (TemplateTriggers.Schedule schedule : triggers.schedules()) {
            if (scheduleMode == ScheduleMode.NONE || (!schedule.enabled() && scheduleMode == ScheduleMode.ENABLED)) {
                continue;
            }
            schedules.add(schedule);
            timeline.schedule(schedule, start);
        }
        for (TemplateTriggers.SnsSubscription subscription : triggers.snsSubscriptions()) {
            pollers.add(new SnsTrigger(aws, subscription, this));
        }
        for (TemplateTriggers.StreamMapping mapping : triggers.streamMappings()) {
            if (!aws.supportsStreams()) {
                log.log(
                        clock.instant(),
                        mapping.functionId(),
                        mapping.trigger(),
                        Outcome.ERROR,
                        null,
                        "this DynamoDB emulator has no streams: " + mapping.functionId() + " is not started by "
                                + mapping.tableId());
                continue;
            }
            pollers.add(new StreamTrigger(aws, mapping, this, stateDir));
        }
        // last: nothing after it can fail and leave stdout passing through a collector no one closes
        this.metrics = MetricLines.collect(metricsFile);
    }

    LocalHandlers handlers() {
        return handlers;
    }

    /** The embedded-metric data points the functions have written since the runtime started (issue 21). */
    List<MetricLines.Point> metrics() {
        return metrics.points();
    }

    Clock clock() {
        return clock;
    }

    InvocationLog log() {
        return log;
    }

    /** The schedules that run, as read from the template. */
    List<TemplateTriggers.Schedule> schedules() {
        return List.copyOf(schedules);
    }

    /** The SNS subscriptions and stream mappings that run: trigger to function. */
    Map<String, String> pollerFunctions() {
        Map<String, String> functions = new LinkedHashMap<>();
        pollers.forEach(p -> functions.put(p.name(), p.functionId()));
        return functions;
    }

    /** When the next schedule run or retry is due, or null. */
    Instant nextDue() {
        return timeline.nextDue();
    }

    /**
     * When the next thing is due that a time-lapse must not pass over: a retry, or a run of a
     * schedule that is not a rate (a cron runs at its time); null if none.
     */
    Instant nextDueExceptRates() {
        return timeline.nextDueExceptRates();
    }

    // ------------------------------------------------------------------ driving

    /** Real time: threads for the timeline and each poller, until {@link #close()}. */
    void start() {
        async.startRealTime();
        threads.add(daemon("sladesk-schedules", () -> timeline.runUntil(() -> stopping)));
        for (Poller poller : pollers) {
            threads.add(daemon("sladesk-" + poller.name(), () -> {
                while (!stopping) {
                    try {
                        if (!poller.poll(true) && !pause(200)) {
                            return;
                        }
                    } catch (RuntimeException e) {
                        // Ctrl-C reaches the emulators' process as well: a poll that fails while the
                        // runtime is being stopped is the stop, not an error (issue 20, item 11)
                        if (!pause(STOP_GRACE_MILLIS)) {
                            return;
                        }
                        log.log(clock.instant(), "runtime", poller.name(), Outcome.ERROR, null, "polling failed: " + e);
                        if (!pause(1000)) {
                            return;
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
    }

    /**
     * Simulated time: everything due by the clock's now, in order, then the queues and streams
     * until nothing moves (an e-mail opens a ticket, whose escalation reaches the stream, and so
     * on). Returns how many things ran.
     */
    int drain() {
        return drain(false);
    }

    /**
     * Time-lapse (the demo's fast-forward over quiet stretches): like {@link #drain()}, but a
     * schedule that fell due several times since the last drain runs once, for the latest of its
     * times. A probe then sees the stretch as unchecked (unknown time, R20); a sweep catches up.
     */
    int drainCoalescing() {
        return drain(true);
    }

    /**
     * As {@link #drain()}, with each SNS subscription and stream mapping polled on a thread of its
     * own, as Lambda runs different functions at once: in the storm benchmark intake-email, the
     * escalation and the mailer work through the storm side by side instead of taking turns. One
     * trigger still delivers in order, one batch at a time.
     */
    int drainConcurrently() {
        int work = timeline.fireDue(false);
        boolean moved = true;
        while (moved) {
            List<Future<Integer>> polls = new ArrayList<>();
            for (Poller poller : pollers) {
                polls.add(pollerThreads().submit(() -> pollUntilIdle(poller)));
            }
            int polled = 0;
            for (Future<Integer> poll : polls) {
                polled += finished(poll);
            }
            moved = polled > 0;
            work += polled + timeline.fireDue(false);
        }
        return work;
    }

    private static int pollUntilIdle(Poller poller) {
        int polled = 0;
        while (poller.poll(false)) {
            polled++;
        }
        return polled;
    }

    private static int finished(Future<Integer> poll) {
        try {
            return poll.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining", e);
        }
    }

    private synchronized ExecutorService pollerThreads() {
        if (pollerThreads == null) {
            pollerThreads = Executors.newFixedThreadPool(Math.max(1, pollers.size()), r -> daemon("sladesk-drain", r));
        }
        return pollerThreads;
    }

    private int drain(boolean coalesce) {
        int work = timeline.fireDue(coalesce);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Poller poller : pollers) {
                if (poller.poll(false)) {
                    moved = true;
                    work++;
                }
            }
            work += timeline.fireDue(false);
        }
        return work;
    }

    // ------------------------------------------------------------------ invocations

    /** The result of one invocation: what the handler returned, or how it failed. */
    record Result(Object value, Throwable error) {
        boolean ok() {
            return error == null;
        }
    }

    /** Runs the handler now, on this thread, and logs the invocation. */
    Result invoke(String functionId, String trigger, String payload, String detail) {
        Instant at = clock.instant();
        TemplateTriggers.AsyncConfig config = config(functionId);
        long started = System.nanoTime();
        try {
            Object value = handlers.invoke(functionId, payload, new LambdaContext(functionId, config.timeout(), 512));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(config.timeout()) > 0) {
                var late = new IllegalStateException("ran " + took.toMillis() + " ms, over its Timeout of "
                        + config.timeout().toSeconds() + " s: Lambda would have stopped it");
                log.log(at, functionId, trigger, Outcome.ERROR, took, late.getMessage());
                return new Result(null, late);
            }
            log.log(at, functionId, trigger, Outcome.OK, took, InvocationLog.detail(detail, value));
            return new Result(value, null);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.log(
                    at,
                    functionId,
                    trigger,
                    Outcome.ERROR,
                    took,
                    InvocationLog.join(detail, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return new Result(null, e);
        }
    }

    /** Lambda's asynchronous invocation (what Scheduler and SNS do), with retries and dead letters. */
    void invokeAsync(String functionId, String trigger, String payload) {
        async.invoke(functionId, trigger, payload, null);
    }

    private void invokeScheduled(TemplateTriggers.Schedule schedule, String payload, String detail) {
        async.invoke(schedule.functionId(), schedule.trigger(), payload, detail);
    }

    void send(String queueId, String body) {
        async.send(queueId, body);
    }

    private TemplateTriggers.AsyncConfig config(String functionId) {
        return configs.computeIfAbsent(functionId, triggers::asyncConfig);
    }

    // ------------------------------------------------------------------ lifecycle

    /** How long a failed poll waits to see whether the runtime is stopping before it reports an error. */
    static final long STOP_GRACE_MILLIS = 500;

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Marks the runtime as stopping, at once: the emulators may go first (Ctrl-C reaches their
     * process too), and the pollers then know that a failing poll is the stop.
     */
    void beginStop() {
        stopping = true;
    }

    /** Stops the threads; invocations running finish first (up to 10 s). */
    @Override
    public void close() {
        stopping = true;
        async.stopAccepting();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        async.close();
        pollers.forEach(p -> {
            if (p instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        });
        synchronized (this) {
            if (pollerThreads != null) {
                pollerThreads.shutdownNow();
            }
        }
        metrics.close();
    }
}
