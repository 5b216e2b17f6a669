package nl.vioms.sladesk.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The console behind a real HTTP port for browser tests: each request handed over as API Gateway's
 * payload 2.0 does (method, raw path, query parameters, lower-case headers, cookies as a list, the
 * body), the answer's status, headers, {@code Set-Cookie}s and body sent back.
 */
public final class ConsoleTestServer implements AutoCloseable {
    private final HttpServer server;

    public ConsoleTestServer(Function<WebRequest, WebResponse> app) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> answer(exchange, app));
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, Function<WebRequest, WebResponse> app) throws IOException {
        try (exchange) {
            WebResponse response = app.apply(new WebRequest(event(exchange)));
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            response.cookies().forEach(cookie -> exchange.getResponseHeaders().add("set-cookie", cookie));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Map<String, Object> event(HttpExchange exchange) throws IOException {
        Map<String, Object> event = new HashMap<>();
        URI uri = exchange.getRequestURI();
        event.put("rawPath", uri.getRawPath());
        event.put(
                "requestContext",
                Map.of("http", Map.of("method", exchange.getRequestMethod(), "sourceIp", "127.0.0.1")));
        Map<String, String> headers = new HashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        event.put("headers", headers);
        event.put("cookies", cookies);
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.putIfAbsent(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        event.put("queryStringParameters", query);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        return event;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
