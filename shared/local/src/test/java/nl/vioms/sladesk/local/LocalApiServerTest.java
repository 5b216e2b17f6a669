package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What ./sladesk up serves: the template's routes, answered by the real handlers in-process. */
@ExtendWith(AwsEmulators.class)
class LocalApiServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T21:10:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRequestIsRoutedThroughTheTemplateToTheHandler(LocalAws aws) throws Exception {
        try (var api = new LocalApiServer(new LocalHandlers(aws, CLOCK), 0)) {
            assertTrue(
                    api.routes().stream()
                            .anyMatch(r -> r.routeKey().equals("GET /health")
                                    && r.functionLogicalId().equals("IntakeApiFunction")),
                    "route from template.yaml");

            var response = http.send(
                    HttpRequest.newBuilder(api.baseUrl().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            assertEquals(
                    "application/json",
                    response.headers().firstValue("content-type").orElseThrow());
            assertEquals(
                    "{\"time\":\"2026-11-26T21:10:00Z\",\"status\":\"ok\",\"ticketStore\":\"ACTIVE\"}",
                    response.body());
        }
    }

    @Test
    void aPathTheTemplateDoesNotRouteIs404LikeApiGateway(LocalAws aws) throws Exception {
        try (var api = new LocalApiServer(new LocalHandlers(aws, CLOCK), 0)) {
            var wrongMethod = http.send(
                    HttpRequest.newBuilder(api.baseUrl().resolve("/health"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var unknown = http.send(
                    HttpRequest.newBuilder(URI.create(api.baseUrl() + "/nothing/here"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(404, wrongMethod.statusCode());
            assertEquals(404, unknown.statusCode());
            assertEquals("{\"message\":\"Not Found\"}", unknown.body());
        }
    }
}
