package nl.vioms.sladesk.slacheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.reports.ReportsRepository;

/**
 * The scheduled SLA check (every minute): the clocks due by now, from the sparse due index, get
 * their warnings and breaches recorded once, with the escalations of R17 written to the outbox in
 * the same transaction. The event itself carries nothing the sweep needs, so it is not read; a
 * stream entry keeps the runtime's Jackson off the cold start (decision 11).
 */
public final class SlaCheckHandler implements RequestStreamHandler {
    private final SlaSweep sweep;
    private final MonthEndWatch monthEnd;
    private final Clock clock;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public SlaCheckHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public SlaCheckHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.sweep = new SlaSweep(services.ticketRepository(), services.ticketService(), services.outbox());
        // the month-end dead man's switch reads the Reports table only when and until it is due
        ReportsRepository reports = services.reports(); // at init: a missing REPORTS_TABLE stops it there
        this.monthEnd = new MonthEndWatch(reports::runFinished);
        this.clock = clock;
        this.invocations = new Invocations(env);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(context, () -> {
            Instant now = clock.instant();
            // before the sweep: a sweep that fails must not silence the month-end switch
            monthEnd.check(now);
            Json.writeResult(out, SweepSummary.of(sweep.run(now)).toJson());
        });
    }
}
