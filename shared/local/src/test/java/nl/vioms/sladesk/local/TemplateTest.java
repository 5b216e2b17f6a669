package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.IndexRef;
import nl.vioms.sladesk.aws.Indexes;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.emulators.Template;
import org.junit.jupiter.api.Test;

/** template.yaml is the single source of truth: these checks keep it honest. */
class TemplateTest {
    private static final Path ROOT = ProjectRoot.find();
    private static final Template TEMPLATE = Template.read(ROOT.resolve("template.yaml"));

    @Test
    void templateIsValidAgainstThePublishedSamSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sam.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode template = DatabindJson.MAPPER.valueToTree(TEMPLATE.root());

        Set<ValidationMessage> errors = schema.validate(template);

        assertEquals(Set.of(), errors, "template.yaml against sam.schema.json");
    }

    @Test
    void theSchemaCheckRejectsABrokenFunction() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sam.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Map<String, Object> broken = deepCopy(TEMPLATE.root());
        Template.map(Template.map(Template.map(broken.get("Resources")).get("EscalationFunction"))
                        .get("Properties"))
                .put("Timout", 30); // a typo SAM would reject

        assertTrue(
                !schema.validate(DatabindJson.MAPPER.valueToTree(broken)).isEmpty(),
                "the schema catches an unknown property");
    }

    @Test
    void thereAreTheTenFunctionsOfTheArchitecture() {
        assertEquals(
                List.of(
                        "IntakeEmailFunction",
                        "IntakeApiFunction",
                        "ConsoleFunction",
                        "PortalFunction",
                        "ProbeFunction",
                        "SlaCheckFunction",
                        "EscalationFunction",
                        "MailerFunction",
                        "MailFeedbackFunction",
                        "MonthEndFunction"),
                TEMPLATE.functions().stream().map(Template.Function::logicalId).toList());
    }

    @Test
    void everyHandlerResolvesToAHandlerClassInItsOwnModule() throws Exception {
        for (Template.Function function : TEMPLATE.functions()) {
            Path module = ROOT.resolve(function.moduleDir());
            Path source = module.resolve("src/main/java")
                    .resolve(function.handlerClass().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), function.logicalId() + ": " + source + " exists");
            Class<?> type = Class.forName(function.handlerClass());
            // a stream entry: the function reads its own event, the runtime's Jackson stays unloaded (decision 11)
            assertTrue(
                    RequestStreamHandler.class.isAssignableFrom(type),
                    function.logicalId() + " is a RequestStreamHandler");
            assertTrue(
                    Modifier.isPublic(type.getConstructor().getModifiers()),
                    function.logicalId() + " has Lambda's no-arg constructor");
            assertTrue(function.handler().endsWith("::handleRequest"), function.handler());
            String artifactId = Files.readString(module.resolve("pom.xml"))
                    .replaceAll("(?s).*?</parent>\\s*<artifactId>([^<]+)</artifactId>.*", "$1");
            assertEquals(
                    function.moduleDir()
                            .resolve("target")
                            .resolve(artifactId + "-lambda.jar")
                            .toString(),
                    function.codeUri(),
                    function.logicalId() + " deploys its own module's shaded jar");
        }
    }

    @Test
    void everyEnvironmentVariableTheCodeReadsIsSetForItsFunction() throws IOException {
        Pattern envVar = Pattern.compile("EnvVar\\.([A-Z_]+)");
        for (Template.Function function : TEMPLATE.functions()) {
            Set<String> read = new TreeSet<>();
            // the handler's package and below: the portal shares the console's jar (decision 28) but
            // not the console pages' variables; its login's (console.login) are set for it by hand
            String handlerPackage =
                    function.handlerClass().substring(0, function.handlerClass().lastIndexOf('.'));
            Path sources = ROOT.resolve(function.moduleDir()).resolve("src/main/java");
            for (Path file : javaSources(sources.resolve(handlerPackage.replace('.', '/')))) {
                Matcher m = envVar.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
            Set<String> missing = new TreeSet<>(read);
            missing.removeAll(function.environment().keySet());
            assertEquals(Set.of(), missing, function.logicalId() + " reads variables the template does not set");
        }
    }

    @Test
    void onlyEnvironmentReadsTheProcessEnvironmentInDeployedCode() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String dir : List.of("functions", "shared/core", "shared/aws")) {
            for (Path file : javaSources(ROOT.resolve(dir))) {
                if (file.toString().contains("/src/main/")
                        && !file.endsWith("Environment.java")
                        && Files.readString(file).contains("System.getenv")) {
                    offenders.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "read variables through Environment, so the template check sees them");
    }

    @Test
    void everyIndexTheCodeQueriesIsInTheTemplateWithItsKeys() {
        assertEquals(List.of(), missingIndexes(TEMPLATE.root()));
    }

    @Test
    void losingAnIndexTheCodeQueriesFailsTheCheck() {
        Map<String, Object> root = deepCopy(TEMPLATE.root());
        Map<String, Object> outbox =
                Template.map(Template.map(Template.map(root.get("Resources")).get("OutboxTable"))
                        .get("Properties"));
        outbox.put(
                "GlobalSecondaryIndexes",
                Template.list(outbox.get("GlobalSecondaryIndexes")).stream()
                        .filter(index -> !"by-state".equals(Template.map(index).get("IndexName")))
                        .toList());

        assertEquals(List.of("OutboxTable has no index by-state (deliveryState, createdAt)"), missingIndexes(root));
    }

    @Test
    void schedulesRunOnAmsterdamTime() {
        int schedules = 0;
        for (Template.Function function : TEMPLATE.functions()) {
            for (Object value : function.events().values()) {
                Map<String, Object> event = Template.map(value);
                if ("ScheduleV2".equals(event.get("Type"))) {
                    schedules++;
                    assertEquals(
                            "Europe/Amsterdam",
                            Template.map(event.get("Properties")).get("ScheduleExpressionTimezone"),
                            function.logicalId());
                    assertTrue(
                            Template.map(event.get("Properties")).containsKey("DeadLetterConfig"),
                            function.logicalId() + " has a DLQ");
                }
            }
        }
        assertEquals(3, schedules, "probe, sla-check and month-end");
    }

    @Test
    void tablesAreProtected() {
        TEMPLATE.resourcesOfType("AWS::DynamoDB::Table").forEach((id, props) -> {
            assertEquals(true, props.get("DeletionProtectionEnabled"), id);
            assertEquals(Map.of("PointInTimeRecoveryEnabled", true), props.get("PointInTimeRecoverySpecification"), id);
        });
    }

    @Test
    void topicsAreEncrypted() {
        TEMPLATE.resourcesOfType("AWS::SNS::Topic")
                .forEach((id, props) -> assertTrue(props.containsKey("KmsMasterKeyId"), id + " is encrypted"));
    }

    @Test
    void everyFunctionThatPublishesToAnEncryptedTopicMayUseItsKey() {
        TEMPLATE.resourcesOfType("AWS::Serverless::Function").forEach((id, props) -> {
            String policies = Json.write(props.getOrDefault("Policies", List.of()));
            if (policies.contains("SNSPublishMessagePolicy") || policies.contains("sns:Publish")) {
                assertTrue(
                        policies.contains("kms:GenerateDataKey*") && policies.contains("MessagingKey"),
                        id + " publishes to a KMS-encrypted topic, so it needs kms:GenerateDataKey* on MessagingKey");
            }
        });
    }

    /** Each index declared in {@link Indexes} that the template lacks, or has with other keys. */
    static List<String> missingIndexes(Map<String, Object> root) {
        List<String> problems = new ArrayList<>();
        for (IndexRef index : declaredIndexes()) {
            Map<String, Object> table = Template.map(
                    Template.map(Template.map(root.get("Resources")).get(index.tableLogicalId()))
                            .get("Properties"));
            Map<String, String> keys = null;
            for (Object gsi : Template.list(table.get("GlobalSecondaryIndexes"))) {
                Map<String, Object> g = Template.map(gsi);
                if (index.indexName().equals(g.get("IndexName"))) {
                    keys = new LinkedHashMap<>();
                    for (Object k : Template.list(g.get("KeySchema"))) {
                        keys.put((String) Template.map(k).get("KeyType"), (String)
                                Template.map(k).get("AttributeName"));
                    }
                }
            }
            String described = index.tableLogicalId() + " has no index " + index.indexName() + " ("
                    + index.partitionKey() + (index.sortKey() == null ? "" : ", " + index.sortKey()) + ")";
            if (keys == null
                    || !index.partitionKey().equals(keys.get("HASH"))
                    || !Objects.equals(index.sortKey(), keys.get("RANGE"))) {
                problems.add(described);
            }
        }
        return problems;
    }

    static List<IndexRef> declaredIndexes() {
        List<IndexRef> indexes = new ArrayList<>();
        for (Field field : Indexes.class.getFields()) {
            if (field.getType() == IndexRef.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    indexes.add((IndexRef) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertTrue(!indexes.isEmpty(), "the code declares the indexes it queries");
        return indexes;
    }

    private static List<Path> javaSources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> root) {
        return DatabindJson.MAPPER.convertValue(root, Map.class);
    }
}
