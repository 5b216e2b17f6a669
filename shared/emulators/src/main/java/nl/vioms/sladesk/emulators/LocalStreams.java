package nl.vioms.sladesk.emulators;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads a table's DynamoDB stream on the emulator and hands its records over as the Lambda
 * {@link DynamodbEvent} a stream event source mapping would deliver. Each reader remembers where
 * it stopped, per shard, so consecutive reads return only new records.
 */
public final class LocalStreams implements AutoCloseable {
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final ShardIteratorType startingPosition;
    private final Map<String, String> after;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private List<Shard> shards;
    private long describedAt;

    private LocalStreams(
            DynamoDbStreamsClient streams,
            String streamArn,
            ShardIteratorType startingPosition,
            Map<String, String> after) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.startingPosition = startingPosition;
        this.after = Map.copyOf(after);
    }

    /** A reader of the table's stream from its start (TRIM_HORIZON, as the template's mapping). */
    public static LocalStreams of(URI dynamoEndpoint, Region region, String streamArn) {
        return of(dynamoEndpoint, region, streamArn, ShardIteratorType.TRIM_HORIZON, Map.of());
    }

    /**
     * A reader that goes on after the given records (shard id to the sequence number of the last
     * record already handled, as an event source mapping checkpoints), and reads shards it has no
     * position for from {@code startingPosition} (TRIM_HORIZON or LATEST).
     */
    public static LocalStreams of(
            URI dynamoEndpoint,
            Region region,
            String streamArn,
            ShardIteratorType startingPosition,
            Map<String, String> after) {
        var client = DynamoDbStreamsClient.builder()
                .region(region)
                .credentialsProvider(AwsClients.emulatorCredentials())
                .httpClient(AwsClients.httpClient())
                .endpointOverride(dynamoEndpoint)
                .build();
        return new LocalStreams(client, streamArn, startingPosition, after);
    }

    /** The records written since the last read, as one Lambda event (empty records when none). */
    public DynamodbEvent read() {
        List<Map<String, Object>> records = new ArrayList<>();
        readPerShard().values().forEach(records::addAll);
        return LambdaEvents.fromJson(Json.write(Map.of("Records", records)), DynamodbEvent.class);
    }

    /** The records written since the last read, per shard in stream order, as Lambda event records. */
    public Map<String, DynamodbEvent> readShards() {
        Map<String, DynamodbEvent> events = new LinkedHashMap<>();
        readPerShard()
                .forEach((shard, records) -> events.put(
                        shard, LambdaEvents.fromJson(Json.write(Map.of("Records", records)), DynamodbEvent.class)));
        return events;
    }

    private Map<String, List<Map<String, Object>>> readPerShard() {
        Map<String, List<Map<String, Object>>> perShard = new LinkedHashMap<>();
        for (var shard : shards()) {
            if (closed.contains(shard.shardId())) {
                continue;
            }
            List<Map<String, Object>> records = new ArrayList<>();
            String iterator = iterators.computeIfAbsent(shard.shardId(), this::firstIterator);
            while (iterator != null) {
                var page = streams.getRecords(b -> b.shardIterator(iterators.get(shard.shardId())));
                page.records().forEach(r -> records.add(lambdaRecord(r)));
                String next = page.nextShardIterator();
                if (next == null) {
                    // a closed shard, read to its end: nothing more will come from it
                    iterators.remove(shard.shardId());
                    closed.add(shard.shardId());
                    break;
                }
                iterators.put(shard.shardId(), next);
                if (page.records().isEmpty()) {
                    break;
                }
                iterator = next;
            }
            if (!records.isEmpty()) {
                perShard.put(shard.shardId(), records);
            }
        }
        return perShard;
    }

    /** The stream's shards, described again at most once a second (new shards are rare). */
    private List<Shard> shards() {
        long now = System.nanoTime();
        if (shards == null || now - describedAt > 1_000_000_000L) {
            shards = streams.describeStream(b -> b.streamArn(streamArn))
                    .streamDescription()
                    .shards();
            describedAt = now;
        }
        return shards;
    }

    private String firstIterator(String shardId) {
        String sequenceNumber = after.get(shardId);
        if (sequenceNumber != null) {
            try {
                return streams.getShardIterator(b -> b.streamArn(streamArn)
                                .shardId(shardId)
                                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                .sequenceNumber(sequenceNumber))
                        .shardIterator();
            } catch (DynamoDbException gone) {
                // the checkpoint is older than the stream keeps: from the oldest record there is
            }
        }
        ShardIteratorType type = sequenceNumber == null ? startingPosition : ShardIteratorType.TRIM_HORIZON;
        return streams.getShardIterator(
                        b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    private Map<String, Object> lambdaRecord(Record r) {
        var d = r.dynamodb();
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        if (d.approximateCreationDateTime() != null) {
            dynamodb.put(
                    "ApproximateCreationDateTime",
                    d.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.put("Keys", wire(d.keys()));
        if (d.hasNewImage()) {
            dynamodb.put("NewImage", wire(d.newImage()));
        }
        if (d.hasOldImage()) {
            dynamodb.put("OldImage", wire(d.oldImage()));
        }
        dynamodb.put("SequenceNumber", d.sequenceNumber());
        if (d.sizeBytes() != null) {
            dynamodb.put("SizeBytes", d.sizeBytes());
        }
        if (d.streamViewTypeAsString() != null) {
            dynamodb.put("StreamViewType", d.streamViewTypeAsString());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventID", r.eventID());
        record.put("eventName", r.eventNameAsString());
        record.put("eventVersion", r.eventVersion());
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", r.awsRegion());
        record.put("dynamodb", dynamodb);
        record.put("eventSourceARN", streamArn);
        return record;
    }

    /** Attribute values in the wire format the Lambda event uses ({"S": "..."}). */
    private static Map<String, Object> wire(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, wire(value)));
        return out;
    }

    private static Map<String, Object> wire(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case BOOL -> Map.of("BOOL", v.bool());
            case NUL -> Map.of("NULL", true);
            case M -> Map.of("M", wire(v.m()));
            case L -> Map.of("L", v.l().stream().map(LocalStreams::wire).toList());
            case SS -> Map.of("SS", v.ss());
            case NS -> Map.of("NS", v.ns());
            case B -> Map.of("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            default -> throw new IllegalArgumentException("unsupported attribute " + v);
        };
    }

    @Override
    public void close() {
        streams.close();
    }
}
