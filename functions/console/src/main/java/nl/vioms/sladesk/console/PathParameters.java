package nl.vioms.sladesk.console;

import java.util.Map;

/** The {@code {name}} segments of a console route, as matched. */
public record PathParameters(Map<String, String> values) {
    public PathParameters {
        values = Map.copyOf(values);
    }

    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter " + name);
        }
        return value;
    }
}
