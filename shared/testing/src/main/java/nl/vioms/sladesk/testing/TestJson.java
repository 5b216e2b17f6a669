package nl.vioms.sladesk.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON for tests and the local tooling: jackson-databind's trees and conversions, which the
 * functions themselves do not carry (they use jackson-jr through {@code nl.vioms.sladesk.aws.Json}).
 */
public final class TestJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }
}
