package nl.vioms.sladesk.intake.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.app.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code GET /health}: ready when the ticket store answers, what a load balancer or operator checks first. */
final class HealthRoute {
    private final DynamoDbClient dynamo;
    private final String ticketsTable;
    private final Clock clock;

    HealthRoute(DynamoDbClient dynamo, String ticketsTable, Clock clock) {
        this.dynamo = dynamo;
        this.ticketsTable = ticketsTable;
        this.clock = clock;
    }

    ApiResponse health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", clock.instant().toString());
        try {
            String status =
                    dynamo.describeTable(b -> b.tableName(ticketsTable)).table().tableStatusAsString();
            body.put("status", "ok");
            body.put("ticketStore", status);
            return Problems.json(200, body);
        } catch (SdkException e) {
            Log.error("health.ticket-store-unreachable", Map.of("error", String.valueOf(e.getMessage())));
            return Problems.problem(503, "Service Unavailable", "the ticket store does not answer");
        }
    }
}
