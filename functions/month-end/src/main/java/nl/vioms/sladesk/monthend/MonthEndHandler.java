package nl.vioms.sladesk.monthend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.aws.outbox.OutboxRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.tickets.TicketRepository;
import nl.vioms.sladesk.core.policy.PolicyLoader;

/**
 * Month-end (R23-R26): the EventBridge schedule fires at 00:05 Amsterdam time on the 1st with no
 * month, and the month just closed is run; {@code {"month": "2026-11"}} runs any closed month
 * (./sladesk month-end). Thin: the work is {@link MonthEnd}. A stream entry reads the event with
 * jackson-jr, keeping the runtime's Jackson off the cold start (decision 11).
 */
public final class MonthEndHandler implements RequestStreamHandler {
    private final MonthEnd monthEnd;
    private final Clock clock;

    /** Lambda's constructor: runs once per execution environment. */
    public MonthEndHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public MonthEndHandler(Environment env, AwsClients clients, Clock clock) {
        AwsClients aws = clients != null ? clients : AwsClients.forLambda(env);
        this.monthEnd = new MonthEnd(
                new DirectoryRepository(aws.dynamo(), env.require(EnvVar.DIRECTORY_TABLE)),
                new MonitoringRepository(aws.dynamo(), env.require(EnvVar.MONITORING_TABLE)),
                new TicketRepository(aws.dynamo(), env.require(EnvVar.TICKETS_TABLE)),
                new ReportsRepository(aws.dynamo(), env.require(EnvVar.REPORTS_TABLE)),
                new ReportPublisher(aws.s3(), env.require(EnvVar.REPORTS_BUCKET),
                        new OutboxRepository(aws.dynamo(), env.require(EnvVar.OUTBOX_TABLE)), env.region()),
                PolicyLoader.loadDefault(), clock, MonthEnd.DEFAULT_CONCURRENCY);
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        Json.writeResult(out, run(Json.readEvent(event)));
    }

    private Map<String, Object> run(Map<String, Object> event) {
        YearMonth month = monthOf(event);
        MonthEnd.RunResult run = monthEnd.run(month);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", month.toString());
        out.put("contracts", run.contracts().size());
        out.put("new", run.count(MonthEnd.Outcome.NEW));
        out.put("changed", run.count(MonthEnd.Outcome.CHANGED));
        out.put("unchanged", run.count(MonthEnd.Outcome.UNCHANGED));
        out.put("totalCredit", run.totalCredit().toPlainString());
        out.put("links", run.links());
        return out;
    }

    /** The event's month, or the month just closed (the schedule sends none). */
    YearMonth monthOf(Map<String, Object> event) {
        Object month = event == null ? null : event.get("month");
        if (month == null || month.toString().isBlank()) return MonthEnd.previousMonth(clock.instant());
        try {
            return YearMonth.parse(month.toString().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("month '" + month + "' is not a month like 2026-11");
        }
    }
}
