package nl.vioms.sladesk.local;

import nl.vioms.sladesk.emulators.DatabindJson;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.vioms.sladesk.local.InvocationLog.Outcome;
import nl.vioms.sladesk.emulators.LocalAws;

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
 * <p>A function that fails is logged and treated as Lambda would treat it (asynchronous: retried
 * after 1 and 2 more minutes, then its dead-letter queue or on-failure destination; stream:
 * retried from the failed record); the runtime itself goes on.
 */
final class LocalRuntime implements AutoCloseable {
    /** Which schedules run: the template's enabled ones, all (State: DISABLED too), or none. */
    enum ScheduleMode { ENABLED, ALL, NONE }

    /** Something that polls a queue or a stream; true when it found work. */
    interface Poller {
        boolean poll(boolean wait);

        /** The trigger, e.g. sns:InboundMail. */
        String name();

        String functionId();
    }

    /** Something due on the timeline: a schedule's run (with its schedule) or a retry. */
    private record Timed(Instant at, long order, String what, Runnable action, ScheduledRun run) {
    }

    private record ScheduledRun(TemplateTriggers.Schedule schedule, ScheduleExpression expression) {
    }

    private final LocalAws aws;
    private final Clock clock;
    private final LocalHandlers handlers;
    private final TemplateTriggers triggers;
    private final InvocationLog log;
    private final List<Poller> pollers = new ArrayList<>();
    private final List<TemplateTriggers.Schedule> schedules = new ArrayList<>();
    private final PriorityQueue<Timed> timeline = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
            ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    private final AtomicLong order = new AtomicLong();
    private final Map<String, ExecutorService> functionQueues = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, TemplateTriggers.AsyncConfig> configs = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean realTime;
    private volatile boolean stopping;

    /**
     * @param stateDir where stream mappings keep their checkpoints across restarts (null: in memory)
     */
    LocalRuntime(LocalAws aws, Clock clock, ScheduleMode scheduleMode, InvocationLog log, Path stateDir) {
        this.aws = aws;
        this.clock = clock;
        this.handlers = new LocalHandlers(aws, clock);
        this.triggers = new TemplateTriggers(aws.template());
        this.log = log;
        Instant start = clock.instant();
        for (TemplateTriggers.Schedule schedule : triggers.schedules()) {
            if (scheduleMode == ScheduleMode.NONE || (!schedule.enabled() && scheduleMode == ScheduleMode.ENABLED)) continue;
            ScheduleExpression expression = schedule.parsed();
            schedules.add(schedule);
            Instant first = expression.first(start);
            if (first != null) atRun(first, new ScheduledRun(schedule, expression));
        }
        for (TemplateTriggers.SnsSubscription subscription : triggers.snsSubscriptions()) {
            pollers.add(new SnsTrigger(aws, subscription, this));
        }
        for (TemplateTriggers.StreamMapping mapping : triggers.streamMappings()) {
            if (!aws.supportsStreams()) {
                log.log(clock.instant(), mapping.functionId(), mapping.trigger(), Outcome.ERROR, null,
                        "this DynamoDB emulator has no streams: " + mapping.functionId() + " is not started by " + mapping.tableId());
                continue;
            }
            pollers.add(new StreamTrigger(aws, mapping, this, stateDir));
        }
    }

