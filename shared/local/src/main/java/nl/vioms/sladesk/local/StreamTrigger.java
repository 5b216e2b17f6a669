package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.LocalStreams;
import nl.vioms.sladesk.local.InvocationLog.Outcome;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * A DynamoDB event of the template, run as Lambda's stream event source mapping runs it: records
 * in order per shard, those that match no filter pattern dropped, batches of at most BatchSize
 * invoked synchronously. When a batch fails it is retried (with ReportBatchItemFailures, from the
 * first record the function reported; with BisectBatchOnFunctionError, in halves) until
 * MaximumRetryAttempts, then a description of it goes to the on-failure destination and the
 * mapping moves on. The position (per shard, the last record handled) is kept in a file, so a
 * restart goes on where it stopped instead of from StartingPosition.
 */
final class StreamTrigger implements LocalRuntime.Poller, AutoCloseable {
    private final LocalAws aws;
    private final TemplateTriggers.StreamMapping mapping;
    private final LocalRuntime runtime;
    private final StreamFilter filter;
    private final Path checkpointFile;
    private final Map<String, String> checkpoints;
    private final LocalStreams stream;
    private final Map<String, Deque<DynamodbStreamRecord>> pending = new LinkedHashMap<>();
    private final Map<String, String> lastRead = new HashMap<>();
    private final Map<String, Integer> retries = new HashMap<>();
    private final Map<String, Integer> batchLimit = new HashMap<>();

    StreamTrigger(LocalAws aws, TemplateTriggers.StreamMapping mapping, LocalRuntime runtime, Path stateDir) {
        this.aws = aws;
        this.mapping = mapping;
        this.runtime = runtime;
        this.filter = new StreamFilter(mapping.filterPatterns());
        this.checkpointFile = stateDir == null
                ? null
                : stateDir.resolve("stream-mappings")
                        .resolve(mapping.functionId() + "-" + mapping.eventName() + ".json");
        this.checkpoints = new HashMap<>(readCheckpoints(checkpointFile));
        this.stream =
                aws.streamOf(mapping.tableId(), ShardIteratorType.fromValue(mapping.startingPosition()), checkpoints);
    }

    @Override
    public String functionId() {
        return mapping.functionId();
    }

    @Override
    public String name() {
        return mapping.trigger();
    }

