package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 19: {@code /status} in headless Chromium (Selenium, {@link WebBrowser}) as a customer
 * reads it during an outage and after, at 1280 and 390 px, with no serious or critical axe-core
 * violation. The page comes from the real handler on the emulators, served over HTTP with its
 * own headers (its CSP included).
 */
@ExtendWith(AwsEmulators.class)
class PublicStatusBrowserTest {
    /** Thu 11 Mar 2027 14:00 in Amsterdam (UTC+1): after MajorIncidentApiTest's tickets. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-11T13:00:00Z"));

    private static IntakeApiHandler handler;
    private static HttpServer server;

    @BeforeAll
    static void serve(LocalAws aws) throws Exception {
        Environment env = aws.environmentOf("IntakeApiFunction");
        aws.seed("demo");
        handler = new IntakeApiHandler(env, aws.clients(), CLOCK);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status", exchange -> {
            var answer = call(
                    ApiSample.of("get-health.json").withRoute("GET /status").withToken(null));
            byte[] body = answer.getBody().getBytes(StandardCharsets.UTF_8);
            answer.getHeaders()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.getStatusCode(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anOutageIsShownThenItsResolutionReadableAtBothWidthsAndAxeClean(@TempDir Path shots) throws Exception {
        URI page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status");
        String major = declaredMajor();
        // a history folds in (instant, id) order: the update comes a minute after the declaration
        CLOCK.set(CLOCK.instant().plusSeconds(60));
        var update = event(
                major, "{\"kind\":\"public-update\",\"text\":\"Wij vervangen een router. Verwacht herstel: 15:00.\"}");
        assertEquals(200, update.getStatusCode(), update.getBody());

        try (WebBrowser browser = WebBrowser.startOrSkip(1280, 900)) {
            browser.open(page);
            assertEquals("Status van de VIOMS-diensten", browser.title());
            String during = browser.text();
            assertTrue(during.contains("Storing: VIOMS Hosted voice platform"), during);
            assertTrue(during.contains("Wij vervangen een router."), during);
            assertEquals(
                    "Storing", browser.find(By.cssSelector("li.svc .state")).getText());
            assertFalse(during.contains("Bakkerij"), during);
            assertEquals(List.of(), browser.axe().seriousOrCritical());
            browser.screenshot(shots, "status-storing-1280");
            browser.resize(390, 844);
            assertEquals(List.of(), browser.axe().seriousOrCritical());
            assertTrue(
                    ((Number) browser.driver().executeScript("return document.documentElement.scrollWidth;")).intValue()
                            <= 390,
                    "no sideways scrolling at 390 px");
            browser.screenshot(shots, "status-storing-390");

            CLOCK.set(CLOCK.instant().plusSeconds(3600));
            assertEquals(
                    200,
                    event(major, "{\"kind\":\"resolved\",\"note\":\"Router vervangen.\"}")
                            .getStatusCode());
            browser.resize(1280, 900);
            // the page may be cached for 30 s (cache-control): a reader who reloads later sees the change
            browser.open(URI.create(page + "?later"));
            String after = browser.text();
            assertTrue(after.contains("Opgelost: VIOMS Hosted voice platform"), after);
            assertEquals(
                    "Werkt normaal",
                    browser.find(By.cssSelector("li.svc .state")).getText());
            assertEquals(List.of(), browser.axe().seriousOrCritical());
            browser.screenshot(shots, "status-opgelost-1280");
        } finally {
            event(major, "{\"kind\":\"resolved\",\"note\":\"Opgelost.\"}"); // leaves no open major behind
        }
    }

    private static String declaredMajor() throws Exception {
        var opened = call(ApiSample.of("post-tickets.json")
                .withToken("demo-ops-token")
                .withHeader("idempotency-key", "browser-major")
                .withBody("{\"customer\":\"bakkerij-devries\",\"subject\":\"Hosted platform onbereikbaar\","
                        + "\"priority\":\"P1\"}"));
        String number = ApiSample.json(opened).get("number").asText();
        var declared = event(number, "{\"kind\":\"declare-major\",\"service\":\"platform:hosted-voice\"}");
        assertEquals(200, declared.getStatusCode(), declared.getBody());
        return number;
    }

    private static APIGatewayV2HTTPResponse event(String number, String body) {
        return call(ApiSample.postEvent(number, body).withToken("demo-ops-token"));
    }

    private static APIGatewayV2HTTPResponse call(ApiSample sample) {
        return LambdaInvoke.invoke(handler, sample.event(), APIGatewayV2HTTPResponse.class);
    }
}
