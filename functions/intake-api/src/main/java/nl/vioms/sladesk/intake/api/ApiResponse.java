package nl.vioms.sladesk.intake.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP API response (payload 2.0) as the handler writes it: status, headers, a text body.
 * Written with jackson-jr straight to Lambda's output stream (decision 11). No
 * {@code isBase64Encoded}: every body here is text, and API Gateway reads an absent flag as false
 * (a record component of that name would be written as "base64Encoded", which it ignores).
 * Every answer carries {@code nosniff}; HTML answers (the status page, self-contained: inline
 * style, no script, no frame) also a Content-Security-Policy that allows only that, no framing
 * and no referrer (issue 15 item 12).
 */
record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static ApiResponse of(int statusCode, String contentType, String body) {
        return new ApiResponse(statusCode, Map.of("content-type", contentType), body);
    }

    ApiResponse {
        headers = secured(headers);
    }

    ApiResponse withHeaders(Map<String, String> replaced) {
        return new ApiResponse(statusCode, replaced, body);
    }

    private static Map<String, String> secured(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put("x-content-type-options", "nosniff");
        if (String.valueOf(headers.get("content-type")).startsWith("text/html")) {
            out.put("content-security-policy", CONTENT_SECURITY_POLICY);
            out.put("x-frame-options", "DENY");
            out.put("referrer-policy", "no-referrer");
        }
        return Map.copyOf(out);
    }
}
