package nl.vioms.sladesk.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.Json;

/**
 * One request to the console as API Gateway's HTTP API hands it over (payload 2.0): the method,
 * the path, query parameters, headers, cookies (a list of {@code name=value} in this payload) and,
 * for a form, its fields. Hostile until checked: a form body larger than {@link #MAX_FORM_BYTES}
 * or of another content type is refused with 413/415 before anything reads it.
 */
public final class WebRequest {
    /** No console form needs more (a reply or a resolution is at most a few KiB). */
    public static final int MAX_FORM_BYTES = 64 * 1024;

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String sourceIp;
    private final Map<String, Object> event;
    private Map<String, String> form;

    public WebRequest(Map<String, Object> event) {
        this.event = event;
        Map<String, Object> http = Json.object(Json.object(event, "requestContext"), "http");
        this.method =
                String.valueOf(Optional.ofNullable(Json.string(http, "method")).orElse("GET"));
        this.path = Optional.ofNullable(Json.string(event, "rawPath")).orElse("/");
        this.sourceIp = Optional.ofNullable(Json.string(http, "sourceIp")).orElse("");
        Json.object(event, "headers").forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.valueOf(v)));
        Map<String, String> parameters = new HashMap<>();
        Json.object(event, "queryStringParameters").forEach((k, v) -> parameters.put(k, String.valueOf(v)));
        this.query = Map.copyOf(parameters);
        for (Object cookie : Json.list(event, "cookies")) {
            String[] pair = String.valueOf(cookie).split("=", 2);
            if (pair.length == 2) {
                cookies.putIfAbsent(pair[0].strip(), pair[1].strip());
            }
        }
    }

    /** A request built in a test or by the router itself. */
    public static WebRequest of(
            String method, String path, Map<String, String> headers, List<String> cookies, String body) {
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", path);
        event.put("requestContext", Map.of("http", Map.of("method", method, "sourceIp", "127.0.0.1")));
        event.put("headers", Map.copyOf(headers));
        event.put("cookies", List.copyOf(cookies));
        if (body != null) {
            event.put("body", body);
        }
        return new WebRequest(event);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(value -> !value.isBlank());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Whether the request came from htmx or the console's script (a fragment is answered, not a page). */
    public boolean partial() {
        return header("hx-request").isPresent();
    }

    /** A field of the submitted form (application/x-www-form-urlencoded), blank treated as absent. */
    public Optional<String> form(String name) {
        return Optional.ofNullable(form().get(name)).filter(value -> !value.isBlank());
    }

    /** Every field of the submitted form; repeated names keep their first value. */
    public Map<String, String> form() {
        if (form == null) {
            form = parseForm();
        }
        return form;
    }

    private Map<String, String> parseForm() {
        String raw = Json.string(event, "body");
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        String type = header("content-type").orElse("");
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new WebError(415, "Dit formulier wordt alleen als gewoon formulier verstuurd.");
        }
        byte[] bytes = Boolean.TRUE.equals(event.get("isBase64Encoded"))
                ? decodeBase64(raw)
                : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_FORM_BYTES) {
            throw new WebError(
                    413, "Het formulier is te groot (" + bytes.length + " bytes; hoogstens " + MAX_FORM_BYTES + ").");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                fields.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                throw new WebError(400, "Het formulier is niet leesbaar.");
            }
        }
        return Map.copyOf(fields);
    }

    private static byte[] decodeBase64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new WebError(400, "Het formulier is niet leesbaar.");
        }
    }
}
