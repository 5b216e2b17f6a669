package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;

/** Exposure (issue 15): buckets, log retention, throttles and reserved capacity in template.yaml. */
class ExposureTest {
    private static final Template TEMPLATE = Template.read(ProjectRoot.find().resolve("template.yaml"));

    @Test
    void everyBucketIsVersionedAndRefusesPlainHttp() {
        Map<String, Map<String, Object>> policies = TEMPLATE.resourcesOfType("AWS::S3::BucketPolicy");
        TEMPLATE.resourcesOfType("AWS::S3::Bucket").forEach((id, props) -> {
            assertEquals(Map.of("Status", "Enabled"), props.get("VersioningConfiguration"), id + " is versioned");
            boolean denied = policies.values().stream()
                    .filter(p -> Map.of("Ref", id).equals(p.get("Bucket")))
                    .flatMap(p ->
                            Template.list(Template.map(p.get("PolicyDocument")).get("Statement")).stream())
                    .map(Template::map)
                    .anyMatch(s -> "Deny".equals(s.get("Effect"))
                            && "*".equals(s.get("Principal"))
                            && "s3:*".equals(s.get("Action"))
                            && Json.write(s.get("Condition")).equals("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")
                            && Json.write(s.get("Resource")).contains(id + ".Arn}/*")
                            && Json.write(s.get("Resource")).contains("[\"" + id + "\",\"Arn\"]"));
            assertTrue(denied, id + " denies every request without TLS, on the bucket and its objects");
        });
    }

    @Test
    void everyFunctionLogsIntoAGroupWithTheRetentionParameter() {
        Map<String, Object> parameter =
                Template.map(Template.map(TEMPLATE.root().get("Parameters")).get("LogRetentionDays"));
        assertEquals(90, parameter.get("Default"), "90 days unless the deployment says otherwise");

        Set<String> logged = new TreeSet<>();
        TEMPLATE.resourcesOfType("AWS::Logs::LogGroup").forEach((id, props) -> {
            assertEquals(Map.of("Ref", "LogRetentionDays"), props.get("RetentionInDays"), id);
            String name = String.valueOf(Template.map(props.get("LogGroupName")).get("Fn::Sub"));
            assertTrue(name.matches("/aws/lambda/\\$\\{[A-Za-z]+}"), id + ": " + name);
            logged.add(name.substring("/aws/lambda/${".length(), name.length() - 1));
        });
        assertEquals(
                new TreeSet<>(
                        TEMPLATE.resourcesOfType("AWS::Serverless::Function").keySet()),
                logged);
    }

    @Test
    void everyFunctionHasReservedConcurrencyAndTheKeptPathsKeepTheirs() {
        Map<String, Map<String, Object>> functions = TEMPLATE.resourcesOfType("AWS::Serverless::Function");
        functions.forEach((id, props) -> assertTrue(
                props.get("ReservedConcurrentExecutions") instanceof Integer n && n >= 1,
                id + " has its own reserved concurrency (a floor for it, a ceiling for the others)"));
        // docs/security.md: phone intake (the API), escalation and sla-check keep capacity
        assertEquals(20, functions.get("IntakeApiFunction").get("ReservedConcurrentExecutions"));
        assertEquals(5, functions.get("EscalationFunction").get("ReservedConcurrentExecutions"));
        assertEquals(2, functions.get("SlaCheckFunction").get("ReservedConcurrentExecutions"));
        assertEquals(10, functions.get("IntakeEmailFunction").get("ReservedConcurrentExecutions"));
        // the mailer (issue 16): one per outbox shard, like escalation; its feedback a trickle
        assertEquals(5, functions.get("MailerFunction").get("ReservedConcurrentExecutions"));
        assertEquals(2, functions.get("MailFeedbackFunction").get("ReservedConcurrentExecutions"));
    }

    @Test
    void everyApiRouteHasItsOwnThrottleAndPhoneIntakeTheLargestWriteBudget() {
        Map<String, Object> api =
                TEMPLATE.resourcesOfType("AWS::Serverless::HttpApi").get("HttpApi");
        Map<String, Object> routeSettings = Template.map(api.get("RouteSettings"));
        Set<String> routes = new TreeSet<>();
        TEMPLATE.function("IntakeApiFunction").orElseThrow().events().values().forEach(e -> {
            Map<String, Object> p = Template.map(Template.map(e).get("Properties"));
            routes.add(p.get("Method") + " " + p.get("Path"));
        });

        assertEquals(routes, new TreeSet<>(routeSettings.keySet()), "a throttle for every route, none for another");
        for (String write : List.of("POST /tickets", "POST /tickets/{number}/events")) {
            assertTrue(
                    rate(routeSettings, "POST /intake/phone") > rate(routeSettings, write),
                    "phone intake gets more than " + write);
        }
        int sum = routeSettings.values().stream()
                .mapToInt(r -> (Integer) Template.map(r).get("ThrottlingRateLimit"))
                .sum();
        assertTrue(sum <= 50, "all routes together stay within what 20 reserved instances serve: " + sum);
    }

