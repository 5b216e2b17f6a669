package nl.vioms.sladesk.aws.events;

import java.util.function.Consumer;
import nl.vioms.sladesk.aws.events.DynamodbStreamEvent.StreamRecord;

/**
 * The outbox table's stream as its two consumers read it (the escalation function and the
 * mailer): each new message, and each pending one asked for again (a redrive, a MODIFY back to
 * PENDING), in order; delivery marks are the consumers' own and are skipped. The first message
 * that fails ends the batch as its item failure, so Lambda retries from it and nothing after it
 * is lost; what was delivered before it is recognised on the retry by its state.
 */
public final class OutboxStream {
    private OutboxStream() {}

    /** How a consumer reports a message that failed (the batch then ends with it). */
    @FunctionalInterface
    public interface Failure {
        void report(String id, String sequenceNumber, RuntimeException error);
    }

    /**
     * @param deliver delivers one message by its outbox id; throws when it must be retried
     * @param failed  logs (and counts) a failed delivery
     */
    public static StreamsEventResponse deliverEach(
            DynamodbStreamEvent event, Consumer<String> deliver, Failure failed) {
        for (StreamRecord record : event.records()) {
            String eventName = record.eventName();
            boolean pendingAgain = "MODIFY".equals(eventName)
                    && "PENDING".equals(record.dynamodb().newImage().get("deliveryState"));
            if (!"INSERT".equals(eventName) && !pendingAgain) {
                continue;
            }
            String sequenceNumber = record.dynamodb().sequenceNumber();
            String id = record.dynamodb().keys().get("id");
            try {
                deliver.accept(id);
            } catch (RuntimeException e) {
                failed.report(String.valueOf(id), String.valueOf(sequenceNumber), e);
                // no sequence number (not a stream record): an empty identifier fails the whole batch
                return StreamsEventResponse.failedFrom(sequenceNumber == null ? "" : sequenceNumber);
            }
        }
        return StreamsEventResponse.success();
    }
}
