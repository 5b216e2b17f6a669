package nl.vioms.sladesk.emulators;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Invokes a function's stream entry the way Lambda does: with the event's JSON as bytes, taking
 * back the bytes it writes. The functions read their events themselves (decision 11), so tests
 * and the local runtime go through exactly the JSON Lambda would send, not a typed shortcut.
 */
public final class LambdaInvoke {
    private LambdaInvoke() {}

    /** The handler's output for a JSON payload, as text (empty if it wrote nothing). */
    public static String invokeJson(RequestStreamHandler handler, String payload, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A typed event (one of Lambda's event classes, a map, a record) sent as Lambda's wire JSON,
     * and the output read back as {@code output}; {@code Void} reads nothing.
     */
    public static <O> O invoke(RequestStreamHandler handler, Object event, Class<O> output) {
        String written = invokeJson(handler, wireJson(event), null);
        if (output == Void.class) {
            return null;
        }
        return isLambdaEvent(output) ? LambdaEvents.fromJson(written, output) : read(written, output);
    }

    /** Lambda's JSON for an event: its event classes through Lambda's own serializers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String wireJson(Object event) {
        if (event instanceof String json) {
            return json;
        }
        return isLambdaEvent(event.getClass())
                ? LambdaEvents.toJson(event, (Class) event.getClass())
                : DatabindJson.write(event);
    }

    private static boolean isLambdaEvent(Class<?> type) {
        return type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.");
    }

    private static <O> O read(String json, Class<O> type) {
        try {
            return DatabindJson.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("the handler wrote no " + type.getSimpleName() + ": " + json, e);
        }
    }
}
