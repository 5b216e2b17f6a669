package nl.vioms.sladesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.testing.LocalAws;
import nl.vioms.sladesk.testing.Template;

/**
 * The template's functions, run in-process: each handler class named in template.yaml is built
 * once, with the environment the template gives it resolved against the local resources, and
 * the emulators' clients (every handler offers a constructor (Environment, AwsClients, Clock)).
 */
final class LocalHandlers {
    private final LocalAws aws;
    private final Clock clock;
    private final Map<String, RequestHandler<?, ?>> handlers = new ConcurrentHashMap<>();

    LocalHandlers(LocalAws aws, Clock clock) {
        this.aws = aws;
        this.clock = clock;
    }

    /** The routes of every HttpApi event in the template. */
    List<HttpRoute> httpRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (Template.Function function : aws.template().functions()) {
            function.events().values().forEach(value -> {
                Map<String, Object> event = Template.map(value);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> props = Template.map(event.get("Properties"));
                    routes.add(new HttpRoute((String) props.get("Method"), (String) props.get("Path"), function.logicalId()));
                }
            });
        }
        return routes;
    }

    @SuppressWarnings("unchecked")
    <I, O> RequestHandler<I, O> handler(String functionLogicalId) {
        return (RequestHandler<I, O>) handlers.computeIfAbsent(functionLogicalId, this::build);
    }

    private RequestHandler<?, ?> build(String functionLogicalId) {
        Template.Function function = aws.template().function(functionLogicalId).orElseThrow();
        try {
            Class<?> type = Class.forName(function.handlerClass());
            return (RequestHandler<?, ?>) type.getConstructor(Environment.class, AwsClients.class, Clock.class)
                    .newInstance(aws.environmentOf(functionLogicalId), aws.clients(), clock);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot start " + functionLogicalId + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start " + functionLogicalId + " (" + function.handler() + "): " + e, e);
        }
    }
}
