package nl.vioms.sladesk.console.admin;

import java.util.Map;

/**
 * A form as it is shown: the values (as typed, so a refused form keeps them) and a Dutch fault
 * per field name. Templates read a field's value, whether it is at fault, and the message.
 */
public record FormState(Map<String, String> values, Map<String, String> faults) {
    public FormState {
        values = Map.copyOf(values);
        faults = Map.copyOf(faults);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean faulty(String field) {
        return faults.containsKey(field);
    }

    public String fault(String field) {
        return faults.getOrDefault(field, "");
    }

    /** The id of the element that holds the field's message ({@code aria-describedby}). */
    public String faultId(String field) {
        return "fout-" + field;
    }
}