    private static int rate(Map<String, Object> settings, String route) {
        return (Integer) Template.map(settings.get(route)).get("ThrottlingRateLimit");
    }

    /**
     * An alarm on one of SLA Desk's own metrics watches a name some deployed code emits as an
     * embedded metric (a renamed constant would leave the alarm silent for ever), whether the
     * alarm names its metric or computes on metrics (MetricStat, as the breach-rate band does).
     */
    @Test
    void everyAlarmOnSlaDesksOwnMetricsWatchesAMetricTheCodeEmits() {
        assertEquals(List.of(), unemitted(TEMPLATE.root(), mainCode()));
        Set<String> watched = new TreeSet<>(watchedMetrics(TEMPLATE.root()).values());
        assertTrue(
                watched.containsAll(Set.of(
                        "TicketNumberSequence",
                        "TicketEventUnstorable",
                        "SlaSweepCompleted",
                        "ProbeRoundCompleted",
                        "MonthEndOverdue",
                        "SlaBreaches",
                        "EscalationDeliveryLatency",
                        "P1Unacknowledged")),
                watched.toString());
    }

    @Test
    void anAlarmOnAMetricNoCodeEmitsFailsTheCheck() {
        Map<String, Object> root = LeastPrivilegeTest.deepCopy(TEMPLATE.root());
        Map<String, Object> resources = Template.map(root.get("Resources"));
        resources.put(
                "SilentAlarm",
                Map.of(
                        "Type",
                        "AWS::CloudWatch::Alarm",
                        "Properties",
                        Map.of("Namespace", "SlaDesk", "MetricName", "SweepCompletedd")));
        resources.put(
                "SilentBandAlarm",
                Map.of(
                        "Type",
                        "AWS::CloudWatch::Alarm",
                        "Properties",
                        Map.of(
                                "Metrics",
                                List.of(Map.of(
                                        "Id",
                                        "m",
                                        "MetricStat",
                                        Map.of("Metric", Map.of("Namespace", "SlaDesk", "MetricName", "Nothing")))))));
        assertEquals(
                List.of(
                        "SilentAlarm watches SweepCompletedd, which no code emits",
                        "SilentBandAlarm watches Nothing, which no code emits"),
                unemitted(root, mainCode()));
    }

    /** Alarm id (with the metric's id for a computed alarm) to the SlaDesk metric it watches. */
    static Map<String, String> watchedMetrics(Map<String, Object> root) {
        Map<String, String> watched = new TreeMap<>();
        Template.map(root.get("Resources")).forEach((id, resource) -> {
            Map<String, Object> r = Template.map(resource);
            if (!"AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                return;
            }
            Map<String, Object> props = Template.map(r.get("Properties"));
            if ("SlaDesk".equals(props.get("Namespace"))) {
                watched.put(id, (String) props.get("MetricName"));
            }
            for (Object m : Template.list(props.getOrDefault("Metrics", List.of()))) {
                Map<String, Object> metric =
                        Template.map(Template.map(Template.map(m).getOrDefault("MetricStat", Map.of()))
                                .getOrDefault("Metric", Map.of()));
                if ("SlaDesk".equals(metric.get("Namespace"))) {
                    watched.put(id + "/" + Template.map(m).get("Id"), (String) metric.get("MetricName"));
                }
            }
        });
        return watched;
    }

    /** What is wrong: each alarm on a SlaDesk metric whose name no deployed code holds. */
    static List<String> unemitted(Map<String, Object> root, String code) {
        List<String> wrong = new ArrayList<>();
        watchedMetrics(root).forEach((id, metric) -> {
            if (!code.contains("\"" + metric + "\"")) {
                wrong.add(id.replaceAll("/.*", "") + " watches " + metric + ", which no code emits");
            }
        });
        return wrong;
    }

    private static String mainCode() {
        try (Stream<Path> files = Files.walk(ProjectRoot.find())) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/coldstart/"))
                    .map(ExposureTest::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
