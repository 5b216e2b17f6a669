package nl.vioms.sladesk.intake.api;

import java.util.Map;

/**
 * An HTTP API response (payload 2.0) as the handler writes it: status, headers, a text body.
 * Written with jackson-jr straight to Lambda's output stream (decision 11). No
 * {@code isBase64Encoded}: every body here is text, and API Gateway reads an absent flag as false
 * (a record component of that name would be written as "base64Encoded", which it ignores).
 */
record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    static ApiResponse of(int statusCode, String contentType, String body) {
        return new ApiResponse(statusCode, Map.of("content-type", contentType), body);
    }

    ApiResponse withHeaders(Map<String, String> replaced) {
        return new ApiResponse(statusCode, replaced, body);
    }
}
