package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;

/**
 * The template's HTTP API on 127.0.0.1: each request is matched against the template's routes
 * and handed to the function's handler in-process as an API Gateway HTTP API (payload 2.0)
 * event, as API Gateway would. Beside them, and only here, {@code GET /reports/<key>} reads the
 * reports bucket for a browser ({@link LocalReports}; no route of the template, none in AWS).
 */
final class LocalApiServer implements AutoCloseable {
    private final HttpServer server;
    private final List<HttpRoute> routes;
    private final LocalHandlers handlers;
    private final InvocationLog log;
    private final Clock clock;
    private final LocalReports reports;

    LocalApiServer(LocalHandlers handlers, int port) throws IOException {
        this(handlers, port, null, null);
    }

    /** @param log where each request's invocation is logged (null: not logged), with the runtime's clock */
    LocalApiServer(LocalHandlers handlers, int port, InvocationLog log, Clock clock) throws IOException {
        this.handlers = handlers;
        this.log = log;
        this.clock = clock;
        this.routes = handlers.httpRoutes();
        this.reports = new LocalReports(handlers.aws());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<HttpRoute> routes() {
        return routes;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(LocalReports.PREFIX)) {
                serveReport(exchange, method, path);
                return;
            }
            for (HttpRoute route : routes) {
                Optional<Map<String, String>> parameters = route.match(method, path);
                if (parameters.isPresent()) {
                    long started = System.nanoTime();
                    Instant at = clock == null ? null : clock.instant();
                    APIGatewayV2HTTPResponse response;
                    try {
                        response = invoke(route, parameters.get(), exchange);
                    } catch (RuntimeException e) {
                        logInvocation(
                                at,
                                route,
                                started,
                                InvocationLog.Outcome.ERROR,
                                e.getClass().getSimpleName() + ": " + e.getMessage());
                        throw e;
                    }
                    logInvocation(
                            at,
                            route,
                            started,
                            response.getStatusCode() >= 500 ? InvocationLog.Outcome.ERROR : InvocationLog.Outcome.OK,
                            response.getStatusCode() + " " + method + " "
                                    + exchange.getRequestURI().getRawPath());
                    respond(exchange, response);
                    return;
                }
            }
            respond(
                    exchange,
                    APIGatewayV2HTTPResponse.builder()
                            .withStatusCode(404)
                            .withHeaders(Map.of("content-type", "application/json"))
                            .withBody("{\"message\":\"Not Found\"}")
                            .build()); // what API Gateway answers
        } catch (RuntimeException e) {
            Log.error(
                    "local-api.handler-failed",
                    Map.of("path", exchange.getRequestURI().toString(), "error", String.valueOf(e)));
            respond(
                    exchange,
                    APIGatewayV2HTTPResponse.builder()
                            .withStatusCode(500)
                            .withHeaders(Map.of("content-type", "application/json"))
                            .withBody("{\"message\":\"Internal Server Error\"}")
                            .build());
        }
    }

    /** A report from the reports bucket, or the refusal (local only: {@link LocalReports}). */
    private void serveReport(HttpExchange exchange, String method, String path) throws IOException {
        LocalReports.Answer answer = reports.serve(method, path);
        exchange.getResponseHeaders().set("content-type", answer.contentType());
        exchange.getResponseHeaders().set("x-content-type-options", "nosniff");
        exchange.getResponseHeaders().set("cache-control", "no-store");
        boolean withBody = !method.equals("HEAD") && answer.body().length > 0;
        exchange.sendResponseHeaders(answer.status(), withBody ? answer.body().length : -1);
        if (withBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private APIGatewayV2HTTPResponse invoke(HttpRoute route, Map<String, String> pathParameters, HttpExchange exchange)
            throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        // payload 2.0: API Gateway hands the cookies over as a list of "name=value", not as a header
        List<String> cookies = cookies(headers.remove("cookie"));
        String rawQuery =
                Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");

        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(exchange.getRequestMethod())
                .withPath(exchange.getRequestURI().getRawPath())
                .withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName("127.0.0.1")
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(route.routeKey())
                .withStage("$default")
                .withHttp(http)
                .withTimeEpoch(System.currentTimeMillis())
                .build();
        boolean binary = body.length > 0 && !isText(headers.get("content-type"));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery)
                .withHeaders(headers)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withQueryStringParameters(query(rawQuery))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(
                        body.length == 0
                                ? null
                                : binary
                                        ? Base64.getEncoder().encodeToString(body)
                                        : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(binary)
                .withRequestContext(context)
                .build();
        Object response = handlers.invoke(route.functionLogicalId(), LambdaInvoke.wireJson(event), null);
        return response instanceof String json
                ? LambdaEvents.fromJson(json, APIGatewayV2HTTPResponse.class)
                : (APIGatewayV2HTTPResponse) response;
    }

    private void logInvocation(
            Instant at, HttpRoute route, long started, InvocationLog.Outcome outcome, String detail) {
        if (log == null) {
            return;
        }
        log.log(
                at,
                route.functionLogicalId(),
                "http:" + route.routeKey(),
                outcome,
                Duration.ofNanos(System.nanoTime() - started),
                detail);
    }

    private static boolean isText(String contentType) {
        return contentType == null
                || contentType.startsWith("text/")
                || contentType.contains("json")
                || contentType.contains("x-www-form-urlencoded")
                || contentType.contains("xml");
    }

    private static List<String> cookies(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(";"))
                .map(String::strip)
                .filter(cookie -> !cookie.isEmpty())
                .toList();
    }

    private static Map<String, String> query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            parameters.merge(key, value, (a, b) -> a + "," + b); // API Gateway joins repeats with commas
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(exchange.getResponseHeaders()::set);
        }
        if (response.getCookies() != null) {
            // payload 2.0: each entry of the response's cookies is one Set-Cookie header
            response.getCookies()
                    .forEach(cookie -> exchange.getResponseHeaders().add("set-cookie", cookie));
        }
        byte[] body = response.getBody() == null
                ? new byte[0]
                : response.getIsBase64Encoded()
                        ? Base64.getDecoder().decode(response.getBody())
                        : response.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
