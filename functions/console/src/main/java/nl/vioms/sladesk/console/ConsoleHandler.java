package nl.vioms.sladesk.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.login.CognitoLogin;

/**
 * The operations console (issue 17): server-rendered pages on the HTTP API's {@code /console}
 * routes. A stream entry like the API's (decision 11): the event is read and the response written
 * with jackson-jr. Anything unexpected becomes a plain 500 page with a correlation id, never a
 * stack trace.
 */
public final class ConsoleHandler implements RequestStreamHandler {
    private final ConsoleApp app;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public ConsoleHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /**
     * The console with its Cognito login (decision 26), configured by the environment.
     *
     * @param clients the SDK clients, or null to build them for Lambda from the environment
     */
    public ConsoleHandler(Environment env, AwsClients clients, Clock clock) {
        this(new Services(env, clients, clock), null);
    }

    /** With another login (tests of pages: TestLogin). */
    public ConsoleHandler(Environment env, AwsClients clients, Clock clock, Login login) {
        this(new Services(env, clients, clock), login);
    }

    private ConsoleHandler(Services services, Login login) {
        this.app = new ConsoleApp(services, login != null ? login : CognitoLogin.of(services));
        this.invocations = new Invocations(services.environment());
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> {
            Map<String, Object> request;
            try {
                request = Json.readEvent(event);
            } catch (Json.Invalid e) {
                throw new IllegalArgumentException("not an HTTP API event: " + e.getMessage(), e);
            }
            Json.writeResult(out, handle(new WebRequest(request), context));
        });
    }

    private WebResponse handle(WebRequest request, Context context) {
        try {
            return app.handle(request);
        } catch (RuntimeException e) {
            String id = context == null ? "local" : context.getAwsRequestId();
            Log.error("console.failed", Map.of("path", request.path(), "error", String.valueOf(e), "requestId", id));
            return WebResponse.of(
                    500, "text/plain; charset=utf-8", "Er ging iets mis in SLA Desk. Meld dit met code " + id + ".");
        }
    }
}
