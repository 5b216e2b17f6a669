package nl.vioms.sladesk.local;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the template's HTTP API ({@code GET /tickets/{number}}), matched the way API
 * Gateway HTTP APIs match: literal segments, {@code {name}} for one segment, {@code {name+}}
 * for the rest of the path.
 */
record HttpRoute(String method, String path, String functionLogicalId) {

    String routeKey() {
        return method + " " + path;
    }

    /** The path parameters when this route takes the request, else empty. */
    Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod) && !method.equalsIgnoreCase("ANY")) {
            return Optional.empty();
        }
        String[] pattern = segments(path);
        String[] actual = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= actual.length) {
                    return Optional.empty();
                }
                parameters.put(
                        p.substring(1, p.length() - 2), String.join("/", Arrays.copyOfRange(actual, i, actual.length)));
                return Optional.of(parameters);
            }
            if (i >= actual.length) {
                return Optional.empty();
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                parameters.put(p.substring(1, p.length() - 1), actual[i]);
            } else if (!p.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == actual.length ? Optional.of(parameters) : Optional.empty();
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
