package nl.vioms.sladesk.intake.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.error.InvalidInputException;

/**
 * The parts of an HTTP API event (payload 2.0, as jackson-jr reads it) a route needs, with JSON
 * bodies read strictly.
 */
final class ApiRequest {
    /** Larger bodies are refused with 413: no report needs more. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, Object> event;
    private final Map<String, String> headers = new HashMap<>();

    ApiRequest(Map<String, Object> event) {
        this.event = event;
        Json.object(event, "headers").forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.valueOf(v)));
    }

    String route() {
        return Json.string(event, "routeKey");
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String pathParameter(String name) {
        return Json.string(Json.object(event, "pathParameters"), name);
    }

    String query(String name) {
        return Json.string(Json.object(event, "queryStringParameters"), name);
    }

    boolean wantsHtml() {
        String accept = header("accept");
        return accept != null && accept.contains("text/html");
    }

    /** The body as a record of the route; unknown fields, bad JSON and oversize bodies are refused. */
    <T> T body(Class<T> type) {
        String raw = Json.string(event, "body");
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("a JSON body is required");
        }
        boolean base64 = Boolean.TRUE.equals(event.get("isBase64Encoded"));
        byte[] bytes = base64 ? base64(raw) : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiError(
                    413, "Payload Too Large", "the body has " + bytes.length + " bytes; at most " + MAX_BODY_BYTES);
        }
        try {
            return Json.read(bytes, type);
        } catch (Json.UnknownField e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (Json.Invalid e) {
            throw ApiError.badRequest("invalid JSON: " + e.getMessage());
        }
    }

    private static byte[] base64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
