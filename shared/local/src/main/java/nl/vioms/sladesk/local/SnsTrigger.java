package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.local.InvocationLog.Outcome;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SNS event of the template: the topic on the emulator delivers to a queue of this runtime
 * (subscribed like Lambda's own subscription, with the event's filter policy), and each message
 * becomes the {@code SNSEvent} Lambda would hand the function, invoked asynchronously. The queue
 * is kept in the emulator's data, so what is published while the runtime is down is delivered
 * when it comes back.
 */
final class SnsTrigger implements LocalRuntime.Poller {
    private final LocalAws aws;
    private final TemplateTriggers.SnsSubscription subscription;
    private final LocalRuntime runtime;
    private final String queueUrl;
    private final String subscriptionArn;

    SnsTrigger(LocalAws aws, TemplateTriggers.SnsSubscription subscription, LocalRuntime runtime) {
        this.aws = aws;
        this.subscription = subscription;
        this.runtime = runtime;
        String topicArn = aws.resources().require(subscription.topicId());
        this.queueUrl =
                aws.sqs().createQueue(b -> b.queueName(queueName(subscription))).queueUrl();
        String queueArn = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new HashMap<>();
        if (subscription.filterPolicy() != null) {
            attributes.put("FilterPolicy", subscription.filterPolicy());
        }
        // the full SNS envelope (not raw delivery): it is what Lambda's SNS event is made of
        this.subscriptionArn = aws.clients()
                .sns()
                .subscribe(b -> b.topicArn(topicArn)
                        .protocol("sqs")
                        .endpoint(queueArn)
                        .attributes(attributes.isEmpty() ? null : attributes)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
    }

    static String queueName(TemplateTriggers.SnsSubscription subscription) {
        return "sladesk-local-" + subscription.functionId() + "-" + subscription.eventName();
    }

    @Override
    public String functionId() {
        return subscription.functionId();
    }

    @Override
    public String name() {
        return subscription.trigger();
    }

    @Override
    public boolean poll(boolean wait) {
        List<Message> messages = aws.sqs()
                .receiveMessage(
                        b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(wait ? 1 : 0))
                .messages();
        for (Message message : messages) {
            String event;
            try {
                event = snsEvent(message.body());
            } catch (IllegalArgumentException e) {
                runtime.log().log(
                        runtime.clock().instant(),
                        subscription.functionId(),
                        subscription.trigger(),
                        Outcome.ERROR,
                        null,
                        "not an SNS notification, left on " + queueName(subscription) + ": " + e.getMessage());
                continue;
            }
            // SNS hands the message to Lambda's queue and is done: from here Lambda's retries apply
            runtime.invokeAsync(subscription.functionId(), subscription.trigger(), event);
            aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return !messages.isEmpty();
    }

    /** The SNS envelope as the one record of a Lambda SNS event (Lambda renames a few fields). */
    String snsEvent(String envelopeJson) {
        JsonNode envelope;
        try {
            envelope = DatabindJson.MAPPER.readTree(envelopeJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (envelope == null || !envelope.has("Message") || !envelope.has("MessageId")) {
            throw new IllegalArgumentException("no Message or MessageId");
        }
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", text(envelope, "Type", "Notification"));
        sns.put("MessageId", text(envelope, "MessageId", null));
        sns.put("TopicArn", text(envelope, "TopicArn", null));
        sns.put("Subject", text(envelope, "Subject", null));
        sns.put("Message", text(envelope, "Message", null));
        sns.put("Timestamp", text(envelope, "Timestamp", null));
        sns.put("SignatureVersion", text(envelope, "SignatureVersion", "1"));
        sns.put("Signature", text(envelope, "Signature", "EXAMPLE"));
        sns.put("SigningCertUrl", text(envelope, "SigningCertURL", ""));
        sns.put("UnsubscribeUrl", text(envelope, "UnsubscribeURL", ""));
        sns.put("MessageAttributes", envelope.has("MessageAttributes") ? envelope.get("MessageAttributes") : Map.of());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscriptionArn);
        record.put("Sns", sns);
        return DatabindJson.write(Map.of("Records", List.of(record)));
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }
}
