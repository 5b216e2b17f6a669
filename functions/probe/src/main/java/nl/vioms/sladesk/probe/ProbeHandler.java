package nl.vioms.sladesk.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;

/**
 * The scheduled probe (every minute, R20-R22): one round of checks of every target, streaks,
 * outages, notifications and platform incidents. The event carries nothing the round needs, so it
 * is not read; a stream entry keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class ProbeHandler implements RequestStreamHandler {
    /** Threads are kept for the life of the execution environment, like the SDK clients. */
    private static final Prober PROBER = new Prober(Prober.DEFAULT_THREADS);

    private final ProbeRound round;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public ProbeHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public ProbeHandler(Environment env, AwsClients clients, Clock clock) {
        this(env, clients, clock, PROBER);
    }

    public ProbeHandler(Environment env, AwsClients clients, Clock clock, Prober prober) {
        Services services = new Services(env, clients, clock);
        this.round = new ProbeRound(
                services.probeRepository(),
                services.monitoring(),
                services.outbox(),
                services.ticketService(),
                services.policies(),
                prober,
                clock);
        this.invocations = new Invocations(env);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(
                context, () -> Json.writeResult(out, round.run().summary().toJson()));
    }

    public ProbeRound round() {
        return round;
    }
}
