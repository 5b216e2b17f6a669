package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The runtime's wiring, on a small template whose functions fail on purpose
 * (runtime/flaky-template.yaml), against the real emulators and a simulated clock: Lambda's
 * stream mapping (filter, batch item failures, retries, on-failure destination, checkpoint across
 * a restart) and asynchronous invocation (retry after a minute, then the on-failure destination),
 * and which schedules run.
 */
@ExtendWith(AwsEmulators.class)
class LocalRuntimeTest {
    private LocalAws aws;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8), InvocationLog.Format.JSON);

    @BeforeEach
    void setUp(LocalAws emulators) {
        Assumptions.assumeTrue(emulators.supportsStreams(), "this DynamoDB emulator has no streams");
        aws = emulators.with(
                Template.read(
                        ProjectRoot.find().resolve("shared/local/src/test/resources/runtime/flaky-template.yaml")),
                "http://127.0.0.1:3000");
        FlakyHandlers.Stream.BATCHES.clear();
        FlakyHandlers.Scheduled.ATTEMPTS.clear();
        drainQueue();
    }

    @AfterEach
    void tearDown() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void aStreamMappingFiltersRetriesFromTheReportedRecordAndParksWhatKeepsFailing(@TempDir Path state) {
        // records: g1 b2 g3 g4 g5, then g1 modified (filtered out: the pattern takes INSERT only)
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:30Z"));
        catchUp(state);
        String run = Long.toString(System.nanoTime(), 36);
        for (String key : List.of("g1", "bad2", "g3", "g4", "g5")) {
            put(key + "-" + run, "v1");
        }
        put("g1-" + run, "v2");

        try (var runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, log, state)) {
            runtime.drain();
        }

        // BatchSize 2: [g1 bad2] reports bad2, so g1 is done and the retry starts at bad2;
        // [bad2 g3] fails at bad2 twice more (MaximumRetryAttempts 2), then that batch goes to the
        // on-failure destination and the mapping moves on to [g4 g5]
        assertEquals(
                List.of(
                        List.of("INSERT:g1-" + run, "INSERT:bad2-" + run),
                        List.of("INSERT:bad2-" + run, "INSERT:g3-" + run),
                        List.of("INSERT:bad2-" + run, "INSERT:g3-" + run),
                        List.of("INSERT:g4-" + run, "INSERT:g5-" + run)),
                FlakyHandlers.Stream.BATCHES);
        List<JsonNode> parked = drainQueue();
        assertEquals(1, parked.size());
        JsonNode info = parked.get(0).get("DDBStreamBatchInfo");
        assertEquals(2, info.get("batchSize").asInt());
        assertEquals(
                "RetryAttemptsExhausted",
                parked.get(0).get("requestContext").get("condition").asText());
        assertTrue(logged().contains("\"outcome\":\"dead-letter\""), logged());

        // a restart goes on after the checkpoint: only what is new
        FlakyHandlers.Stream.BATCHES.clear();
        put("g6-" + run, "v1");
        try (var restarted = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, log, state)) {
            restarted.drain();
        }
        assertEquals(List.of(List.of("INSERT:g6-" + run)), FlakyHandlers.Stream.BATCHES);
    }

    @Test
    void aFailedScheduledRunIsRetriedAfterAMinuteThenSentToTheOnFailureDestination(@TempDir Path state) {
        // created 10:59:30 Amsterdam (09:59:30 UTC); the hourly cron runs at 11:00 (10:00 UTC)
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:59:30Z"));
        catchUp(state);
        try (var runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.ENABLED, log, state)) {
            assertEquals(
                    List.of("Hourly"),
                    runtime.schedules().stream()
                            .map(TemplateTriggers.Schedule::eventName)
                            .toList(),
                    "Nightly is State: DISABLED");
            assertEquals(Instant.parse("2026-11-26T10:00:00Z"), runtime.nextDue());

            runtime.drain();
            assertEquals(List.of(), FlakyHandlers.Scheduled.ATTEMPTS, "not yet due");
            clock.set(Instant.parse("2026-11-26T10:00:00Z"));
            runtime.drain();
            // EventInvokeConfig MaximumRetryAttempts 1: one retry, a minute later
            assertEquals(Instant.parse("2026-11-26T10:01:00Z"), runtime.nextDue());
            clock.set(Instant.parse("2026-11-26T10:01:00Z"));
            runtime.drain();

            assertEquals(
                    List.of(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:01:00Z")),
                    FlakyHandlers.Scheduled.ATTEMPTS);
            assertEquals(
                    Instant.parse("2026-11-26T11:00:00Z"), runtime.nextDue(), "the next hour; the runtime goes on");
        }
        List<JsonNode> parked = drainQueue();
        assertEquals(1, parked.size());
        JsonNode record = parked.get(0);
        assertEquals(
                "RetriesExhausted",
                record.get("requestContext").get("condition").asText());
        assertEquals(
                2, record.get("requestContext").get("approximateInvokeCount").asInt());
        assertEquals(
                "2026-11-26T10:00:00Z", record.get("requestPayload").get("time").asText(), "the scheduled time");
        assertEquals(
                "java.lang.IllegalStateException",
                record.get("responsePayload").get("errorType").asText());
        assertEquals(2, logged().split("\"outcome\":\"error\"", -1).length - 1, logged());
    }

    @Test
    void withAllSchedulesADisabledOneRunsToo(@TempDir Path state) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:59:30Z"));
        try (var runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.ALL, log, state)) {
            assertEquals(
                    List.of("Hourly", "Nightly"),
                    runtime.schedules().stream()
                            .map(TemplateTriggers.Schedule::eventName)
                            .toList());
        }
        try (var none = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, log, state)) {
            assertEquals(List.of(), none.schedules());
            assertEquals(null, none.nextDue());
        }
    }

    @Test
    void eachInvocationIsOneLineWithTimeFunctionTriggerOutcomeAndDuration(@TempDir Path state) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        catchUp(state);
        try (var runtime = new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.ENABLED, log, state)) {
            runtime.drain();
        }
        JsonNode line = DatabindJson.MAPPER.readTree(logged().lines()
                .filter(l -> l.contains("FlakyScheduledFunction"))
                .findFirst()
                .orElseThrow());
        // 10:00 UTC is 11:00 in Amsterdam (CET)
        assertEquals("2026-11-26T11:00:00+01:00", line.get("time").asText());
        assertEquals("schedule:Hourly", line.get("trigger").asText());
        assertEquals("error", line.get("outcome").asText());
        assertTrue(line.get("durationMs").asLong() >= 0);
        assertTrue(
                line.get("detail")
                        .asText()
                        .startsWith("IllegalStateException: flaky on purpose at 2026-11-26T10:00:00Z"),
                line.toString());

        var text = new ByteArrayOutputStream();
        new InvocationLog(new PrintStream(text, true, StandardCharsets.UTF_8), InvocationLog.Format.TEXT)
                .log(
                        Instant.parse("2026-11-26T10:00:00Z"),
                        "SlaCheckFunction",
                        "schedule:EveryMinute",
                        InvocationLog.Outcome.OK,
                        Duration.ofMillis(12),
                        "3 tickets");
        assertEquals(
                "time=2026-11-26T11:00:00+01:00 level=INFO function=SlaCheckFunction trigger=schedule:EveryMinute"
                        + " outcome=ok duration=12ms detail=\"3 tickets\"",
                text.toString(StandardCharsets.UTF_8).strip());
    }

    /** Passes over the stream records earlier tests left on the table (they share the emulator). */
    private void catchUp(Path state) {
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.JSON);
        try (var earlier = new LocalRuntime(
                aws,
                new MutableClock(Instant.parse("2026-11-26T00:00:00Z")),
                LocalRuntime.ScheduleMode.NONE,
                quiet,
                state)) {
            earlier.drain();
        }
        FlakyHandlers.Stream.BATCHES.clear();
        drainQueue();
    }

    private void put(String key, String value) {
        aws.clients()
                .dynamo()
                .putItem(b -> b.tableName(aws.resources().tableName("FlakyTable"))
                        .item(Map.of("pk", AttributeValue.fromS(key), "value", AttributeValue.fromS(value))));
    }

    private List<JsonNode> drainQueue() {
        String url = aws.resources().require("FlakyFailures");
        List<Message> messages = aws.sqs()
                .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10))
                .messages();
        messages.forEach(m -> aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        return messages.stream()
                .map(m -> {
                    try {
                        return DatabindJson.MAPPER.readTree(m.body());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }
}
