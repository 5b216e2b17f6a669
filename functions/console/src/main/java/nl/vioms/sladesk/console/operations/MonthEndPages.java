package nl.vioms.sladesk.console.operations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.vioms.sladesk.app.DutchNumbers;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.reports.ReportsRepository;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthRun;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthSummary;
import nl.vioms.sladesk.aws.reports.ReportsRepository.ServiceFigure;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.time.Amsterdam;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The month-end page (issue 17, page 5): the months month-end ran for and, per contract, the
 * figures of its latest version as the reports print them (availability as computed, the credit
 * in euros), with the reports themselves served through the console (decision 25) and, for
 * operations and admin only, "run a closed month again" after a confirmation.
 */
public final class MonthEndPages {
    static final String PATH = "/console/month-end";
    private static final Set<Role> READERS = Set.of(Role.FINANCE, Role.OPERATIONS, Role.ADMIN);
    /** Finance reads; re-running a month is operations' and admin's. */
    private static final Set<Role> RUNNERS = Set.of(Role.OPERATIONS, Role.ADMIN);
    /** The month's files month-end publishes beside the contract reports. */
    private static final Map<String, String> MONTH_FILES = Map.of(
            "overview.html", "text/html; charset=utf-8",
            "finance.csv", "text/csv; charset=utf-8",
            "financieel.csv", "text/csv; charset=utf-8");

    private static final Pattern CUSTOMER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern CONTRACT_FILE = Pattern.compile("v\\d{4}\\.(html|json)");

    private final Services services;
    private final MonthEndRuns runs;

    private MonthEndPages(Services services, MonthEndRuns runs) {
        this.services = services;
        this.runs = runs;
    }

    /** The pages with month-end started by an asynchronous invoke of the month-end function. */
    public static void register(PageRouter router, Services services) {
        register(router, services, new LambdaMonthEndRuns(services));
    }

    public static void register(PageRouter router, Services services, MonthEndRuns runs) {
        MonthEndPages pages = new MonthEndPages(services, runs);
        router.page("GET", "/month-end", READERS, pages::show)
                .page("GET", "/month-end/{month}/reports/{name}", READERS, pages::monthFile)
                .page("GET", "/month-end/{month}/reports/contracts/{customer}/{file}", READERS, pages::contractFile)
                .page("GET", "/month-end/{month}/rerun", RUNNERS, pages::confirmRerun)
                .page("POST", "/month-end/{month}/rerun", RUNNERS, pages::rerun);
    }

    /** One contract's month as the table shows it. */
    public record ContractRow(
            String customer,
            String level,
            String service,
            String availability,
            String kpi,
            String kpiClass,
            String credit,
            String report,
            int version) {}

    /** A month with results. */
    public record MonthLink(String month, String label, String finished, boolean current) {}

