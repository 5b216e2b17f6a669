package nl.vioms.sladesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.monthend.MonthEndHandler;
import nl.vioms.sladesk.monthend.ReportPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sladesk month-end --month 2026-11}: runs the month-end function for a closed month on
 * the local system, as the schedule does on the 1st, and prints its result as one JSON object,
 * with links to the reports that open on this machine.
 */
@Command(
        header = "Runs month-end for a closed month on the local system.",
        name = "month-end",
        mixinStandardHelpOptions = true,
        description = "Runs month-end for a closed month on the local system: availability, ticket "
                + "compliance, credits and reports (R23-R26); prints the run's result as one JSON "
                + "object. Its links open in a browser: on a running ./sladesk up, "
                + "http://127.0.0.1:PORT/reports/...; else the month's reports are copied to "
                + ".sladesk/reports/ and linked as files. With --stack, invokes the stack's "
                + "MonthEndFunction and prints its result.")
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
        Optional<JsonNode> up = RunningSystem.running();
        try (OperatorTarget target = Sladesk.target(spec)) {
            Optional<LocalAws> local = target.local();
            if (local.isEmpty()) {
                // a deployed stack: its function runs there; its result (with its s3:// and console links) as is
                spec.commandLine().getOut().println(target.invoke("MonthEndFunction", Json.write(event)));
                return 0;
            }
            LocalAws aws = local.get();
            var handler =
                    new MonthEndHandler(target.environmentOf("MonthEndFunction"), target.clients(), Clock.systemUTC());
            String result = LambdaInvoke.invokeJson(handler, Json.write(event), null);
            spec.commandLine().getOut().println(withLocalLinks(result, aws, up));
        }
        return 0;
    }

    /**
     * The result with links that open on this machine (issue 20 item 6) instead of the function's
     * {@code s3://} and console links, which lead nowhere locally: with ./sladesk up running, its
     * API's {@code /reports/} (served from the emulator's bucket, {@link LocalReports}); without
     * it, the month's reports copied to {@code .sladesk/reports/} and their file addresses.
     */
    private static String withLocalLinks(String result, LocalAws aws, Optional<JsonNode> up) {
        try {
            ObjectNode json = (ObjectNode) DatabindJson.MAPPER.readTree(result);
            if (!json.hasNonNull("month")) {
                return result;
            }
            YearMonth month = YearMonth.parse(json.get("month").asText());
            Map<String, String> links;
            if (up.isPresent()) {
                links = servedLinks(up.get().get("api").asText(), month);
            } else {
                Path folder = RunningSystem.stateFile().resolveSibling("reports");
                LocalReports.download(aws, ReportPublisher.prefix(month), folder);
                links = fileLinks(folder, month);
            }
            json.set("links", DatabindJson.MAPPER.valueToTree(links));
            return DatabindJson.MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the reports' local links", e);
        }
    }

    /** The month's links on the running API: the overview, finance's CSVs and the month's index. */
    static Map<String, String> servedLinks(String api, YearMonth month) {
        String base = (api.endsWith("/") ? api.substring(0, api.length() - 1) : api)
                + LocalReports.PREFIX
                + ReportPublisher.prefix(month);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("overview", base + "overview.html");
        links.put("finance", base + "finance.csv");
        links.put("financeNl", base + "financieel.csv");
        links.put("index", base);
        return links;
    }

    /** The month's links as files copied into {@code folder}. */
    static Map<String, String> fileLinks(Path folder, YearMonth month) {
        Path dir = folder.resolve(ReportPublisher.prefix(month)).toAbsolutePath();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("overview", dir.resolve("overview.html").toUri().toString());
        links.put("finance", dir.resolve("finance.csv").toUri().toString());
        links.put("financeNl", dir.resolve("financieel.csv").toUri().toString());
        links.put("folder", dir.toString());
        return links;
    }
}
