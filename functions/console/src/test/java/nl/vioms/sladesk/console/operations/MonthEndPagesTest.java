package nl.vioms.sladesk.console.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthSummary;
import nl.vioms.sladesk.aws.reports.ReportsRepository.MonthVersion;
import nl.vioms.sladesk.aws.reports.ReportsRepository.ServiceFigure;
import nl.vioms.sladesk.console.ConsolePages;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The month-end page (issue 17, page 5) on the emulators: the month's stored results per contract
 * as the reports print them, the reports streamed from the bucket behind the role check, and
 * "run a closed month again" for operations and admin only, after a confirmation.
 */
@ExtendWith(AwsEmulators.class)
class MonthEndPagesTest {
    /** Fri 4 Dec 2026 14:12 in Amsterdam: November is closed, December is not. */
    private static final Instant NOW = Instant.parse("2026-12-04T13:12:00Z");

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String OPS = "ops@vioms.demo";
    private static final String FINANCE = "finance@vioms.demo";
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final List<YearMonth> STARTED = new CopyOnWriteArrayList<>();

    private static ConsolePages pages;

    @BeforeAll
    static void seed(LocalAws aws) {
        aws.seed("demo");
        Services services = new Services(aws.environmentOf("ConsoleFunction"), aws.clients(), CLOCK);
        PageRouter router = ConsolePages.router();
        MonthEndPages.register(router, services, STARTED::add);
        pages = new ConsolePages(router::route);
        var reports = services.reports();
        reports.putRun(NOVEMBER, Instant.parse("2026-12-01T00:07:00Z"), 2);
        // November: 30 days = 43 200 min. Bakery's PBX down 149,28 min:
        // (43 200 - 149,28) / 43 200 = 99,65444...% -> 99,6544 at the report's 4 decimals, under the 99,8 % KPI;
        // credit 5 % of its 500,00 monthly fees (250 licence + 250 fixed) = 25,00
        reports.putSummary(new MonthSummary(
                "bakkerij-devries",
                NOVEMBER,
                2,
                "hash-b",
                Instant.parse("2026-12-01T00:06:00Z"),
                List.of(new ServiceFigure(
                        "pbx",
                        new BigDecimal("43200"),
                        new BigDecimal("149.28"),
                        new BigDecimal("99.6544"),
                        new BigDecimal("99.8"))),
                "pbx",
                new BigDecimal("5"),
                new BigDecimal("25.00")));
        // the hotel's trunk never went down: 100,0000 %, KPI 99,95 % met, no credit
        reports.putSummary(new MonthSummary(
                "hotel-gouden-leeuw",
                NOVEMBER,
                1,
                "hash-h",
                Instant.parse("2026-12-01T00:06:30Z"),
                List.of(new ServiceFigure(
                        "trunk",
                        new BigDecimal("43200"),
                        BigDecimal.ZERO,
                        new BigDecimal("100.0000"),
                        new BigDecimal("99.95"))),
                "trunk",
                BigDecimal.ZERO,
                new BigDecimal("0.00")));
        // the versions' own figures, as ContractMonth.figures() stores them (strings keep the 4 decimals)
        reports.putVersion(version(
                "bakkerij-devries",
                2,
                Map.of(
                        "service.pbx.availability", "99.6544",
                        "service.pbx.kpiMet", "false",
                        "credit.basis", "pbx",
                        "credit.amount", "25.00")));
        reports.putVersion(version(
                "hotel-gouden-leeuw",
                1,
                Map.of(
                        "service.pbx.availability", "99.9990",
                        "service.pbx.kpiMet", "true",
                        "service.trunk.availability", "100.0000",
                        "service.trunk.kpiMet", "true",
                        "credit.basis", "trunk",
                        "credit.amount", "0.00")));
        String bucket = services.setting(EnvVar.REPORTS_BUCKET);
        services.s3()
                .putObject(
                        b -> b.bucket(bucket).key("month-end/2026-11/overview.html"),
                        RequestBody.fromString("<h1>SLA-maandoverzicht november 2026</h1>"));
        services.s3()
                .putObject(
                        b -> b.bucket(bucket).key("month-end/2026-11/finance.csv"),
                        RequestBody.fromString("customer,credit\nbakkerij-devries,25.00\n"));
        services.s3()
                .putObject(
                        b -> b.bucket(bucket).key("month-end/2026-11/contracts/bakkerij-devries/v0002.html"),
                        RequestBody.fromString("<h1>Bakkerij De Vries</h1>"));
    }

    @BeforeEach
    void reset() {
        CLOCK.set(NOW);
        STARTED.clear();
    }

    @Test
    void eachContractShowsNameLevelAvailabilityKpiAndCreditAsTheReports() {
        WebResponse response = pages.get("/console/month-end?maand=2026-11", FINANCE, Role.FINANCE);

        assertEquals(200, response.statusCode());
        Document page = ConsolePages.html(response);
        assertEquals("november 2026", page.selectFirst("#maand-kop").text());
        assertEquals(
                List.of("N", "Hosted PBX (12 toestellen)", "99,6544 %", "nee (norm 99,8 %)", "€ 25,00", "versie 2"),
                row(page, "Bakkerij De Vries").select("td").eachText());
        assertEquals(
                List.of("HA", "SIP trunk 30 kanalen", "100,0000 %", "ja (norm 99,95 %)", "€ 0,00", "versie 1"),
                row(page, "Hotel De Gouden Leeuw").select("td").eachText());
        assertEquals("€ 25,00", page.selectFirst("tfoot td.num").text(), "25,00 + 0,00");
        assertEquals(
                "/console/month-end/2026-11/reports/contracts/bakkerij-devries/v0002.html",
                row(page, "Bakkerij De Vries").selectFirst("a").attr("href"));
        assertTrue(page.select("a[href$=/rerun]").isEmpty(), "finance reads only: no re-run");
    }

