package nl.vioms.sladesk.local;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.monthend.MonthEndHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sladesk month-end --month 2026-11}: runs the month-end function for a closed month on
 * the local system, as the schedule does on the 1st, and prints its result as one JSON object.
 */
@Command(
        header = "Runs month-end for a closed month on the local system.",
        name = "month-end",
        mixinStandardHelpOptions = true,
        description = "Runs month-end for a closed month on the local system: availability, ticket "
                + "compliance, credits and reports (R23-R26); prints the run's result as one JSON "
                + "object.")
final class MonthEndCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--month",
            paramLabel = "YYYY-MM",
            description = "Calendar month in Amsterdam time (default: the month just closed).")
    String month;

    @Override
    public Integer call() {
        CliArgs args = new CliArgs(spec.commandLine());
        Map<String, Object> event = new LinkedHashMap<>();
        if (month != null) {
            YearMonth parsed = args.parse("--month", month, YearMonth::parse, "is not a month like 2026-11");
            if (parsed.plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(CliArgs.AMSTERDAM)
                    .toInstant()
                    .isAfter(Instant.now())) {
                throw args.bad("--month", month, "has not ended yet");
            }
            event.put("month", parsed.toString());
        }
        try (LocalAws aws = RunningSystem.open()) {
            var handler = new MonthEndHandler(aws.environmentOf("MonthEndFunction"), aws.clients(), Clock.systemUTC());
            spec.commandLine().getOut().println(LambdaInvoke.invokeJson(handler, Json.write(event), null));
        }
        return 0;
    }
}
