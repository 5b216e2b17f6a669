package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Json;
import nl.vioms.sladesk.aws.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0). Routes are declared in template.yaml; this
 * handler dispatches on the route key. Today: {@code GET /health}; the ticket routes come with
 * the intake issue. Errors are JSON problem bodies (RFC 9457).
 */
public final class IntakeApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamo;
    private final String ticketsTable;
    private final Clock clock;

    /** Lambda's constructor: runs once per execution environment. */
    public IntakeApiHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public IntakeApiHandler(Environment env, AwsClients clients, Clock clock) {
        this.dynamo = (clients != null ? clients : AwsClients.forLambda(env)).dynamo();
        this.ticketsTable = env.require(EnvVar.TICKETS_TABLE);
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String route = event.getRouteKey();
        if ("GET /health".equals(route)) return health();
        return problem(404, "Not Found", "no route " + route);
    }

    /** Ready when the ticket store answers: what a load balancer or operator checks first. */
    private APIGatewayV2HTTPResponse health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", clock.instant().toString());
        try {
            String status = dynamo.describeTable(b -> b.tableName(ticketsTable)).table().tableStatusAsString();
            body.put("status", "ok");
            body.put("ticketStore", status);
            return json(200, body);
        } catch (SdkException e) {
            Log.error("health.ticket-store-unreachable", Map.of("error", String.valueOf(e.getMessage())));
            return problem(503, "Service Unavailable", "the ticket store does not answer");
        }
    }

    static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(Json.write(body)).build();
    }

    static APIGatewayV2HTTPResponse problem(int status, String title, String detail) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody(Json.write(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)))
                .build();
    }
}
