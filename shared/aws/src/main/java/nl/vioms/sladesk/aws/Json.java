package nl.vioms.sladesk.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one JSON reader and writer of a function: jackson-jr (on jackson-core), not jackson-databind,
 * because it starts in a fraction of the time and classes (cold start, issue #9, decision 11).
 * Values are maps, lists, strings, numbers, booleans, null and records.
 */
public final class Json {
    private static final JSON JR = JSON.builder()
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES, JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
            .build();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return JR.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** A JSON object as a map; anything else (or no JSON) is an {@link Invalid}. */
    public static Map<String, Object> readObject(String json) {
        try {
            Object value = JR.anyFrom(json);
            if (!(value instanceof Map)) throw new Invalid("not a JSON object", null);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (JsonProcessingException e) {
            throw new Invalid(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Invalid(e.getMessage(), e);
        }
    }

    /**
     * A JSON object into a record. A field the record does not have is refused, naming it
     * ({@link UnknownField}); so are bad JSON and values of the wrong shape ({@link Invalid}).
     */
    public static <T> T read(byte[] json, Class<T> type) {
        Map<String, Object> object = readObject(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        if (type.isRecord()) {
            List<String> known = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) known.add(c.getName());
            for (String field : object.keySet()) {
                if (!known.contains(field)) throw new UnknownField(field, known);
            }
        }
        try {
            return JR.beanFrom(type, json);
        } catch (JsonProcessingException e) {
            throw new Invalid(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Invalid(e.getMessage(), e);
        }
    }

    /**
     * As {@link #read(byte[], Class)}, with a refusal that says what the input should have been
     * ("not a directory seed: ..."); an unknown field keeps its own message, which names it.
     */
    public static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            return read(json, type);
        } catch (UnknownField e) {
            throw e;
        } catch (Invalid e) {
            throw new Invalid("not " + what + ": " + e.getMessage(), e);
        }
    }

    /** Not JSON, or not of the expected shape. */
    public static class Invalid extends IllegalArgumentException {
        Invalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A field the target does not have (a typo must not be silently dropped). */
    public static final class UnknownField extends Invalid {
        private final String field;
        private final List<String> known;

        UnknownField(String field, List<String> known) {
            super("unknown field '" + field + "'; known: " + known, null);
            this.field = field;
            this.known = List.copyOf(known);
        }

        public String field() {
            return field;
        }

        public List<String> known() {
            return known;
        }
    }
}
