package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.monthend.MonthEndHandler;
import nl.vioms.sladesk.probe.ProbeHandler;
import nl.vioms.sladesk.probe.Prober;

/**
 * A deployed stack as the operator's commands see it, for tests: CloudFormation's
 * DescribeStackResources (the AWS query protocol: a form POST, an XML answer) answering from
 * recorded descriptions (test resources stacks/NAME.json, in the shape AWS returns them), and
 * Lambda's Invoke and GetFunctionConfiguration (REST-JSON) running the real handlers in this
 * process against the emulators. Both services on one local HTTP server.
 */
final class RecordedStack implements AutoCloseable {
    private static final String CLOUDFORMATION_NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final String FUNCTIONS = "/2015-03-31/functions/";

    private final LocalAws aws;
    private final HttpServer server;
    private final Prober prober = new Prober(8);
    /** Stack name to its recorded DescribeStackResources answer. */
    private final Map<String, JsonNode> stacks = new HashMap<>();
    /** The functions invoked (physical names), in order. */
    final List<String> invocations = Collections.synchronizedList(new ArrayList<>());
    /** The regions the connector was asked for, in order. */
    final List<String> regions = Collections.synchronizedList(new ArrayList<>());

    RecordedStack(LocalAws aws) throws IOException {
        this.aws = aws;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves a recorded description under a stack name. */
    RecordedStack record(String stackName, JsonNode description) {
        stacks.put(stackName, description);
        return this;
    }

    static JsonNode recorded(String resource) {
        try (InputStream in = RecordedStack.class.getResourceAsStream("/stacks/" + resource + ".json")) {
            return DatabindJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded description without one resource (a stack of an older template, say). */
    static JsonNode without(JsonNode description, String logicalId) {
        ObjectNode copy = description.deepCopy();
        var resources = copy.withArray("StackResources");
        for (int i = resources.size() - 1; i >= 0; i--) {
            if (resources.get(i).get("LogicalResourceId").asText().equals(logicalId)) {
                resources.remove(i);
            }
        }
        return copy;
    }

    /** The physical id the recorded description gives a logical id. */
    static String physicalId(JsonNode description, String logicalId) {
        for (JsonNode resource : description.get("StackResources")) {
            if (resource.get("LogicalResourceId").asText().equals(logicalId)) {
                return resource.get("PhysicalResourceId").asText();
            }
        }
        throw new IllegalArgumentException("recorded stack has no " + logicalId);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Points ./sladesk --stack at this server and the emulators (what a real stack's region would be). */
    void connect() {
        StackTarget.connector = (stack, region) -> {
            regions.add(String.valueOf(region));
            return StackTarget.open(
                    stack,
                    LocalAws.REGION,
                    AwsClients.emulatorCredentials(),
                    endpoint(),
                    endpoint(),
                    AwsClients.forEmulators(
                            aws.dynamoEndpoint(), aws.messagingEndpoint(), aws.mailEndpoint(), LocalAws.REGION));
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith(FUNCTIONS)) {
                lambda(exchange, path.substring(FUNCTIONS.length()), new String(body, StandardCharsets.UTF_8));
            } else {
                cloudFormation(exchange, form(new String(body, StandardCharsets.UTF_8)));
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private void cloudFormation(HttpExchange exchange, Map<String, String> request) throws IOException {
        if (!"DescribeStackResources".equals(request.get("Action"))) {
            send(exchange, 400, "text/xml", error("InvalidAction", "not recorded: " + request.get("Action")));
            return;
        }
        String name = request.get("StackName");
        JsonNode description = stacks.get(name);
        if (description == null) {
            // what CloudFormation answers for a stack that does not exist (HTTP 400, ValidationError)
            send(exchange, 400, "text/xml", error("ValidationError", "Stack with id " + name + " does not exist"));
            return;
        }
        StringBuilder xml = new StringBuilder("<DescribeStackResourcesResponse xmlns=\"" + CLOUDFORMATION_NS + "\">\n")
                .append("  <DescribeStackResourcesResult>\n    <StackResources>\n");
        for (JsonNode resource : description.get("StackResources")) {
            xml.append("      <member>\n");
            for (String field : List.of(
                    "StackName",
                    "StackId",
                    "LogicalResourceId",
                    "PhysicalResourceId",
                    "ResourceType",
                    "Timestamp",
                    "ResourceStatus")) {
                if (resource.hasNonNull(field)) {
                    xml.append("        <")
                            .append(field)
                            .append('>')
                            .append(escape(resource.get(field).asText()))
                            .append("</")
                            .append(field)
                            .append(">\n");
                }
            }
            xml.append("      </member>\n");
        }
        xml.append("    </StackResources>\n  </DescribeStackResourcesResult>\n")
                .append("  <ResponseMetadata><RequestId>3b2f6a0e-0000-4000-8000-000000000020</RequestId>")
                .append("</ResponseMetadata>\n</DescribeStackResourcesResponse>\n");
        send(exchange, 200, "text/xml", xml.toString());
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + CLOUDFORMATION_NS + "\">\n  <Error>\n    <Type>Sender</Type>\n"
                + "    <Code>" + code + "</Code>\n    <Message>" + escape(message) + "</Message>\n  </Error>\n"
                + "  <RequestId>3b2f6a0e-0000-4000-8000-000000000021</RequestId>\n</ErrorResponse>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void lambda(HttpExchange exchange, String rest, String body) throws IOException {
        int slash = rest.indexOf('/');
        String name = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
        String call = slash < 0 ? "" : rest.substring(slash + 1);
        String logicalId = logicalIdOfFunction(name);
        if (logicalId == null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            send(
                    exchange,
                    404,
                    "application/json",
                    "{\"Type\":\"User\",\"Message\":\"Function not found: " + name + "\"}");
            return;
        }
        if (call.equals("configuration")) {
            Map<String, Object> configuration = new LinkedHashMap<>();
            configuration.put("FunctionName", name);
            configuration.put("Environment", Map.of("Variables", aws.rawEnvironmentOf(logicalId)));
            send(exchange, 200, "application/json", DatabindJson.MAPPER.writeValueAsString(configuration));
            return;
        }
        invocations.add(name);
        String result = LambdaInvoke.invokeJson(handlers().get(logicalId).apply(logicalId), body, null);
        exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        send(exchange, 200, "application/json", result);
    }

    /** The functions an operator invokes, as Lambda would construct them, on the emulators. */
    private Map<String, Function<String, RequestStreamHandler>> handlers() {
        return Map.of(
                "MonthEndFunction",
                id -> new MonthEndHandler(aws.environmentOf(id), aws.clients(), Clock.systemUTC()),
                "ProbeFunction",
                id -> new ProbeHandler(aws.environmentOf(id), aws.clients(), Clock.systemUTC(), prober));
    }

    private String logicalIdOfFunction(String physicalName) {
        for (JsonNode description : stacks.values()) {
            for (JsonNode resource : description.get("StackResources")) {
                if (resource.get("PhysicalResourceId").asText().equals(physicalName)
                        && resource.get("ResourceType").asText().equals("AWS::Lambda::Function")) {
                    return resource.get("LogicalResourceId").asText();
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        StackTarget.connector = StackTarget::connect;
        server.stop(0);
        prober.close();
    }
}
