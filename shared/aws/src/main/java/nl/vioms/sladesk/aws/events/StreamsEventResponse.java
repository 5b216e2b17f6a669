package nl.vioms.sladesk.aws.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stream handler's answer with {@code ReportBatchItemFailures}: the records Lambda is to retry
 * from ({@code batchItemFailures[].itemIdentifier}, a sequence number). Empty: the whole batch
 * succeeded; an empty identifier fails the whole batch.
 */
public record StreamsEventResponse(List<BatchItemFailure> batchItemFailures) {
    public StreamsEventResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    /** A record to retry from. */
    public record BatchItemFailure(String itemIdentifier) {}

    public static StreamsEventResponse success() {
        return new StreamsEventResponse(List.of());
    }

    public static StreamsEventResponse failedFrom(String itemIdentifier) {
        return new StreamsEventResponse(List.of(new BatchItemFailure(itemIdentifier)));
    }

    /** The JSON Lambda reads, written without reflection: a cold start loads no bean writer. */
    public Map<String, Object> toJson() {
        List<Map<String, String>> failures = new ArrayList<>();
        for (BatchItemFailure failure : batchItemFailures) {
            failures.add(Map.of("itemIdentifier", failure.itemIdentifier()));
        }
        return Map.of("batchItemFailures", failures);
    }
}