    private WebResponse show(WebRequest request, Session session, PathParameters parameters) {
        List<MonthRun> months = services.reports().runs();
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", new Chrome("Maandafsluiting", session, PATH));
        model.put("csrf", session.csrfToken());
        model.put("mayRun", session.user().roles().stream().anyMatch(RUNNERS::contains));
        model.put(
                "notice",
                request.query("gedaan").filter("opnieuw"::equals).isPresent()
                        ? "De maand wordt opnieuw berekend. Operations krijgen bericht zodra de rapporten klaar zijn."
                        : "");
        if (months.isEmpty()) {
            model.put("months", List.of());
            model.put("month", "");
            model.put("label", "");
            model.put("rows", List.of());
            model.put("total", "");
            return Views.page(200, "monthend/page.jte", model);
        }
        YearMonth chosen = request.query("maand")
                .map(this::closedMonth)
                .orElse(months.get(0).month());
        MonthRun run = months.stream()
                .filter(r -> r.month().equals(chosen))
                .findFirst()
                .orElseThrow(() -> new WebError(404, "Voor " + Moments.month(chosen) + " zijn er geen resultaten."));
        List<ContractRow> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Customer customer : services.directory().customers()) {
            Optional<MonthSummary> summary = services.reports().summary(customer.id(), chosen);
            if (summary.isPresent()) {
                rows.add(row(customer, summary.get(), chosen));
                total = total.add(
                        Optional.ofNullable(summary.get().creditAmount()).orElse(BigDecimal.ZERO));
            }
        }
        rows.sort(Comparator.comparing(ContractRow::customer));
        model.put(
                "months",
                months.stream()
                        .map(r -> new MonthLink(
                                r.month().toString(),
                                Moments.month(r.month()),
                                Moments.dayTime(r.finishedAt()) + " · " + r.contracts() + " contracten",
                                r.month().equals(run.month())))
                        .toList());
        model.put("month", chosen.toString());
        model.put("label", Moments.month(chosen));
        model.put("rows", rows);
        model.put("total", DutchNumbers.money(total));
        return Views.page(200, "monthend/page.jte", model);
    }

    /**
     * The contract's headline: the service its credit is based on (R25), else its first. The figures are
     * the stored version's own ({@code ContractMonth.figures()}): the availability with the report's 4
     * decimals, KPI met as month-end judged it on the exact ratio (a figure shown as 99,6000 % may miss
     * a 99,6 % KPI), the credit amount; nothing is recomputed here.
     */
    private ContractRow row(Customer customer, MonthSummary summary, YearMonth month) {
        Map<String, String> figures = services.reports()
                .figures(customer.id(), month, summary.version())
                .orElseThrow(() -> new IllegalStateException("summary of " + customer.id() + " " + month
                        + " names version " + summary.version() + ", which is not stored"));
        String basis = Optional.ofNullable(figures.get("credit.basis"))
                .filter(id -> !id.equals("null"))
                .or(() -> summary.services().stream()
                        .map(ServiceFigure::serviceId)
                        .findFirst())
                .orElse("");
        String available = figures.getOrDefault("service." + basis + ".availability", "null");
        String met = figures.getOrDefault("service." + basis + ".kpiMet", "null");
        Optional<BigDecimal> target = summary.services().stream()
                .filter(f -> f.serviceId().equals(basis))
                .map(ServiceFigure::kpi)
                .filter(kpi -> kpi != null)
                .findFirst();
        String norm =
                target.map(kpi -> " (norm " + DutchNumbers.percent(kpi) + ")").orElse("");
        String kpi;
        String kpiClass;
        switch (met) {
            case "true":
                kpi = "ja" + norm;
                kpiClass = "ok";
                break;
            case "false":
                kpi = "nee" + norm;
                kpiClass = "bad";
                break;
            default:
                kpi = "geen oordeel";
                kpiClass = "muted";
        }
        String name = customer.services().stream()
                .filter(s -> s.id().equals(basis))
                .findFirst()
                .map(s -> s.name() == null ? s.id() : s.name())
                .orElse(basis);
        String credit = figures.get("credit.amount");
        return new ContractRow(
                customer.name(),
                customer.level().name(),
                name,
                available.equals("null") ? "geen gegevens" : DutchNumbers.percent(new BigDecimal(available)),
                kpi,
                kpiClass,
                DutchNumbers.money(credit == null ? summary.creditAmount() : new BigDecimal(credit)),
                PATH + "/" + month + "/reports/"
                        + ReportsRepository.contractReport(customer.id(), summary.version(), "html"),
                summary.version());
    }

    /** The overview or a finance export of a month, streamed from the reports bucket. */
    private WebResponse monthFile(WebRequest request, Session session, PathParameters parameters) {
        YearMonth month = month(parameters.get("month"));
        String name = parameters.get("name");
        String type = MONTH_FILES.get(name);
        if (type == null) {
            throw new WebError(404, "Dit rapport bestaat niet.");
        }
        return report(ReportsRepository.reportPrefix(month) + name, type, name);
    }

    /** One contract's report of one version. */
    private WebResponse contractFile(WebRequest request, Session session, PathParameters parameters) {
        YearMonth month = month(parameters.get("month"));
        String customer = parameters.get("customer");
        String file = parameters.get("file");
        if (!CUSTOMER_ID.matcher(customer).matches()
                || !CONTRACT_FILE.matcher(file).matches()) {
            throw new WebError(404, "Dit rapport bestaat niet.");
        }
        String type = file.endsWith(".html") ? "text/html; charset=utf-8" : "application/json";
        return report(ReportsRepository.reportPrefix(month) + "contracts/" + customer + "/" + file, type, file);
    }

    /**
     * A stored report as is. Its HTML carries its own inline style (reports are read outside the
     * console too), so it gets a policy of its own: a sandbox without script, styles inline only.
     */
    private WebResponse report(String key, String type, String name) {
        S3Client s3 = services.s3();
        String bucket = services.setting(EnvVar.REPORTS_BUCKET);
        String body;
        try {
            body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
        } catch (NoSuchKeyException e) {
            throw new WebError(404, "Dit rapport bestaat niet (meer).");
        }
        WebResponse response = WebResponse.of(200, type, body);
        if (type.startsWith("text/html")) {
            return response.withHeader(
                    "content-security-policy",
                    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        }
        return response.withHeader("content-disposition", "attachment; filename=\"" + name + "\"");
    }

    private WebResponse confirmRerun(WebRequest request, Session session, PathParameters parameters) {
        YearMonth month = closedMonth(parameters.get("month"));
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", new Chrome("Maand opnieuw berekenen", session, PATH));
        model.put("csrf", session.csrfToken());
        model.put("month", month.toString());
        model.put("label", Moments.month(month));
        return Views.page(200, "monthend/rerun.jte", model);
    }

    /** R26: a closed month may be computed again; each run is a new version, never an overwrite. */
    private WebResponse rerun(WebRequest request, Session session, PathParameters parameters) {
        YearMonth month = closedMonth(parameters.get("month"));
        if (request.form("confirm").isEmpty()) {
            throw new WebError(400, "Bevestig eerst dat je " + Moments.month(month) + " opnieuw wilt berekenen.");
        }
        runs.start(month);
        return WebResponse.redirect(PATH + "?maand=" + month + "&gedaan=opnieuw");
    }

    /** A month that has ended (Amsterdam): a month still running cannot be closed yet. */
    private YearMonth closedMonth(String text) {
        YearMonth month = month(text);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(Amsterdam.ZONE).toInstant();
        if (end.isAfter(services.clock().instant())) {
            throw new WebError(
                    400,
                    Moments.month(month) + " is nog niet afgesloten; alleen een afgelopen maand kan"
                            + " opnieuw berekend worden.");
        }
        return month;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new WebError(400, "'" + text + "' is geen maand zoals 2026-11.");
        }
    }
}
