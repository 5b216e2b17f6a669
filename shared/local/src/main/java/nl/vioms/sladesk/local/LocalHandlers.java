package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaContext;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.Template;

/**
 * The template's functions, run in-process: each handler class named in template.yaml is built
 * once, with the environment the template gives it resolved against the local resources, and
 * the emulators' clients (every handler offers a constructor (Environment, AwsClients, Clock)).
 */
final class LocalHandlers {
    /** The time left a context without a Timeout of its own reports: API Gateway's integration limit. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final LocalAws aws;
    private final Clock clock;
    private final Map<String, Object> handlers = new ConcurrentHashMap<>();
    private final Map<String, String> settings;

    LocalHandlers(LocalAws aws, Clock clock) {
        this(aws, clock, Map.of());
    }

    /**
     * @param settings environment variables set for every function on top of the template's (the
     *                 storm benchmark's switches, e.g. MAJOR_INCIDENT_LINKING=off)
     */
    LocalHandlers(LocalAws aws, Clock clock, Map<String, String> settings) {
        this.aws = aws;
        this.clock = clock;
        this.settings = Map.copyOf(settings);
    }

    /** The emulators the handlers run on. */
    LocalAws aws() {
        return aws;
    }

    /** The routes of every HttpApi event in the template. */
    List<HttpRoute> httpRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (Template.Function function : aws.template().functions()) {
            function.events().values().forEach(value -> {
                Map<String, Object> event = Template.map(value);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> props = Template.map(event.get("Properties"));
                    routes.add(new HttpRoute(
                            (String) props.get("Method"), (String) props.get("Path"), function.logicalId()));
                }
            });
        }
        return routes;
    }

    /**
     * Invokes a function with a JSON payload, read into the handler's input type as Lambda's Java
     * runtime would (its event classes through Lambda's own serializers, anything else as JSON);
     * returns what the handler returned, or the bytes a stream handler wrote. Without a context
     * (the HTTP API) the invocation gets one of its own, so its log lines carry a request id.
     */
    Object invoke(String functionLogicalId, String payload, Context context) {
        Object handler = handlers.computeIfAbsent(functionLogicalId, this::build);
        Context invocation = context != null ? context : new LambdaContext(functionLogicalId, DEFAULT_TIMEOUT, 512);
        if (handler instanceof RequestStreamHandler stream) {
            return LambdaInvoke.invokeJson(stream, payload, invocation);
        }
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        return typed.handleRequest(input(handler.getClass(), payload), invocation);
    }

    private static Object input(Class<?> handlerClass, String payload) {
        Type type = Object.class;
        for (Type implemented : handlerClass.getGenericInterfaces()) {
            if (implemented instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                type = p.getActualTypeArguments()[0];
            }
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            return LambdaEvents.fromJson(payload, raw);
        }
        try {
            return DatabindJson.MAPPER.readValue(payload, DatabindJson.MAPPER.constructType(type));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "the event does not fit " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    private Environment environmentOf(String functionLogicalId) {
        if (settings.isEmpty()) {
            return aws.environmentOf(functionLogicalId);
        }
        Map<String, String> values = new HashMap<>(aws.rawEnvironmentOf(functionLogicalId));
        values.putAll(settings);
        return Environment.of(values);
    }

    private Object build(String functionLogicalId) {
        Template.Function function = aws.template().function(functionLogicalId).orElseThrow();
        try {
            Class<?> type = Class.forName(function.handlerClass());
            try {
                return type.getConstructor(Environment.class, AwsClients.class, Clock.class)
                        .newInstance(environmentOf(functionLogicalId), aws.clients(), clock);
            } catch (NoSuchMethodException e) {
                // a function not built yet has only Lambda's constructor; it needs no clients
                return type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot start " + functionLogicalId + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot start " + functionLogicalId + " (" + function.handler() + "): " + e, e);
        }
    }
}
