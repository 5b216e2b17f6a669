package nl.vioms.sladesk.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API response (payload 2.0): status, headers, the {@code Set-Cookie} values as the
 * payload's {@code cookies} list, a text body. Every console answer is private and not cached,
 * and an HTML one carries a Content-Security-Policy that allows only the console's own script
 * and style (no inline script: an injected {@code <script>} would not run), no framing, and no
 * referrer outside the console.
 */
public record WebResponse(int statusCode, Map<String, String> headers, List<String> cookies, String body) {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public WebResponse {
        headers = secured(headers);
        cookies = List.copyOf(cookies);
    }

    public static WebResponse html(int status, String body) {
        return new WebResponse(status, Map.of("content-type", "text/html; charset=utf-8"), List.of(), body);
    }

    /** After a form: 303 so the browser's reload does not submit it again. */
    public static WebResponse redirect(String location) {
        return new WebResponse(303, Map.of("location", location), List.of(), "");
    }

    public static WebResponse of(int status, String contentType, String body) {
        return new WebResponse(status, Map.of("content-type", contentType), List.of(), body);
    }

    public WebResponse withCookies(List<String> setCookies) {
        return new WebResponse(statusCode, headers, setCookies, body);
    }

    public WebResponse withHeader(String name, String value) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put(name, value);
        return new WebResponse(statusCode, out, cookies, body);
    }

    /**
     * This page's forms may also post to {@code origin}: the attachments page's upload form goes
     * straight to the bucket (issue 18). Every other directive stays as strict.
     */
    public WebResponse withFormActionTo(String origin) {
        return withHeader(
                "content-security-policy",
                CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + origin));
    }

    private static Map<String, String> secured(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put("x-content-type-options", "nosniff");
        out.putIfAbsent("cache-control", "no-store");
        if (String.valueOf(headers.get("content-type")).startsWith("text/html")) {
            // a stored report brings a stricter policy of its own (sandboxed, no script: month-end page)
            out.putIfAbsent("content-security-policy", CONTENT_SECURITY_POLICY);
            out.put("x-frame-options", "DENY");
            // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with
            // every form, and the router's Origin check refuses it (found by AdminBrowserTest)
            out.put("referrer-policy", "same-origin");
        }
        return Map.copyOf(out);
    }
}
