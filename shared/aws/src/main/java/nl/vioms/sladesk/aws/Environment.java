package nl.vioms.sladesk.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration, read from environment variables (the only place that reads
 * them). Built from a map so tests and the local runtime pass their own values.
 */
public final class Environment {
    private final Map<String, String> values;

    private Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment, as Lambda sets it from template.yaml. */
    public static Environment fromSystem() {
        return new Environment(System.getenv());
    }

    public static Environment of(Map<String, String> values) {
        return new Environment(values);
    }

    /** The value, or an error naming the variable, so a misconfigured deploy fails at init. */
    public String require(EnvVar name) {
        String value = values.get(name.name());
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    /** Whether the variable is set (and not blank). */
    public boolean has(EnvVar name) {
        String value = values.get(name.name());
        return value != null && !value.isBlank();
    }

    /** The value, or {@code fallback} when it is not set. */
    public String optional(EnvVar name, String fallback) {
        String value = values.get(name.name());
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Whether the runtime offers credentials at an endpoint (SnapStart) instead of in variables. */
    public boolean containerCredentials() {
        String uri = values.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        return uri != null && !uri.isBlank();
    }

    /** The function's name, as the Lambda runtime sets it (AWS_LAMBDA_FUNCTION_NAME), or null. */
    public String functionName() {
        return values.get("AWS_LAMBDA_FUNCTION_NAME");
    }

    /** The X-Ray trace header the runtime sets in the environment (_X_AMZN_TRACE_ID), or null. */
    public String traceHeader() {
        return values.get("_X_AMZN_TRACE_ID");
    }

    /** The SDK's own endpoint setting of a service ({@code AWS_ENDPOINT_URL_<SERVICE>}), if set. */
    public Optional<URI> sdkEndpoint(String service) {
        String value = values.get("AWS_ENDPOINT_URL_" + service);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value));
    }

    /** AWS_REGION is reserved: the Lambda runtime sets it, the template cannot. */
    public String region() {
        String region = values.get("AWS_REGION");
        return region == null || region.isBlank() ? "eu-central-1" : region;
    }
}
