package nl.vioms.sladesk.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.core.error.InvalidInputException;

/**
 * The one JSON reader and writer of a function: jackson-jr (on jackson-core), not jackson-databind,
 * because it starts in a fraction of the time and classes (cold start, issue #9, decision 11).
 * Values are maps, lists, strings, numbers, booleans, null and records.
 */
public final class Json {
    /** Decimals as written (money and percentages never as 1E+2); nulls kept; unknown fields refused. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final JSON JR = JSON.builder(FACTORY)
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES, JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
            .build();

    private static final JSON PRETTY = JR.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private Json() {}

    public static String write(Object value) {
        try {
            return JR.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #write}, indented for people; a record's fields in alphabetical order, as jackson-jr
     * writes them.
     */
    public static String writePretty(Object value) {
        try {
            return PRETTY.asString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A Lambda event as a stream handler receives it (decision 11: the functions read their events
     * themselves, so the runtime's Jackson never loads). An empty payload is an empty object.
     */
    public static Map<String, Object> readEvent(InputStream event) throws IOException {
        String json = new String(event.readAllBytes(), StandardCharsets.UTF_8);
        return json.isBlank() ? Map.of() : readObject(json);
    }

    /** A stream handler's result: the JSON Lambda hands back to the caller. */
    public static void writeResult(OutputStream out, Object value) throws IOException {
        out.write(write(value).getBytes(StandardCharsets.UTF_8));
    }

    /** The object member {@code name} of a JSON object; absent or null is an empty map. */
    public static Map<String, Object> object(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new Invalid("'" + name + "' is not a JSON object", null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /** The array member {@code name} of a JSON object; absent or null is an empty list. */
    public static List<Object> list(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new Invalid("'" + name + "' is not a JSON array", null);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    /** The elements of a JSON array that must all be objects. */
    public static List<Map<String, Object>> objects(Map<String, Object> parent, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object element : list(parent, name)) {
            if (!(element instanceof Map)) {
                throw new Invalid("an element of '" + name + "' is not a JSON object", null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) element;
            out.add(map);
        }
        return out;
    }

    /** The string member {@code name} of a JSON object, or null; a non-string is refused. */
    public static String string(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new Invalid("'" + name + "' is not a JSON string", null);
    }

    /** A JSON object as a map; anything else (or no JSON, or data after the object) is an {@link Invalid}. */
    public static Map<String, Object> readObject(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            Object value = JR.anyFrom(parser);
            if (!(value instanceof Map)) {
                throw new Invalid("not a JSON object", null);
            }
            if (parser.nextToken() != null) {
                throw new Invalid("data after the JSON object", null);
            }
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
     * ({@link UnknownField}); so are bad JSON and values of the wrong shape ({@link Invalid}): a
     * number or boolean where a string belongs, a string with a lone UTF-16 surrogate, data after
     * the object.
     */
    public static <T> T read(byte[] json, Class<T> type) {
        Map<String, Object> object = readObject(new String(json, StandardCharsets.UTF_8));
        if (type.isRecord()) {
            List<String> known = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                known.add(c.getName());
                if (c.getType() == String.class) {
                    checkString(object, c.getName());
                }
            }
            for (String field : object.keySet()) {
                if (!known.contains(field)) {
                    throw new UnknownField(field, known);
                }
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

    /** A string field is a JSON string (or null) of well-formed UTF-16: no lone surrogate. */
    private static void checkString(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            throw new Invalid("'" + field + "' is not a JSON string", null);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Invalid("'" + field + "' has a lone UTF-16 surrogate at character " + i, null);
            }
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

    /** Not JSON, or not of the expected shape: invalid input (an HTTP 400 where it is a request's body). */
    public static class Invalid extends InvalidInputException {
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
