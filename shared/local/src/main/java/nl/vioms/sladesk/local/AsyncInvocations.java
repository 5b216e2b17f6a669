package nl.vioms.sladesk.local;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.InvocationLog.Outcome;

/**
 * Lambda's asynchronous invocation (what Scheduler and SNS do): queued for the function; a failure
 * is retried after 1 minute and then 2 more (the template's EventInvokeConfig may say fewer); then
 * the event goes to the dead-letter queue and an invocation record to the on-failure destination.
 *
 * <p>In real time each function has its own queue (one invocation at a time, as with a reserved
 * concurrency of one); in simulated time an invocation runs at once, on the caller's thread.
 */
final class AsyncInvocations {
    /** One synchronous, logged invocation of a handler. */
    interface Invoker {
        LocalRuntime.Result invoke(String functionId, String trigger, String payload, String detail);
    }

    private final LocalAws aws;
    private final Clock clock;
    private final InvocationLog log;
    private final Invoker invoker;
    private final Function<String, TemplateTriggers.AsyncConfig> configs;
    private final Timeline timeline;
    private final Map<String, ExecutorService> functionQueues = new LinkedHashMap<>();
    private volatile boolean realTime;
    private volatile boolean stopping;

    AsyncInvocations(
            LocalAws aws,
            Clock clock,
            InvocationLog log,
            Invoker invoker,
            Function<String, TemplateTriggers.AsyncConfig> configs,
            Timeline timeline) {
        this.aws = aws;
        this.clock = clock;
        this.log = log;
        this.invoker = invoker;
        this.configs = configs;
        this.timeline = timeline;
    }

    /** From now on invocations queue per function, on their own threads. */
    void startRealTime() {
        realTime = true;
    }

    /** Queues the invocation ({@code detail} is logged with its first attempt). */
    void invoke(String functionId, String trigger, String payload, String detail) {
        dispatch(functionId, () -> attempt(functionId, trigger, payload, 0, detail));
    }

    /** Sends a message to a queue of the template. */
    void send(String queueId, String body) {
        String url = aws.resources().require(queueId);
        aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    private void attempt(String functionId, String trigger, String payload, int retry, String detail) {
        String attemptDetail = retry == 0 ? detail : "retry " + retry;
        LocalRuntime.Result result = invoker.invoke(functionId, trigger, payload, attemptDetail);
        if (result.ok()) {
            return;
        }
        TemplateTriggers.AsyncConfig config = configs.apply(functionId);
        if (retry < config.maximumRetryAttempts()) {
            Instant when = clock.instant().plus(Duration.ofMinutes(retry + 1L));
            timeline.at(
                    when,
                    trigger,
                    () -> dispatch(functionId, () -> attempt(functionId, trigger, payload, retry + 1, null)));
            return;
        }
        List<String> sentTo = new ArrayList<>();
        if (config.deadLetterQueueId() != null) {
            send(config.deadLetterQueueId(), payload);
            sentTo.add(config.deadLetterQueueId());
        }
        if (config.onFailureQueueId() != null) {
            Map<String, Object> record = invocationRecord(functionId, payload, result.error(), retry + 1);
            send(config.onFailureQueueId(), DatabindJson.write(record));
            sentTo.add(config.onFailureQueueId());
        }
        log.log(
                clock.instant(),
                functionId,
                trigger,
                Outcome.DEAD_LETTER,
                null,
                "gave up after " + (retry + 1)
                        + " attempt(s)"
                        + (sentTo.isEmpty()
                                ? "; the event is dropped (no dead-letter queue)"
                                : "; event sent to " + String.join(", ", sentTo)));
    }

    /** What Lambda sends an on-failure destination for an asynchronous invocation. */
    private Map<String, Object> invocationRecord(String functionId, String payload, Throwable error, int attempts) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("version", "1.0");
        record.put("timestamp", clock.instant().toString());
        record.put(
                "requestContext",
                Map.of(
                        "requestId",
                        UUID.randomUUID().toString(),
                        "functionArn",
                        "arn:aws:lambda:" + LocalAws.REGION.id() + ":000000000000:function:" + functionId + ":$LATEST",
                        "condition",
                        "RetriesExhausted",
                        "approximateInvokeCount",
                        attempts));
        Object request;
        try {
            request = DatabindJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            request = payload;
        }
        record.put("requestPayload", request);
        record.put(
                "responseContext",
                Map.of("statusCode", 200, "executedVersion", "$LATEST", "functionError", "Unhandled"));
        record.put(
                "responsePayload",
                Map.of(
                        "errorMessage",
                        String.valueOf(error.getMessage()),
                        "errorType",
                        error.getClass().getName()));
        return record;
    }

    private void dispatch(String functionId, Runnable invocation) {
        if (!realTime) {
            invocation.run();
            return;
        }
        ExecutorService queue;
        synchronized (functionQueues) {
            queue = functionQueues.computeIfAbsent(
                    functionId,
                    id -> Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "sladesk-" + id);
                        t.setDaemon(true);
                        return t;
                    }));
        }
        if (!stopping) {
            queue.execute(invocation);
        }
    }

    /** Takes no new invocations (queued ones still run, until {@link #close()}). */
    void stopAccepting() {
        stopping = true;
    }

    /** Stops the queues; invocations running finish first (up to 10 s). */
    void close() {
        stopping = true;
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
    }
}
