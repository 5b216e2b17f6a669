package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The second-line helpdesk and operations, subscribed as the template subscribes them: the
 * helpdesk with the template's filter policy on the escalations topic (it acknowledges each P1
 * escalation a few minutes after it arrives, with its own token), operations on both topics.
 */
final class DemoAgents {
    private final LocalAws aws;
    private final Clock clock;
    private final DemoApi api;
    private final DemoScenes scenes;
    private final DemoTickets tickets;
    // escalation id to when the second line acknowledged it ("" until then)
    private final Map<String, String> acknowledged = new LinkedHashMap<>();
    private int notifications;
    private String secondLineQueue;
    private String operationsQueue;

    DemoAgents(LocalAws aws, Clock clock, DemoApi api, DemoScenes scenes, DemoTickets tickets) {
        this.aws = aws;
        this.clock = clock;
        this.api = api;
        this.scenes = scenes;
        this.tickets = tickets;
    }

    void subscribe() {
        Map<String, Object> secondLine =
                aws.template().resourcesOfType("AWS::SNS::Subscription").get("SecondLineSubscription");
        String filter = secondLine == null ? null : DatabindJson.write(secondLine.get("FilterPolicy"));
        secondLineQueue = subscribedQueue("demo-second-line", "EscalationsTopic", filter);
        operationsQueue = subscribedQueue("demo-operations", "EscalationsTopic", null);
        subscribedQueue("demo-operations", "OperationsTopic", null);
    }

    /** Reads what arrived: the helpdesk plans its acknowledgements, operations count their messages. */
    void act() {
        for (Message message : receive(secondLineQueue)) {
            JsonNode escalation = DemoApi.json(message.body());
            String number = escalation
                    .path("ticket")
                    .asText(escalation.path("ticketNumber").asText());
            String id = escalation.path("escalationId").asText();
            if (number.isEmpty() || acknowledged.containsKey(id)) {
                continue;
            }
            acknowledged.put(id, "");
            tickets.seen(number);
            Instant ackAt = clock.instant().plus(Duration.ofMinutes(6));
            scenes.add(ackAt, "second line acknowledges " + id, () -> acknowledge(number, id));
        }
        for (Message message : receive(operationsQueue)) {
            JsonNode body = DemoApi.json(message.body());
            notifications++;
            if (body.has("ticket")) {
                tickets.seen(body.get("ticket").asText());
            }
        }
    }

    /** Escalation id to the time of its acknowledgement ("" while it is not acknowledged yet). */
    Map<String, String> acknowledged() {
        return acknowledged;
    }

    /** How many messages operations received on their subscriptions. */
    int notifications() {
        return notifications;
    }

    private void acknowledge(String number, String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "second-line-ack");
        body.put("at", clock.instant().toString());
        body.put("note", "Tweede lijn: opgepakt (" + id + ")");
        body.put("id", "ack-" + id);
        api.post("/tickets/" + number + "/events", "demo-secondline-token", body);
        acknowledged.put(id, Amsterdam.iso(clock.instant()));
    }

    private String subscribedQueue(String name, String topicId, String filterPolicy) {
        String url = aws.sqs().createQueue(b -> b.queueName(name)).queueUrl();
        String arn = aws.sqs()
                .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("RawMessageDelivery", "true");
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy);
        }
        aws.clients()
                .sns()
                .subscribe(b -> b.topicArn(aws.resources().require(topicId))
                        .protocol("sqs")
                        .endpoint(arn)
                        .attributes(attributes));
        return url;
    }

    private List<Message> receive(String queueUrl) {
        List<Message> messages = aws.sqs()
                .receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                .messages();
        messages.forEach(m -> aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }
}
