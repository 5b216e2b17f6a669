package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LambdaEvents;
import nl.vioms.sladesk.testing.LambdaInvoke;
import nl.vioms.sladesk.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulators.class)
class IntakeApiHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T21:10:00Z"), ZoneOffset.UTC);

    @Test
    void healthAnswersOkWhenTheTicketStoreFromTheTemplateAnswers(LocalAws aws) {
        var handler = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);

        var response = LambdaInvoke.invoke(handler, LambdaEvents.load("intake-api/get-health.json", APIGatewayV2HTTPEvent.class), APIGatewayV2HTTPResponse.class);

        assertEquals(200, response.getStatusCode());
        assertEquals("{\"time\":\"2026-11-26T21:10:00Z\",\"status\":\"ok\",\"ticketStore\":\"ACTIVE\"}", response.getBody());
    }

    @Test
    void healthIs503WhenTheTicketStoreIsMissing(LocalAws aws) {
        var env = new HashMap<>(aws.rawEnvironmentOf("IntakeApiFunction"));
        env.put(EnvVar.TICKETS_TABLE.name(), "NoSuchTable");
        var handler = new IntakeApiHandler(Environment.of(env), aws.clients(), CLOCK);

        var response = LambdaInvoke.invoke(handler, LambdaEvents.load("intake-api/get-health.json", APIGatewayV2HTTPEvent.class), APIGatewayV2HTTPResponse.class);

        assertEquals(503, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
    }
}
