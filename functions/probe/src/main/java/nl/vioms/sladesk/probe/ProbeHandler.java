package nl.vioms.sladesk.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.monitoring.ProbeRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.TicketClocks;

/**
 * The scheduled probe (every minute, R20-R22): one round of checks of every target, streaks,
 * outages, notifications and platform incidents. The event carries nothing the round needs, so it
 * is not read; a stream entry keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class ProbeHandler implements RequestStreamHandler {
    /** Threads are kept for the life of the execution environment, like the SDK clients. */
    private static final Prober PROBER = new Prober(Prober.DEFAULT_THREADS);

    private final ProbeRound round;

    /** Lambda's constructor: runs once per execution environment. */
    public ProbeHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public ProbeHandler(Environment env, AwsClients clients, Clock clock) {
        this(env, clients, clock, PROBER);
    }

    public ProbeHandler(Environment env, AwsClients clients, Clock clock, Prober prober) {
        AwsClients aws = clients != null ? clients : AwsClients.forLambda(env);
        var policies = PolicyLoader.loadDefault();
        var repository = new TicketRepository(aws.dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
        var tickets = new TicketService(repository, new TicketClocks(policies), new PriorityClassifier(), clock,
                env.require(EnvVar.PUBLIC_BASE_URL));
        String table = env.require(EnvVar.MONITORING_TABLE);
        this.round = new ProbeRound(new ProbeRepository(aws.dynamo(), table), new MonitoringRepository(aws.dynamo(), table),
                new OutboxRepository(aws.dynamo(), env.require(EnvVar.OUTBOX_TABLE)), tickets, policies, prober, clock);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        Json.writeResult(out, round.run().summary());
    }

    public ProbeRound round() {
        return round;
    }
}
