package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulators.class)
class IntakeApiHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T21:10:00Z"), ZoneOffset.UTC);

    @Test
    void healthAnswersOkWhenTheTicketStoreFromTheTemplateAnswers(LocalAws aws) {
        var handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);

        var response = LambdaInvoke.invoke(
                handler,
                LambdaEvents.load("intake-api/get-health.json", APIGatewayV2HTTPEvent.class),
                APIGatewayV2HTTPResponse.class);

        assertEquals(200, response.getStatusCode());
        assertEquals(
                "{\"time\":\"2026-11-26T21:10:00Z\",\"status\":\"ok\",\"ticketStore\":\"ACTIVE\"}", response.getBody());
    }

    @Test
    void healthIs503WhenTheTicketStoreIsMissing(LocalAws aws) {
        var env = new HashMap<>(aws.rawEnvironmentOf("IntakeApiFunction"));
        env.put(EnvVar.TICKETS_TABLE.name(), "NoSuchTable");
        var handler = new IntakeApiHandler(Environment.of(env), aws.clients(), CLOCK);

        var response = LambdaInvoke.invoke(
                handler,
                LambdaEvents.load("intake-api/get-health.json", APIGatewayV2HTTPEvent.class),
                APIGatewayV2HTTPResponse.class);

        assertEquals(503, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
    }

    @Test
    void theResponseIsWhatApiGatewayReadsFromALambdaOutputAndNothingElse(LocalAws aws) throws IOException {
        var handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);

        String wire = LambdaInvoke.invokeJson(
                handler, Files.readString(ProjectRoot.find().resolve("events/intake-api/get-health.json")), null);

        // payload 2.0 response fields, by the names API Gateway reads (no isBase64Encoded: text only)
        Map<String, Object> response = Json.readObject(wire);
        assertEquals(Set.of("statusCode", "headers", "body"), response.keySet(), wire);
        assertEquals(200, response.get("statusCode"));
        assertEquals(
                Map.of("content-type", "application/json", "x-content-type-options", "nosniff"),
                response.get("headers"));
    }

    @Test
    void anEventThatIsNotJsonIsRefusedAsSuchAndChangesNothing(LocalAws aws) {
        var handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);

        var refused = assertThrows(
                IllegalArgumentException.class, () -> LambdaInvoke.invokeJson(handler, "{\"routeKey\": ", null));
        assertTrue(refused.getMessage().startsWith("not an HTTP API event: "), refused.getMessage());
    }
}
