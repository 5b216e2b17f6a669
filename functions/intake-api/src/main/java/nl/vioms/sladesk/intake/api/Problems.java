package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Responses of the API: JSON bodies and RFC 7807 problem bodies, and the problem a failed request
 * answers (docs/decisions/16-ports-and-errors.md). Only the refusals of SLA Desk's rules are 4xx,
 * with their message as the detail: {@link InvalidInputException} 400, {@link NotFoundException}
 * 404, {@link ConflictException} 409, and the API's own {@link ApiError} (401, 403, 413). A ticket
 * store that does not answer is 503. Anything else is a 500 that names no internals: its body
 * carries a correlation id, and the error is logged once with that id and its stack trace.
 */
final class Problems {
    static final String STORE_UNAVAILABLE = "the ticket store does not answer; try again "
            + "(with the same Idempotency-Key or event id a retry is harmless)";

    private Problems() {}

    static ApiResponse json(int status, Object body) {
        return ApiResponse.of(status, "application/json", Json.write(body));
    }

    static ApiResponse problem(int status, String title, String detail) {
        return ApiResponse.of(status, "application/problem+json", Json.write(body(status, title, detail)));
    }

    /** The answer to a request that failed with {@code e}; {@code context} is null outside Lambda. */
    static ApiResponse of(RuntimeException e, ApiRequest request, Context context) {
        if (e instanceof ApiError error) {
            return problem(error.status, error.title, error.getMessage());
        }
        if (e instanceof InvalidInputException) {
            return problem(400, "Bad Request", e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return problem(404, "Not Found", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return problem(409, "Conflict", e.getMessage());
        }
        if (e instanceof SdkException) {
            Log.error("api.store-failed", Map.of("route", String.valueOf(request.route())), e);
            return problem(503, "Service Unavailable", STORE_UNAVAILABLE);
        }
        return unexpected(e, request, context);
    }

    /** A 500 (without it, Lambda would answer a bare 500 with no problem body). */
    private static ApiResponse unexpected(RuntimeException e, ApiRequest request, Context context) {
        String correlationId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId()
                : UUID.randomUUID().toString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("correlationId", correlationId);
        fields.put("route", String.valueOf(request.route()));
        Log.error("api.unexpected", fields, e);
        Map<String, Object> body =
                body(500, "Internal Server Error", "an unexpected error occurred; it has been logged");
        body.put("correlationId", correlationId);
        return ApiResponse.of(500, "application/problem+json", Json.write(body));
    }

    private static Map<String, Object> body(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