    @Override
    public synchronized boolean poll(boolean wait) {
        boolean work = false;
        stream.readShards().forEach((shard, event) -> {
            Deque<DynamodbStreamRecord> queue = pending.computeIfAbsent(shard, s -> new ArrayDeque<>());
            for (DynamodbStreamRecord record : event.getRecords()) {
                lastRead.put(shard, record.getDynamodb().getSequenceNumber());
                if (filter.matches(record)) {
                    queue.add(record);
                }
            }
            // nothing left to hand over: the filtered-out records are handled too
            if (queue.isEmpty()) {
                checkpoint(shard, lastRead.get(shard));
            }
        });
        for (var entry : pending.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                work = true;
                processBatch(entry.getKey(), entry.getValue());
            }
        }
        return work;
    }

    /** One batch from the front of the shard's queue: success, partial success, or a failure to retry. */
    private void processBatch(String shard, Deque<DynamodbStreamRecord> queue) {
        int size = Math.min(queue.size(), batchLimit.getOrDefault(shard, mapping.batchSize()));
        List<DynamodbStreamRecord> batch = new ArrayList<>(queue).subList(0, size);
        int attempt = retries.getOrDefault(shard, 0);
        String detail = "batch of " + size + (attempt > 0 ? ", retry " + attempt : "");
        LocalRuntime.Result result =
                runtime.invoke(mapping.functionId(), mapping.trigger(), StreamRecords.json(batch), detail);
        int done = result.ok() ? succeeded(batch, result.value()) : 0;
        for (int i = 0; i < done; i++) {
            queue.removeFirst();
        }
        if (done > 0) {
            checkpoint(
                    shard,
                    queue.isEmpty()
                            ? lastRead.get(shard)
                            : batch.get(done - 1).getDynamodb().getSequenceNumber());
        }
        if (done == size) {
            retries.remove(shard);
            batchLimit.remove(shard);
            return;
        }
        List<DynamodbStreamRecord> failed = batch.subList(done, size);
        if (result.ok()) {
            runtime.log().log(
                    runtime.clock().instant(),
                    mapping.functionId(),
                    mapping.trigger(),
                    Outcome.PARTIAL,
                    null,
                    done + " of " + size + " handled; retrying from "
                            + failed.get(0).getDynamodb().getSequenceNumber());
        }
        if (mapping.bisectOnError() && !result.ok() && failed.size() > 1) {
            // splitting a failed batch does not count as a retry
            batchLimit.put(shard, (failed.size() + 1) / 2);
            return;
        }
        if (mapping.maximumRetryAttempts() >= 0 && attempt >= mapping.maximumRetryAttempts()) {
            giveUp(shard, failed, attempt + 1);
            for (int i = 0; i < failed.size(); i++) {
                queue.removeFirst();
            }
            checkpoint(
                    shard,
                    queue.isEmpty()
                            ? lastRead.get(shard)
                            : failed.get(failed.size() - 1).getDynamodb().getSequenceNumber());
            retries.remove(shard);
            batchLimit.remove(shard);
            return;
        }
        retries.put(shard, attempt + 1);
    }

    /**
     * How many records from the front of the batch are done. Without ReportBatchItemFailures a
     * returned batch is done whole; with it, everything before the first reported record is, and a
     * report naming no record of the batch fails it whole (as Lambda treats it).
     */
    private int succeeded(List<DynamodbStreamRecord> batch, Object response) {
        if (!mapping.reportBatchItemFailures() || response == null) {
            return batch.size();
        }
        StreamsEventResponse failures = response instanceof StreamsEventResponse r
                ? r
                : response instanceof String json
                        ? LambdaEvents.fromJson(json, StreamsEventResponse.class)
                        : DatabindJson.MAPPER.convertValue(response, StreamsEventResponse.class);
        if (failures.getBatchItemFailures() == null
                || failures.getBatchItemFailures().isEmpty()) {
            return batch.size();
        }
        int first = batch.size();
        for (var failure : failures.getBatchItemFailures()) {
            int index = indexOf(batch, failure.getItemIdentifier());
            if (index < 0) {
                return 0;
            }
            first = Math.min(first, index);
        }
        return first;
    }

    private static int indexOf(List<DynamodbStreamRecord> batch, String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (sequenceNumber.equals(batch.get(i).getDynamodb().getSequenceNumber())) {
                return i;
            }
        }
        return -1;
    }

    /** What Lambda sends the on-failure destination of a stream mapping: where the records are, not the records. */
    private void giveUp(String shard, List<DynamodbStreamRecord> failed, int attempts) {
        String sentTo = "dropped (no on-failure destination)";
        if (mapping.onFailureQueueId() != null) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("shardId", shard);
            info.put("startSequenceNumber", failed.get(0).getDynamodb().getSequenceNumber());
            info.put(
                    "endSequenceNumber",
                    failed.get(failed.size() - 1).getDynamodb().getSequenceNumber());
            info.put("batchSize", failed.size());
            info.put("streamArn", failed.get(0).getEventSourceARN());
            Map<String, Object> record = new LinkedHashMap<>();
            record.put(
                    "requestContext",
                    Map.of(
                            "requestId",
                            UUID.randomUUID().toString(),
                            "functionArn",
                            "arn:aws:lambda:" + LocalAws.REGION.id() + ":000000000000:function:" + mapping.functionId(),
                            "condition",
                            "RetryAttemptsExhausted",
                            "approximateInvokeCount",
                            attempts));
            record.put("version", "1.0");
            record.put("timestamp", runtime.clock().instant().toString());
            record.put("DDBStreamBatchInfo", info);
            runtime.send(mapping.onFailureQueueId(), Json.write(record));
            sentTo = "described on " + mapping.onFailureQueueId();
        }
        runtime.log().log(
                runtime.clock().instant(),
                mapping.functionId(),
                mapping.trigger(),
                Outcome.DEAD_LETTER,
                null,
                failed.size() + " record(s) failed " + attempts + " time(s): " + sentTo);
    }

    private void checkpoint(String shard, String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.equals(checkpoints.get(shard))) {
            return;
        }
        checkpoints.put(shard, sequenceNumber);
        if (checkpointFile == null) {
            return;
        }
        try {
            Files.createDirectories(checkpointFile.getParent());
            Path temporary = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
            Files.writeString(temporary, Json.write(checkpoints));
            Files.move(temporary, checkpointFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the stream position in " + checkpointFile, e);
        }
    }

    /** Shard id to the last sequence number handled. */
    Map<String, String> checkpoints() {
        return Map.copyOf(checkpoints);
    }

    private static Map<String, String> readCheckpoints(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return DatabindJson.MAPPER.readValue(Files.readString(file), new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            // an unreadable position: start from StartingPosition (the function is idempotent)
            return Map.of();
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
