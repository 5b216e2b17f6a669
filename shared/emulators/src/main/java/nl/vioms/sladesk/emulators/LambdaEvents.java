package nl.vioms.sladesk.emulators;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sample events (events/ in the repository) read into Lambda's event classes with the same
 * serializers the Java runtime uses, so a test feeds a handler exactly what Lambda would.
 */
public final class LambdaEvents {
    private LambdaEvents() {}

    /** Reads events/{relativePath} of the repository. */
    public static <T> T load(String relativePath, Class<T> type) {
        Path file = ProjectRoot.find().resolve("events").resolve(relativePath);
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    public static <T> T fromJson(InputStream json, Class<T> type) {
        return serializerFor(type).fromJson(json);
    }

    public static <T> String toJson(T event, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializerFor(type).toJson(event, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * One serializer per event class, kept: Lambda's factory builds a new Jackson mapper at each
     * call, and introspecting the event classes again for every record was most of the local
     * runtime's time in the storm benchmark (issue 19). Its mappers are safe to share once built.
     */
    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializerFor(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(
                type, t -> LambdaEventSerializers.serializerFor(t, LambdaEvents.class.getClassLoader()));
    }

    /** A stream record's image as an SDK item, e.g. to write what a sample event says was inserted. */
    public static Map<String, AttributeValue> item(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> item = new HashMap<>();
        image.forEach((name, value) -> item.put(name, attribute(value)));
        return item;
    }

    private static AttributeValue attribute(
            com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
        if (v.getS() != null) {
            return AttributeValue.fromS(v.getS());
        }
        if (v.getN() != null) {
            return AttributeValue.fromN(v.getN());
        }
        if (v.getBOOL() != null) {
            return AttributeValue.fromBool(v.getBOOL());
        }
        if (v.getNULL() != null) {
            return AttributeValue.fromNul(v.getNULL());
        }
        if (v.getM() != null) {
            return AttributeValue.fromM(item(v.getM()));
        }
        if (v.getL() != null) {
            return AttributeValue.fromL(
                    v.getL().stream().map(LambdaEvents::attribute).toList());
        }
        if (v.getSS() != null) {
            return AttributeValue.fromSs(v.getSS());
        }
        if (v.getNS() != null) {
            return AttributeValue.fromNs(v.getNS());
        }
        if (v.getB() != null) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB()));
        }
        throw new IllegalArgumentException("unsupported attribute value " + v);
    }

    /** The first record of a stream event, for tests that change it. */
    public static DynamodbEvent.DynamodbStreamRecord firstRecord(DynamodbEvent event) {
        return event.getRecords().get(0);
    }
}
