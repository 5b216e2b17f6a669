package nl.vioms.sladesk.local;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.Template;

/**
 * What starts each function, read from template.yaml's {@code Events} (never a second, hand-kept
 * copy): EventBridge Scheduler schedules, SNS subscriptions and DynamoDB stream mappings, plus each
 * function's asynchronous-invocation settings (retries, dead-letter queue, on-failure destination)
 * and timeout. Values default as AWS documents them when the template leaves them out.
 */
final class TemplateTriggers {
    /** Lambda's defaults for asynchronous invocations and the SAM default timeout. */
    static final int DEFAULT_ASYNC_RETRIES = 2;

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final Template template;

    TemplateTriggers(Template template) {
        this.template = template;
    }

    /** A ScheduleV2 event: EventBridge Scheduler invoking the function asynchronously. */
    record Schedule(String functionId, String eventName, String expression, ZoneId zone, boolean enabled) {
        String trigger() {
            return "schedule:" + eventName;
        }

        ScheduleExpression parsed() {
            return ScheduleExpression.parse(expression, zone);
        }
    }

    /** An SNS event: the topic (logical id) the function subscribes to, with its filter policy. */
    record SnsSubscription(String functionId, String eventName, String topicId, String filterPolicy) {
        String trigger() {
            return "sns:" + eventName;
        }
    }

    /** A DynamoDB event: a stream event source mapping, with AWS's defaults filled in. */
    record StreamMapping(
            String functionId,
            String eventName,
            String tableId,
            String startingPosition,
            int batchSize,
            int maximumRetryAttempts,
            boolean bisectOnError,
            boolean reportBatchItemFailures,
            List<String> filterPatterns,
            String onFailureQueueId) {
        String trigger() {
            return "dynamodb:" + eventName;
        }
    }

    /**
     * How Lambda treats a failed asynchronous invocation of one function: retried this many times
     * (after 1 and 2 more minutes), then the event goes to the dead-letter queue and an invocation
     * record to the on-failure destination (logical ids of SQS queues, or null).
     */
    record AsyncConfig(int maximumRetryAttempts, String deadLetterQueueId, String onFailureQueueId, Duration timeout) {}

    List<Schedule> schedules() {
        List<Schedule> schedules = new ArrayList<>();
        events("ScheduleV2").forEach(e -> {
            Object zone = e.props().get("ScheduleExpressionTimezone");
            schedules.add(new Schedule(
                    e.functionId(),
                    e.name(),
                    (String) e.props().get("ScheduleExpression"),
                    zone == null ? ZoneOffset.UTC : ZoneId.of((String) zone),
                    !"DISABLED".equals(e.props().get("State"))));
        });
        return schedules;
    }

    List<SnsSubscription> snsSubscriptions() {
        List<SnsSubscription> subscriptions = new ArrayList<>();
        events("SNS").forEach(e -> {
            Object policy = e.props().get("FilterPolicy");
            subscriptions.add(new SnsSubscription(
                    e.functionId(),
                    e.name(),
                    refId(e.props().get("Topic")),
                    policy == null ? null : DatabindJson.write(policy)));
        });
        return subscriptions;
    }

    List<StreamMapping> streamMappings() {
        List<StreamMapping> mappings = new ArrayList<>();
        events("DynamoDB").forEach(e -> {
            Map<String, Object> p = e.props();
            List<String> patterns = new ArrayList<>();
            for (Object filter :
                    Template.list(Template.map(p.get("FilterCriteria")).get("Filters"))) {
                Object pattern = Template.map(filter).get("Pattern");
                patterns.add(pattern instanceof String s ? s : DatabindJson.write(pattern));
            }
            Map<String, Object> onFailure =
                    Template.map(Template.map(p.get("DestinationConfig")).get("OnFailure"));
            mappings.add(new StreamMapping(
                    e.functionId(),
                    e.name(),
                    refId(p.get("Stream")),
                    String.valueOf(p.getOrDefault("StartingPosition", "LATEST")),
                    intOf(p.get("BatchSize"), 100),
                    intOf(p.get("MaximumRetryAttempts"), -1), // AWS: -1, retry until the record expires
                    Boolean.TRUE.equals(p.get("BisectBatchOnFunctionError")),
                    Template.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                    patterns,
                    onFailure.isEmpty() ? null : refId(onFailure.get("Destination"))));
        });
        return mappings;
    }

    AsyncConfig asyncConfig(String functionId) {
        Map<String, Object> props =
                Template.map(Template.map(template.resources().get(functionId)).get("Properties"));
        Map<String, Object> invokeConfig = Template.map(props.get("EventInvokeConfig"));
        Map<String, Object> onFailure =
                Template.map(Template.map(invokeConfig.get("DestinationConfig")).get("OnFailure"));
        Map<String, Object> dlq = Template.map(props.get("DeadLetterQueue"));
        Object timeout = props.getOrDefault("Timeout", globalFunctionProperty("Timeout"));
        return new AsyncConfig(
                intOf(invokeConfig.get("MaximumRetryAttempts"), DEFAULT_ASYNC_RETRIES),
                dlq.isEmpty() ? null : refId(dlq.get("TargetArn")),
                onFailure.isEmpty() ? null : refId(onFailure.get("Destination")),
                timeout == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(intOf(timeout, 3)));
    }

    private Object globalFunctionProperty(String name) {
        return Template.map(Template.map(template.root().get("Globals")).get("Function"))
                .get(name);
    }

    private record Event(String functionId, String name, Map<String, Object> props) {}

    private List<Event> events(String type) {
        List<Event> found = new ArrayList<>();
        for (Template.Function function : template.functions()) {
            function.events().forEach((name, value) -> {
                Map<String, Object> event = Template.map(value);
                if (type.equals(event.get("Type"))) {
                    found.add(new Event(function.logicalId(), name, Template.map(event.get("Properties"))));
                }
            });
        }
        return found;
    }

    /** The logical id a {@code !Ref X}, {@code !GetAtt X.Attr} or plain name points at. */
    static String refId(Object value) {
        if (value instanceof String name) {
            return name;
        }
        Map<String, Object> intrinsic = Template.map(value);
        if (intrinsic.containsKey("Ref")) {
            return (String) intrinsic.get("Ref");
        }
        if (intrinsic.containsKey("Fn::GetAtt")) {
            Object target = intrinsic.get("Fn::GetAtt");
            return target instanceof String dotted
                    ? dotted.substring(0, dotted.indexOf('.'))
                    : (String) Template.list(target).get(0);
        }
        throw new IllegalArgumentException("template.yaml: cannot tell which resource " + value + " names");
    }

    private static int intOf(Object value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
    }
}
