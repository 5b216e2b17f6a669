package nl.vioms.sladesk.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import nl.vioms.sladesk.app.EmbeddedMetric;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes one outbox message to its SNS topic and records the delivery. The message is read
 * back from the table (not taken from the stream image), so a redelivered stream record of a
 * message already published is skipped: each message reaches SNS once per successful run, and
 * a subscriber that deduplicates on {@code escalationId} sees it once even after a crash
 * between publish and record.
 */
public final class OutboxPublisher {
    /** Embedded metrics (issue 21). */
    public static final String PUBLISHED = "EscalationsPublished";

    public static final String LATENCY = "EscalationDeliveryLatency";
    public static final String FAILED = "EscalationsFailed";

    private final OutboxRepository outbox;
    private final SnsClient sns;
    private final Map<OutboxMessage.Topic, String> topicArns;
    private final Clock clock;
    private final ToIntFunction<String> linkedReports;

    public OutboxPublisher(
            OutboxRepository outbox, SnsClient sns, Map<OutboxMessage.Topic, String> topicArns, Clock clock) {
        this(outbox, sns, topicArns, clock, null);
    }

    /**
     * @param linkedReports how many reports are linked to a major incident now (issue 19), or null:
     *                      a major incident's message carries the count as it is when it is published
     */
    public OutboxPublisher(
            OutboxRepository outbox,
            SnsClient sns,
            Map<OutboxMessage.Topic, String> topicArns,
            Clock clock,
            ToIntFunction<String> linkedReports) {
        this.outbox = outbox;
        this.sns = sns;
        this.topicArns = Map.copyOf(topicArns);
        this.clock = clock;
        this.linkedReports = linkedReports;
    }

    /** Body field of a major incident's escalation: the reports linked to it when it was published (issue 19). */
    public static final String LINKED_REPORTS = "linkedReports";

    /**
     * The body as published: a major incident's (attribute {@code majorIncident}) with the live number
     * of linked reports, read now (one COUNT query), since it is written before any report comes in.
     */
    private String body(OutboxMessage message) {
        String ticket = message.attributes().get("ticketNumber");
        if (linkedReports == null || !"true".equals(message.attributes().get("majorIncident")) || ticket == null) {
            return message.body();
        }
        Map<String, Object> body = new LinkedHashMap<>(Json.readObject(message.body()));
        body.put(LINKED_REPORTS, linkedReports.applyAsInt(ticket));
        return Json.write(body);
    }

    public enum Outcome {
        PUBLISHED,
        ALREADY_DELIVERED,
        UNKNOWN_MESSAGE,
        /** A mail (issue 16): the mailer function sends it; left as it is. */
        NOT_AN_SNS_MESSAGE
    }

    /** Throws when SNS or DynamoDB fails, so the stream record is retried. */
    public Outcome deliver(String messageId) {
        var found = outbox.find(messageId);
        if (found.isEmpty()) {
            Log.warn("outbox.unknown", Map.of("escalationId", messageId));
            return Outcome.UNKNOWN_MESSAGE;
        }
        OutboxMessage message = found.get();
        if (!topicArns.containsKey(message.topic())) {
            // the stream mapping's filter keeps mail away; should one come anyway, it is the mailer's
            Log.info(
                    "outbox.not-an-sns-message",
                    Map.of("escalationId", messageId, "topic", message.topic().name()));
            return Outcome.NOT_AN_SNS_MESSAGE;
        }
        if (message.state() != DeliveryState.PENDING) {
            Log.info(
                    "outbox.already-delivered",
                    Map.of("escalationId", messageId, "state", message.state().name()));
            return Outcome.ALREADY_DELIVERED;
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name, text(value)));
        attributes.put("escalationId", text(message.id()));
        String snsMessageId = sns.publish(b -> b.topicArn(topicArns.get(message.topic()))
                        .message(body(message))
                        .messageAttributes(attributes))
                .messageId();
        Instant accepted = clock.instant();
        outbox.markDelivered(message.id(), snsMessageId, accepted);
        Map<String, Object> log = new HashMap<>(message.attributes());
        log.put("escalationId", message.id());
        log.put("snsMessageId", snsMessageId);
        // issue 21: published messages and their delivery latency (outbox write -> SNS accept) by
        // topic, with the total for the latency alarm
        long latency =
                Math.max(0, Duration.between(message.createdAt(), accepted).toMillis());
        EmbeddedMetric.count(PUBLISHED)
                .and(LATENCY, latency, EmbeddedMetric.MILLISECONDS)
                .dimension("topic", message.topic().name())
                .rollup()
                .log("outbox.published", log);
        return Outcome.PUBLISHED;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
