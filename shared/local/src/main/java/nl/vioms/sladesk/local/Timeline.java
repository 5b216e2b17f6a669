package nl.vioms.sladesk.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.InvocationLog.Outcome;

/**
 * What is due when on the runtime's clock: the schedules' runs (EventBridge Scheduler) and the
 * retries of failed asynchronous invocations. The same timeline serves real time (a thread calls
 * {@link #fireDue} when something is due) and simulated time (the demo moves the clock, then
 * fires what fell due, in order).
 */
final class Timeline {
    /** Where a schedule's run goes: the function's asynchronous invocation. */
    interface ScheduleTarget {
        void invoke(TemplateTriggers.Schedule schedule, String payload, String detail);
    }

    /** Something due: a schedule's run (with its schedule) or a retry (an action). */
    private record Timed(Instant at, long order, String what, Runnable action, ScheduledRun run) {}

    private record ScheduledRun(TemplateTriggers.Schedule schedule, ScheduleExpression expression) {}

    private final Clock clock;
    private final InvocationLog log;
    private final ScheduleTarget target;
    // equal times in the order they were added
    private final PriorityQueue<Timed> due = new PriorityQueue<>(
            (a, b) -> a.at().equals(b.at()) ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    private final AtomicLong order = new AtomicLong();

    Timeline(Clock clock, InvocationLog log, ScheduleTarget target) {
        this.clock = clock;
        this.log = log;
        this.target = target;
    }

    /** Real time: fires what is due, then sleeps until the next thing (at most 1 s), until {@code stopped}. */
    void runUntil(BooleanSupplier stopped) {
        while (!stopped.getAsBoolean()) {
            fireDue(false);
            Instant next = nextDue();
            long sleep = next == null
                    ? 1000
                    : Math.min(
                            1000,
                            Math.max(10, Duration.between(clock.instant(), next).toMillis()));
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Puts the schedule's first run from {@code start} on the timeline (none if it never runs). */
    void schedule(TemplateTriggers.Schedule schedule, Instant start) {
        ScheduleExpression expression = schedule.parsed();
        Instant first = expression.first(start);
        if (first != null) {
            atRun(first, new ScheduledRun(schedule, expression));
        }
    }

    /** Runs {@code action} when the clock reaches {@code when}. */
    synchronized void at(Instant when, String what, Runnable action) {
        due.add(new Timed(when, order.incrementAndGet(), what, action, null));
    }

    /** When the next schedule run or retry is due, or null. */
    synchronized Instant nextDue() {
        Timed next = due.peek();
        return next == null ? null : next.at();
    }

    /** The next retry or non-rate run (a cron runs at its time), which a time-lapse must not pass over; or null. */
    synchronized Instant nextDueExceptRates() {
        return due.stream()
                .filter(t -> t.run() == null || !(t.run().expression() instanceof ScheduleExpression.Rate))
                .map(Timed::at)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * Fires everything due by the clock's now, in order; with {@code coalesce}, a schedule that fell
     * due several times runs once, for the latest of its times. Returns how many fired.
     */
    int fireDue(boolean coalesce) {
        int fired = 0;
        while (true) {
            Timed next;
            synchronized (this) {
                Timed first = due.peek();
                if (first == null || first.at().isAfter(clock.instant())) {
                    return fired;
                }
                next = due.poll();
            }
            try {
                if (next.run() != null) {
                    fire(next.run(), next.at(), coalesce);
                } else {
                    next.action().run();
                }
            } catch (RuntimeException e) {
                log.log(clock.instant(), "runtime", next.what(), Outcome.ERROR, null, String.valueOf(e));
            }
            fired++;
        }
    }

    private synchronized void atRun(Instant when, ScheduledRun run) {
        due.add(new Timed(when, order.incrementAndGet(), run.schedule().trigger(), null, run));
    }

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
        if (next != null) {
            atRun(next, run);
        }
        String detail = skipped > 0 ? "time-lapse: " + (skipped + 1) + " runs as one" : null;
        target.invoke(run.schedule(), scheduledEvent(run.schedule(), scheduled), detail);
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
        event.put(
                "resources",
                List.of("arn:aws:scheduler:" + LocalAws.REGION.id() + ":000000000000:schedule/default/"
                        + schedule.functionId() + schedule.eventName()));
        event.put("detail", Map.of());
        return DatabindJson.write(event);
    }
}
