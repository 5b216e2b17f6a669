package nl.vioms.sladesk.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.vioms.sladesk.local.MonthScript.DayTime;

/**
 * The fields of one entry of the month script (or of one of its steps), read with messages that
 * name the entry: {@code events/demo/month.yaml, entry 12 (10 14:45, monitoring-ticket): ...}.
 * Only text values are taken: YAML would read {@code 09:12} or {@code no} as something else.
 */
final class ScriptFields {
    private static final Set<String> ENTRY_FIELDS = Set.of("at", "do", "title");
    private static final Set<String> STEP_FIELDS = Set.of("kind", "note");

    private final Map<?, ?> fields;
    private final String name;
    private final Set<String> common;

    private ScriptFields(Map<?, ?> fields, String name, Set<String> common) {
        this.fields = fields;
        this.name = name;
        this.common = common;
    }

    /** An entry of the script; {@code where} is the file and its number. */
    static ScriptFields entry(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": an entry is a mapping with at, do and its fields");
        }
        Object at = map.get("at");
        Object kind = map.get("do");
        return new ScriptFields(
                map,
                where + " (" + (at == null ? "no at" : at) + ", " + (kind == null ? "no do" : kind) + ")",
                ENTRY_FIELDS);
    }

    /** What the entry does: its {@code do}. */
    String kind() {
        return text("do");
    }

    /** Refuses fields other than the common ones and {@code allowed} (a misspelt field would be ignored). */
    void only(String... allowed) {
        Set<String> known = new TreeSet<>(common);
        known.addAll(List.of(allowed));
        for (Object key : fields.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw invalid("unknown field " + key + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    String text(String field) {
        String value = optional(field);
        if (value == null) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    String optional(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(field + " must be text (in quotes when YAML would read it otherwise), not " + value);
        }
        return text;
    }

    DayTime dayTime(String field) {
        String text = text(field);
        try {
            return DayTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": " + e.getMessage());
        }
    }

    /** A mapping of values, in the file's order. */
    Map<String, Object> map(String field) {
        if (!(fields.get(field) instanceof Map<?, ?> map) || map.isEmpty()) {
            throw invalid(field + " must be a mapping of fields");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return Collections.unmodifiableMap(copy);
    }

    /** A list of steps, each with a {@code kind} and a {@code note}. */
    List<ScriptFields> steps(String field) {
        if (!(fields.get(field) instanceof List<?> list) || list.isEmpty()) {
            throw invalid(field + " must be a list of {kind, note}");
        }
        List<ScriptFields> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = name + ", " + field + " " + (i + 1);
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw invalid(field + " " + (i + 1) + " must be a mapping with kind and note");
            }
            ScriptFields step = new ScriptFields(map, where, STEP_FIELDS);
            step.only();
            steps.add(step);
        }
        return steps;
    }

    /** The error to throw: this entry's name and what is wrong with it. */
    IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(name + ": " + problem);
    }
}
