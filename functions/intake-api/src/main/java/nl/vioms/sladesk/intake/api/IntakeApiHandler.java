package nl.vioms.sladesk.intake.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import org.crac.Core;

/**
 * The HTTP API (API Gateway HTTP API, payload 2.0): phone intake, the reseller ticket API, the
 * operations queue and the status page. Routes are declared in template.yaml and dispatched by
 * {@link Router}; every error is an RFC 7807 problem body ({@link Problems}). A stream entry: the
 * event is read and the response written with jackson-jr, which keeps the runtime's Jackson off
 * the cold start (decision 11); SnapStart priming is {@link ApiPriming}'s.
 */
public final class IntakeApiHandler implements RequestStreamHandler {
    private final Router router;
    private final Invocations invocations;
    /** Registered with CRaC by Lambda's constructor, which holds it weakly: kept here. */
    private final ApiPriming priming;

    /** Lambda's constructor: runs once per execution environment. */
    public IntakeApiHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
        // SnapStart: primed before the snapshot (a no-op where there is none)
        Core.getGlobalContext().register(priming);
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public IntakeApiHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        var health = new HealthRoute(services.dynamo(), services.setting(EnvVar.TICKETS_TABLE), clock);
        // a P1 on a 24x7 contract is escalated at creation (R17), so intake writes the outbox too
        this.router = new Router(
                services.directory(),
                services.ticketService(),
                services.ticketRepository(),
                new RequestTimes(
                        clock, services.policies(), (c, m) -> services.reports().reported(c, m)),
                health,
                clock,
                services.policies(),
                new PublicStatus(services.ticketService(), services.monitoring(), services.probeRepository(), clock));
        this.invocations = new Invocations(env);
        // after a restore the next invocation is this environment's cold start (priming ran through the handler)
        this.priming = new ApiPriming(this, invocations::coldStartAgain);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> {
            Map<String, Object> request;
            try {
                request = Json.readEvent(event);
            } catch (Json.Invalid e) {
                // API Gateway sends well-formed events; anything else is a caller of the function itself
                throw new IllegalArgumentException("not an HTTP API event: " + e.getMessage(), e);
            }
            Json.writeResult(out, handle(new ApiRequest(request), context));
        });
    }

    private ApiResponse handle(ApiRequest request, Context context) {
        try {
            return router.route(request);
        } catch (RuntimeException e) {
            return Problems.of(e, request, context);
        }
    }
}
