package nl.vioms.sladesk.intake.api;

import java.util.Map;

/**
 * An HTTP API response (payload 2.0) as the handler writes it: status, headers, a text body.
 * Written with jackson-jr straight to Lambda's output stream (decision 11).
 */
record ApiResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
    static ApiResponse of(int statusCode, String contentType, String body) {
        return new ApiResponse(statusCode, Map.of("content-type", contentType), body, false);
    }

    ApiResponse withHeaders(Map<String, String> replaced) {
        return new ApiResponse(statusCode, replaced, body, isBase64Encoded);
    }
}
