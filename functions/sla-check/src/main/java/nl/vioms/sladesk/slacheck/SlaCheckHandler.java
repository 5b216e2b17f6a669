package nl.vioms.sladesk.slacheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.TicketClocks;

/**
 * The scheduled SLA check (every minute): the clocks due by now, from the sparse due index, get
 * their warnings and breaches recorded once, with the escalations of R17 written to the outbox in
 * the same transaction. The event itself carries nothing the sweep needs, so it is not read; a
 * stream entry keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class SlaCheckHandler implements RequestStreamHandler {
    private final SlaSweep sweep;
    private final Clock clock;

    /** Lambda's constructor: runs once per execution environment. */
    public SlaCheckHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public SlaCheckHandler(Environment env, AwsClients clients, Clock clock) {
        AwsClients aws = clients != null ? clients : AwsClients.forLambda(env);
        var repository = new TicketRepository(aws.dynamo(), env.require(EnvVar.TICKETS_TABLE), env.require(EnvVar.OUTBOX_TABLE));
        var tickets = new TicketService(repository, new TicketClocks(PolicyLoader.loadDefault()), new PriorityClassifier(),
                clock, env.require(EnvVar.PUBLIC_BASE_URL));
        this.sweep = new SlaSweep(repository, tickets,
                new nl.vioms.sladesk.aws.outbox.OutboxRepository(aws.dynamo(), env.require(EnvVar.OUTBOX_TABLE)));
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        var result = sweep.run(clock.instant());
        Json.writeResult(out, Map.of("dueEntriesRead", result.entriesRead(), "tickets", result.tickets(),
                "checkpointsRecorded", result.checkpointsRecorded()));
    }
}
