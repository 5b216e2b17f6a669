package nl.vioms.sladesk.monthend;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.aws.AwsClients;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Invocations;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.monitoring.MonitoredService;

/**
 * Month-end (R23-R26): the EventBridge schedule fires at 00:05 Amsterdam time on the 1st with no
 * month, and the month just closed is run; {@code {"month": "2026-11"}} runs any closed month
 * (./sladesk month-end). Thin: the work is {@link MonthEnd}. A stream entry reads the event with
 * jackson-jr, keeping the runtime's Jackson off the cold start (decision 11).
 */
public final class MonthEndHandler implements RequestStreamHandler {
    private final MonthEnd monthEnd;
    private final Clock clock;
    private final Invocations invocations;

    /** Lambda's constructor: runs once per execution environment. */
    public MonthEndHandler() {
        this(Environment.fromSystem(), null, Clock.systemUTC());
    }

    /** @param clients the SDK clients, or null to build them for Lambda from the environment */
    public MonthEndHandler(Environment env, AwsClients clients, Clock clock) {
        Services services = new Services(env, clients, clock);
        this.monthEnd = new MonthEnd(
                services.directory(),
                services.monitoring(),
                services.probeRepository(),
                services.ticketRepository(),
                services.reports(),
                new ReportPublisher(
                        services.s3(),
                        services.setting(EnvVar.REPORTS_BUCKET),
                        services.outbox(),
                        env.region(),
                        id -> services.directory()
                                .reseller(id)
                                .map(Reseller::name)
                                .orElse(id),
                        // one Query per contract report: a few hundred services at most, once a month
                        key -> services.monitoring().services().stream()
                                .filter(s -> s.key().equals(key))
                                .map(MonitoredService::name)
                                .findFirst()
                                .orElse(key)),
                services.policies(),
                clock,
                MonthEnd.DEFAULT_CONCURRENCY);
        this.clock = clock;
        this.invocations = new Invocations(env);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream out, Context context) throws IOException {
        invocations.handle(
                context, () -> Json.writeResult(out, run(Json.readEvent(event)).toJson()));
    }

    private MonthEndResult run(Map<String, Object> event) {
        return MonthEndResult.of(monthEnd.run(monthOf(MonthEndRequest.from(event))));
    }

    /** The event's month, or the month just closed (the schedule sends none). */
    YearMonth monthOf(MonthEndRequest request) {
        String month = request.month();
        if (month == null || month.isBlank()) {
            return MonthEnd.previousMonth(clock.instant());
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("month '" + month + "' is not a month like 2026-11");
        }
    }
}
