package nl.vioms.sladesk.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.testing.WebBrowser;
import org.openqa.selenium.Cookie;

/**
 * The console over real HTTP for browser tests: a JDK server on a free local port in front of a
 * {@link ConsoleApp}, handing each request over as the HTTP API's payload 2.0 (as far as the
 * console reads it: method, path, query, headers, cookies, body) and its answer back.
 */
public final class ConsoleServer implements AutoCloseable {
    private final HttpServer server;
    private final URI base;

    private ConsoleServer(HttpServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static ConsoleServer start(SiteHandler.Pages app) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                answer(app, exchange);
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
                throw e;
            }
        });
        server.start();
        return new ConsoleServer(server);
    }

    /** {@code http://127.0.0.1:<port>}; resolve a path against it. */
    public URI base() {
        return base;
    }

    public URI url(String path) {
        return base.resolve(path);
    }

    /**
     * Logs the browser in with {@link TestLogin}'s cookie ({@code test-user=...}, as
     * {@code TestLogin.cookie} or {@code TestLogin.reseller} make it), set on this server's origin
     * from the site's stylesheet (a page that answers 200: a 404 would stay in the browser's log).
     */
    public void logIn(WebBrowser browser, Site site, String testLoginCookie) {
        browser.open(base.resolve(site.path("/static/console.css")));
        String[] cookie = testLoginCookie.split("=", 2);
        browser.driver().manage().addCookie(new Cookie(cookie[0], cookie[1]));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(SiteHandler.Pages app, HttpExchange exchange) throws IOException {
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", exchange.getRequestURI().getPath());
        event.put(
                "requestContext",
                Map.of("http", Map.of("method", exchange.getRequestMethod(), "sourceIp", "127.0.0.1")));
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        event.put("headers", headers);
        List<String> cookies = new ArrayList<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String cookie : header.split(";")) {
                cookies.add(cookie.strip());
            }
        }
        event.put("cookies", cookies);
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        event.put("queryStringParameters", query);
        event.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        WebResponse response = app.handle(new WebRequest(event));
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
