package nl.vioms.sladesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;

/**
 * The queue and ticket pages in headless Chromium (Selenium, {@link WebBrowser}): served by the
 * console itself over HTTP (a JDK server in front of {@link ConsoleApp}, logged in with
 * {@link TestLogin}'s cookie), with axe-core at 1280 and 390 px and an action done by keyboard.
 * Skipped where no chromium-driver is installed. Screenshots: target/screenshots/.
 */
@ExtendWith(AwsEmulators.class)
class ConsoleBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static ConsoleClient console;
    private static HttpServer server;
    private static Ticket ticket;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        console = new ConsoleClient(aws, new MutableClock(NOW));
        ticket = console.open("hotel-gouden-leeuw", "P1", "Centrale onbereikbaar", NOW.minusSeconds(3600));
        console.open("bakkerij-devries", "P2", "Kassa belt niet uit", NOW.minusSeconds(1800));
        console.open(null, "P3", "Onbekende beller", NOW.minusSeconds(600));
        console.clock.set(NOW);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ConsoleBrowserTest::handle);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void queueAndTicketPassAxeAtBothWidthsAndARespondIsDoneByKeyboard() {
        try (WebBrowser browser = WebBrowser.startOrSkip()) {
            login(browser);
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 900);
                browser.open(url("/console/"));
                assertTrue(browser.text().contains("Hotel De Gouden Leeuw"), browser.text());
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "queue at " + width);
                browser.screenshot(SHOTS, "queue-" + width);
                browser.open(url("/console/tickets/" + ticket.number()));
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "ticket at " + width);
                browser.screenshot(SHOTS, "ticket-" + width);
                // the browser's own favicon request is no page's doing (the API has no /favicon.ico)
                assertEquals(
                        List.of(),
                        browser.consoleErrors().stream()
                                .filter(e -> !e.contains("/favicon.ico"))
                                .toList(),
                        "no script or CSP errors at " + width);
            }
            browser.resize(1280, 900);
            // from the queue to the ticket and its response, by keyboard: focus the link, Enter; the button, Enter
            browser.open(url("/console/"));
            browser.find(By.linkText(ticket.number())).sendKeys(Keys.ENTER);
            browser.waitForUrl("/console/tickets/" + ticket.number());
            browser.find(By.cssSelector("form[action$='/respond'] button")).sendKeys(Keys.ENTER);
            // a real form post: the browser's Origin passes the router's check (no "Origin: null")
            browser.waitForUrl("gedaan=respond");
            assertTrue(browser.text().contains("Reactie aan de melder vastgelegd."), browser.text());
            assertTrue(browser.text().contains("gehaald"), browser.text());
        }
    }

    private static void login(WebBrowser browser) {
        browser.open(url("/console/static/console.css"));
        String value = TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS).substring(TestLogin.COOKIE.length() + 1);
        browser.driver().manage().addCookie(new Cookie(TestLogin.COOKIE, value));
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** An HTTP request as API Gateway's payload 2.0 hands it to the console, and its answer back. */
    private static void handle(HttpExchange exchange) throws IOException {
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        event.put(
                "requestContext",
                Map.of("http", Map.of("method", exchange.getRequestMethod(), "sourceIp", "127.0.0.1")));
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        event.put("headers", headers);
        List<String> cookies = new ArrayList<>();
        if (headers.containsKey("cookie")) {
            cookies.addAll(List.of(headers.get("cookie").split(";\\s*")));
        }
        event.put("cookies", cookies);
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            Map<String, String> parameters = new HashMap<>();
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            event.put("queryStringParameters", parameters);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        WebResponse response = console.app.handle(new WebRequest(event));
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }
}