    LocalHandlers handlers() {
        return handlers;
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
    synchronized Instant nextDue() {
        Timed next = timeline.peek();
        return next == null ? null : next.at();
    }

    /**
     * When the next thing is due that a time-lapse must not pass over: a retry, or a run of a
     * schedule that is not a rate (a cron runs at its time); null if none.
     */
    synchronized Instant nextDueExceptRates() {
        return timeline.stream()
                .filter(t -> t.run() == null || !(t.run().expression() instanceof ScheduleExpression.Rate))
                .map(Timed::at).min(Instant::compareTo).orElse(null);
    }

    // ------------------------------------------------------------------ driving

    /** Real time: threads for the timeline and each poller, until {@link #close()}. */
    void start() {
        realTime = true;
        threads.add(daemon("sladesk-schedules", () -> {
            while (!stopping) {
                fireDue();
                Instant next = nextDue();
                long sleep = next == null ? 1000 : Math.min(1000, Math.max(10, Duration.between(clock.instant(), next).toMillis()));
                if (!pause(sleep)) return;
            }
        }));
        for (Poller poller : pollers) {
            threads.add(daemon("sladesk-" + poller.name(), () -> {
                while (!stopping) {
                    try {
                        if (!poller.poll(true) && !pause(200)) return;
                    } catch (RuntimeException e) {
                        log.log(clock.instant(), "runtime", poller.name(), Outcome.ERROR, null, "polling failed: " + e);
                        if (!pause(1000)) return;
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

    private int drain(boolean coalesce) {
        int work = fireDue(coalesce);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Poller poller : pollers) {
                if (poller.poll(false)) {
                    moved = true;
                    work++;
                }
            }
            work += fireDue(false);
        }
        return work;
    }

    private int fireDue() {
        return fireDue(false);
    }

    private int fireDue(boolean coalesce) {
        int fired = 0;
        while (true) {
            Timed due;
            synchronized (this) {
                Timed next = timeline.peek();
                if (next == null || next.at().isAfter(clock.instant())) return fired;
                due = timeline.poll();
            }
            try {
                if (due.run() != null) {
                    fire(due.run(), due.at(), coalesce);
                } else {
                    due.action().run();
                }
            } catch (RuntimeException e) {
                log.log(clock.instant(), "runtime", due.what(), Outcome.ERROR, null, String.valueOf(e));
            }
            fired++;
        }
    }

    private synchronized void at(Instant when, String what, Runnable action) {
        timeline.add(new Timed(when, order.incrementAndGet(), what, action, null));
    }

    private synchronized void atRun(Instant when, ScheduledRun run) {
        timeline.add(new Timed(when, order.incrementAndGet(), run.schedule().trigger(), null, run));
    }

    // ------------------------------------------------------------------ schedules

    /** EventBridge Scheduler's run: the event, handed to the function asynchronously; then the next run. */
    private void fire(ScheduledRun run, Instant scheduled, boolean coalesce) {
        Instant now = clock.instant();
        Instant next = run.expression().next(scheduled);
        int skipped = 0;
        while (coalesce && next != null && !next.isAfter(now)) {
            scheduled = next;
            next = run.expression().next(next);
            skipped++;
        }
        if (next != null) atRun(next, run);
        String detail = skipped > 0 ? "time-lapse: " + (skipped + 1) + " runs as one" : null;
        String payload = scheduledEvent(run.schedule(), scheduled);
        dispatch(run.schedule().functionId(), () -> attempt(run.schedule().functionId(), run.schedule().trigger(), payload, 0, detail));
    }

    /** What Scheduler sends a Lambda target when the schedule names no input (see events/sla-check). */
    static String scheduledEvent(TemplateTriggers.Schedule schedule, Instant scheduled) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", "000000000000");
        event.put("time", scheduled.toString());
        event.put("region", LocalAws.REGION.id());
        event.put("resources", List.of("arn:aws:scheduler:" + LocalAws.REGION.id() + ":000000000000:schedule/default/"
                + schedule.functionId() + schedule.eventName()));
        event.put("detail", Map.of());
        return DatabindJson.write(event);
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
        TemplateTriggers.AsyncConfig config = configs.computeIfAbsent(functionId, triggers::asyncConfig);
        long started = System.nanoTime();
        try {
            Object value = handlers.invoke(functionId, payload, new LocalContext(functionId, config.timeout(), 512));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(config.timeout()) > 0) {
                var late = new IllegalStateException("ran " + took.toMillis() + " ms, over its Timeout of "
                        + config.timeout().toSeconds() + " s: Lambda would have stopped it");
                log.log(at, functionId, trigger, Outcome.ERROR, took, late.getMessage());
                return new Result(null, late);
            }
            log.log(at, functionId, trigger, Outcome.OK, took, join(detail, summary(value)));
            return new Result(value, null);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.log(at, functionId, trigger, Outcome.ERROR, took, join(detail, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return new Result(null, e);
        }
    }

    /**
     * Lambda's asynchronous invocation (what Scheduler and SNS do): queued for the function; a
     * failure is retried after 1 minute and then 2 more (the template's EventInvokeConfig may
     * say fewer); then the event goes to the dead-letter queue and an invocation record to the
     * on-failure destination.
     */
    void invokeAsync(String functionId, String trigger, String payload) {
        dispatch(functionId, () -> attempt(functionId, trigger, payload, 0, null));
    }

    private void attempt(String functionId, String trigger, String payload, int retry, String detail) {
        Result result = invoke(functionId, trigger, payload, retry == 0 ? detail : "retry " + retry);
        if (result.ok()) return;
        TemplateTriggers.AsyncConfig config = configs.computeIfAbsent(functionId, triggers::asyncConfig);
        if (retry < config.maximumRetryAttempts()) {
            Instant when = clock.instant().plus(Duration.ofMinutes(retry + 1L));
            at(when, trigger, () -> dispatch(functionId, () -> attempt(functionId, trigger, payload, retry + 1, null)));
            return;
        }
        List<String> sentTo = new ArrayList<>();
        if (config.deadLetterQueueId() != null) {
            send(config.deadLetterQueueId(), payload);
            sentTo.add(config.deadLetterQueueId());
        }
        if (config.onFailureQueueId() != null) {
            send(config.onFailureQueueId(), DatabindJson.write(invocationRecord(functionId, payload, result.error(), retry + 1)));
            sentTo.add(config.onFailureQueueId());
        }
        log.log(clock.instant(), functionId, trigger, Outcome.DEAD_LETTER, null, "gave up after " + (retry + 1)
                + " attempt(s)" + (sentTo.isEmpty() ? "; the event is dropped (no dead-letter queue)" : "; event sent to " + String.join(", ", sentTo)));
    }

    /** What Lambda sends an on-failure destination for an asynchronous invocation. */
    private Map<String, Object> invocationRecord(String functionId, String payload, Throwable error, int attempts) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("version", "1.0");
        record.put("timestamp", clock.instant().toString());
        record.put("requestContext", Map.of("requestId", UUID.randomUUID().toString(),
                "functionArn", "arn:aws:lambda:" + LocalAws.REGION.id() + ":000000000000:function:" + functionId + ":$LATEST",
                "condition", "RetriesExhausted", "approximateInvokeCount", attempts));
        Object request;
        try {
            request = DatabindJson.MAPPER.readTree(payload);
        } catch (java.io.IOException e) {
            request = payload;
        }
        record.put("requestPayload", request);
        record.put("responseContext", Map.of("statusCode", 200, "executedVersion", "$LATEST", "functionError", "Unhandled"));
        record.put("responsePayload", Map.of("errorMessage", String.valueOf(error.getMessage()),
                "errorType", error.getClass().getName()));
        return record;
    }

    void send(String queueId, String body) {
        String url = aws.resources().require(queueId);
        aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    private void dispatch(String functionId, Runnable invocation) {
        if (!realTime) {
            invocation.run();
            return;
        }
        ExecutorService queue;
        synchronized (functionQueues) {
            queue = functionQueues.computeIfAbsent(functionId, id -> Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sladesk-" + id);
                t.setDaemon(true);
                return t;
            }));
        }
        if (!stopping) queue.execute(invocation);
    }

    private static String summary(Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) return null;
        String text = value instanceof String s ? s : DatabindJson.write(value);
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return a + "; " + b;
    }

    // ------------------------------------------------------------------ lifecycle

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

    /** Stops the threads; invocations running finish first (up to 10 s). */
    @Override
    public void close() {
        stopping = true;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (functionQueues) {
            functionQueues.values().forEach(ExecutorService::shutdown);
            for (ExecutorService queue : functionQueues.values()) {
                try {
                    queue.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        pollers.forEach(p -> {
            if (p instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
        });
    }
}