    @Test
    void theReportsAreStreamedFromTheBucketBehindTheRoleCheck() {
        WebResponse overview = pages.get("/console/month-end/2026-11/reports/overview.html", FINANCE, Role.FINANCE);
        WebResponse csv = pages.get("/console/month-end/2026-11/reports/finance.csv", FINANCE, Role.FINANCE);
        WebResponse contract = pages.get(
                "/console/month-end/2026-11/reports/contracts/bakkerij-devries/v0002.html", OPS, Role.OPERATIONS);
        WebResponse telephony =
                pages.get("/console/month-end/2026-11/reports/finance.csv", "tel@vioms.demo", Role.TELEPHONY);
        WebResponse unknown = pages.get("/console/month-end/2026-11/reports/secrets.txt", FINANCE, Role.FINANCE);
        WebResponse traversal =
                pages.get("/console/month-end/2026-11/reports/contracts/..%2F..%2Fx/v0001.html", FINANCE, Role.FINANCE);

        assertEquals(200, overview.statusCode());
        assertEquals("<h1>SLA-maandoverzicht november 2026</h1>", overview.body());
        assertTrue(overview.headers().get("content-security-policy").startsWith("sandbox"));
        assertEquals("customer,credit\nbakkerij-devries,25.00\n", csv.body());
        assertEquals("attachment; filename=\"finance.csv\"", csv.headers().get("content-disposition"));
        assertEquals("<h1>Bakkerij De Vries</h1>", contract.body());
        assertEquals(403, telephony.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(404, traversal.statusCode());
    }

    @Test
    void operationsRunAClosedMonthAgainAfterConfirming() {
        Document page = ConsolePages.html(pages.get("/console/month-end", OPS, Role.OPERATIONS));
        assertEquals(
                "/console/month-end/2026-11/rerun",
                page.selectFirst("a[href$=/rerun]").attr("href"));

        Document confirm = ConsolePages.html(pages.get("/console/month-end/2026-11/rerun", OPS, Role.OPERATIONS));
        assertTrue(confirm.text().contains("november 2026 opnieuw"), confirm.text());
        assertTrue(STARTED.isEmpty(), "the confirmation page starts nothing");

        WebResponse unconfirmed = pages.post("/console/month-end/2026-11/rerun", Map.of(), OPS, Role.OPERATIONS);
        assertEquals(400, unconfirmed.statusCode());
        WebResponse started =
                pages.post("/console/month-end/2026-11/rerun", Map.of("confirm", "ja"), OPS, Role.OPERATIONS);

        assertEquals(303, started.statusCode());
        assertEquals(List.of(NOVEMBER), STARTED);
    }

    @Test
    void financeCannotRunAMonthAgain() {
        WebResponse refused =
                pages.post("/console/month-end/2026-11/rerun", Map.of("confirm", "ja"), FINANCE, Role.FINANCE);

        assertEquals(403, refused.statusCode());
        assertEquals(
                403,
                pages.get("/console/month-end/2026-11/rerun", FINANCE, Role.FINANCE)
                        .statusCode());
        assertTrue(STARTED.isEmpty());
    }

    @Test
    void aMonthNotYetClosedOrNotAMonthIsRefusedWith400() {
        WebResponse december =
                pages.post("/console/month-end/2026-12/rerun", Map.of("confirm", "ja"), "admin@vioms.demo", Role.ADMIN);
        WebResponse nonsense =
                pages.post("/console/month-end/2026-13/rerun", Map.of("confirm", "ja"), OPS, Role.OPERATIONS);
        WebResponse future = pages.get("/console/month-end?maand=2027-01", FINANCE, Role.FINANCE);
        WebResponse notRun = pages.get("/console/month-end?maand=2025-01", FINANCE, Role.FINANCE);

        assertEquals(400, december.statusCode());
        assertTrue(ConsolePages.html(december).text().contains("december 2026 is nog niet afgesloten"));
        assertEquals(400, nonsense.statusCode());
        assertEquals(400, future.statusCode(), "a month in the future");
        assertEquals(404, notRun.statusCode(), "a closed month month-end did not run for");
        assertTrue(STARTED.isEmpty());
    }

    private static MonthVersion version(String customer, int version, Map<String, String> figures) {
        return new MonthVersion(
                customer,
                NOVEMBER,
                version,
                "hash-" + customer,
                Instant.parse("2026-12-01T00:06:00Z"),
                "policy-2026",
                "calendar-2026",
                new TreeMap<>(figures),
                List.of(),
                "{}",
                Map.of());
    }

    private static Element row(Document page, String customer) {
        return page.select("tbody tr").stream()
                .filter(tr -> tr.selectFirst("th") != null
                        && tr.selectFirst("th").text().equals(customer))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + customer));
    }
}
