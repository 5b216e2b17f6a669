package nl.vioms.sladesk.app.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message waiting to be published, written in the same DynamoDB transaction as the change it
 * announces and published by the escalation function from the table's stream.
 *
 * @param id          stable id (ticket number + kind, R17), so subscribers can deduplicate
 * @param topic       which SNS topic carries it
 * @param attributes  SNS message attributes subscribers filter on (priority, kind, contract)
 * @param body        the message body (JSON)
 * @param snsMessageId set once published
 */
public record OutboxMessage(
        String id,
        Topic topic,
        Map<String, String> attributes,
        String body,
        Instant createdAt,
        DeliveryState state,
        Instant deliveredAt,
        String snsMessageId) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        attributes = Map.copyOf(attributes);
    }

    public static OutboxMessage pending(
            String id, Topic topic, Map<String, String> attributes, String body, Instant createdAt) {
        return new OutboxMessage(id, topic, attributes, body, createdAt, DeliveryState.PENDING, null, null);
    }

    /**
     * Where a message goes: the SNS topics of template.yaml (published by the escalation function),
     * or {@code MAIL}, an {@code OutboundMail} sent with SES by the mailer function (issue 16).
     */
    public enum Topic {
        ESCALATIONS,
        OPERATIONS,
        MAIL
    }
}
