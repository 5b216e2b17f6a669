package nl.vioms.sladesk.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for tests and the local tooling: jackson-databind's trees and conversions, which the
 * functions themselves do not carry (they use jackson-jr through {@code nl.vioms.sladesk.app.Json}).
 */
public final class DatabindJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private DatabindJson() {}

    /** Any value as JSON text with databind (Lambda's event classes, trees, maps). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
