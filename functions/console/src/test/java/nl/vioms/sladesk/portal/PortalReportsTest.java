package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.DutchNumbers;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.aws.monitoring.MonitoringRepository;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.monitoring.Outage;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.monthend.MonthEndHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's reports (issue 18) on the emulators, with month-end itself run for September 2026 on the
 * demo directory: each reseller sees its own customers' months only, on every route (list, report, CSV),
 * and every figure is the stored version's.
 *
 * <p>September 2026 in Amsterdam: 30 days, no clock change: 30 x 1 440 = 43 200 minutes (R23). The
 * hosted voice platform ({@code platform:hosted-voice}, carries hosted PBX, R21) is down from Tue 15 Sep
 * 08:00 to Wed 16 Sep 02:00 (CEST, UTC+2): 18 h = 1 080 minutes, on weekdays, outside the weekend's
 * service window (R18), so all of it is down time for every hosted PBX:
 * <pre>
 *   availability = (43 200 - 1 080) / 43 200 = 42 120 / 43 200 = 97.5 % -> 97.5000 (4 decimals)
 *   R25: 99.6 - 97.5 = 2.1 points below; whole points (policy "whole") = 2; 2 x 5 % = 10 % of the licence fee
 *   Bakkerij De Vries (N, KPI 99.6 %, licence 250.00, fixed 250.00):
 *     10 % x 250.00 = 25.00; cap 60 % x 250.00 = 150.00 -> 25.00
 *   Hotel De Gouden Leeuw (HA, KPI 99.9 %, licence 890.00, fixed 600.00):
 *     10 % x 890.00 = 89.00; cap 60 % x 600.00 = 360.00 -> 89.00
 * </pre>
 * The hotel's SIP trunk has no record in September (no outage, no check): no data, no verdict (issue 20),
 * so its credit is the PBX's (R2: one credit per contract). Tandartspraktijk Smit (De Belwinkel) starts
 * on 9 November: no data in September, credit 0.00.
 */
@ExtendWith(AwsEmulators.class)
class PortalReportsTest {
    /** Fri 4 Dec 2026 14:12 in Amsterdam. */
    private static final Instant NOW = Instant.parse("2026-12-04T13:12:00Z");

    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final String ANNA = TestLogin.reseller("anna@telnet.demo", "telnet", false);
    private static final String BOB = TestLogin.reseller("bob@belwinkel.demo", "belwinkel", false);
    private static final String LIST = "/portal/reports?maand=2026-09";

    private static ConsoleClient client;

    @BeforeAll
    static void runMonthEnd(LocalAws aws) {
        client = ConsoleClient.portal(aws, CLOCK);
        closeSeptember(aws);
    }

    /** The platform's outage of 15-16 September and month-end's run for September, as the schedule runs it. */
    static void closeSeptember(LocalAws aws) {
        var monitoring =
                new MonitoringRepository(aws.clients().dynamo(), aws.resources().tableName("MonitoringTable"));
        Instant start = Instant.parse("2026-09-15T06:00:00Z"); // 08:00 CEST
        monitoring.putOutage(new Outage(
                "platform:hosted-voice",
                "sbc-1-sip",
                start,
                start.plusSeconds(240),
                Instant.parse("2026-09-16T00:00:00Z"), // 02:00 CEST
                null));
        // 00:05 Amsterdam on 1 October
        MutableClock run = new MutableClock(Instant.parse("2026-09-30T22:05:00Z"));
        var handler = new MonthEndHandler(aws.environmentOf("MonthEndFunction"), aws.clients(), run);
        LambdaInvoke.invokeJson(handler, "{\"month\":\"2026-09\"}", null);
    }

    @Test
    void telnetSeesItsOwnCustomersOnlyWithTheirServicesAndCredits() {
        Document page = client.page(LIST, ANNA);

        assertEquals("september 2026", page.selectFirst("#maand-kop").text());
        List<String> customers = page.select("tbody th[scope=rowgroup]").eachText();
        assertTrue(customers.containsAll(List.of("Bakkerij De Vries", "Hotel De Gouden Leeuw")), customers.toString());
        assertFalse(customers.contains("Tandartspraktijk Smit"), "belwinkel's customer");
        for (var customer : client.services.directory().customers()) {
            if (customers.contains(customer.name())) {
                assertEquals("telnet", customer.resellerId(), customer.name());
            }
        }
        assertFalse(page.text().contains("Tandarts"), page.text());
        // the bakery: one service; the hotel: PBX and trunk, the customer's cells spanning both lines
        assertEquals(
                List.of(
                        "Bakkerij De Vries",
                        "N",
                        "Hosted PBX (12 toestellen)",
                        "97,5000 %",
                        "niet gehaald (norm 99,6 %)",
                        "€ 25,00",
                        "Rapport Bakkerij De Vries"),
                cells(customerRow(page, "Bakkerij De Vries")));
        Element hotel = customerRow(page, "Hotel De Gouden Leeuw");
        assertEquals("2", hotel.selectFirst("th").attr("rowspan"));
        assertEquals(
                List.of("Hotel De Gouden Leeuw", "HA", "Hosted PBX", "97,5000 %"),
                cells(hotel).subList(0, 4));
        assertEquals("€ 89,00", hotel.select("td.num").get(1).text());
        assertEquals(
                List.of("SIP trunk 30 kanalen", "geen gegevens", "geen oordeel"), cells(hotel.nextElementSibling()));
        assertEquals(
                "/portal/reports/2026-09/bakkerij-devries",
                customerRow(page, "Bakkerij De Vries").selectFirst("a").attr("href"));
        assertEquals("/portal/reports/2026-09.csv", page.selectFirst("a#csv").attr("href"));
    }

    @Test
    void belwinkelSeesItsOwnCustomerOnly() {
        Document page = client.page(LIST, BOB);

        assertEquals(
                List.of("Tandartspraktijk Smit"),
                page.select("tbody th[scope=rowgroup]").eachText());
        assertEquals(
                List.of(
                        "Tandartspraktijk Smit",
                        "B",
                        "Hosted PBX",
                        "geen gegevens",
                        "geen oordeel",
                        "€ 0,00",
                        "Rapport Tandartspraktijk Smit"),
                cells(customerRow(page, "Tandartspraktijk Smit")));
        assertFalse(page.text().contains("Bakkerij"), page.text());
        assertFalse(page.text().contains("Gouden Leeuw"), page.text());
        assertEquals("€ 0,00", page.selectFirst("tfoot td.num").text());
    }

    @Test
    void everyFigureOnTheListIsTheStoredVersions() {
        Document page = client.page(LIST, ANNA);
        Services services = client.services;

        for (String id : List.of("bakkerij-devries", "hotel-gouden-leeuw")) {
            var summary = services.reports().summary(id, SEPTEMBER).orElseThrow();
            SortedMap<String, String> figures =
                    services.reports().figures(id, SEPTEMBER, summary.version()).orElseThrow();
            String name = services.directory().customer(id).orElseThrow().name();
            Element row = customerRow(page, name);
            assertEquals(
                    DutchNumbers.percent(new BigDecimal(figures.get("service.pbx.availability"))),
                    row.select("td.num").get(0).text(),
                    id);
            assertEquals(
                    DutchNumbers.money(new BigDecimal(figures.get("credit.amount"))),
                    row.select("td.num").get(1).text(),
                    id);
            assertEquals("false", figures.get("service.pbx.kpiMet"), id);
            assertEquals("pbx", figures.get("credit.basis"), id);
        }
        // the hand-worked figures of the class comment: 97.5000 % and 25.00 / 89.00
        SortedMap<String, String> bakery = client.services
                .reports()
                .figures("bakkerij-devries", SEPTEMBER, 1)
                .orElseThrow();
        assertEquals("97.5000", bakery.get("service.pbx.availability"));
        assertEquals(
                "1080",
                new BigDecimal(bakery.get("service.pbx.downMinutes"))
                        .stripTrailingZeros()
                        .toPlainString());
        assertEquals("25.00", bakery.get("credit.amount"));
        assertEquals(
                "10",
                new BigDecimal(bakery.get("credit.percent"))
                        .stripTrailingZeros()
                        .toPlainString());
    }

    @Test
    void aCustomersReportShowsTheStoredFigures() {
        Document page = client.page("/portal/reports/2026-09/hotel-gouden-leeuw", ANNA);

        assertEquals("Hotel De Gouden Leeuw", page.selectFirst("h1").text());
        assertEquals("september 2026", page.selectFirst("#maand").text());
        assertEquals("HA", page.selectFirst("#niveau").text());
        Element pbx = page.select("#diensten tbody tr").get(0);
        // 1 080 minutes down, none excluded or unknown (see the class comment)
        assertEquals(
                List.of("Hosted PBX", "97,5000 %", "niet gehaald (norm 99,9 %)", "1.080 min", "0 min", "0 min"),
                cells(pbx));
        assertEquals("Hosted PBX", page.selectFirst("#credit-dienst").text());
        assertEquals("10 %", page.selectFirst("#credit-percentage").text());
        assertEquals("€ 89,00", page.selectFirst("#credit-bedrag").text(), "10 % of 890,00 (R25)");
    }

    @Test
    void anotherResellersCustomerReportIsTheSameNotFoundAsAnUnknownOne() {
        WebResponse foreign = client.get("/portal/reports/2026-09/tandarts-smit", ANNA);
        WebResponse unknown = client.get("/portal/reports/2026-09/bestaat-niet", ANNA);
        WebResponse reverse = client.get("/portal/reports/2026-09/bakkerij-devries", BOB);
        WebResponse odd = client.get("/portal/reports/2026-09/..%2Fhotel", ANNA);

        assertEquals(404, foreign.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(404, reverse.statusCode());
        assertEquals(404, odd.statusCode());
        assertEquals(message(unknown), message(foreign), "no enumeration");
        assertEquals(message(unknown), message(reverse));
        assertFalse(foreign.body().contains("Tandarts"));
        assertFalse(reverse.body().contains("Bakkerij"));
    }

    @Test
    void theCsvHoldsTheResellersOwnCustomersPerServiceWithCreditsForImport() {
        WebResponse response = client.get("/portal/reports/2026-09.csv", ANNA);

        assertEquals(200, response.statusCode());
        assertEquals("text/csv; charset=utf-8", response.headers().get("content-type"));
        assertEquals(
                "attachment; filename=\"sla-telnet-2026-09.csv\"",
                response.headers().get("content-disposition"));
        List<String> lines = Arrays.asList(response.body().split("\r\n", -1));
        assertEquals(PortalReports.CSV_HEADER, lines.get(0));
        assertEquals("", lines.get(lines.size() - 1), "CRLF after the last line");
        Map<String, String> byService = lines.subList(1, lines.size() - 1).stream()
                .collect(Collectors.toMap(l -> l.split(",")[1] + "/" + l.split(",")[3], l -> l));
        assertEquals(
                "2026-09,bakkerij-devries,Bakkerij De Vries,pbx,Hosted PBX (12 toestellen),N,97.5000,1080,0,0,99.6,"
                        + "false,10,25.00",
                normalised(byService.get("bakkerij-devries/pbx")));
        assertEquals(
                "2026-09,hotel-gouden-leeuw,Hotel De Gouden Leeuw,pbx,Hosted PBX,HA,97.5000,1080,0,0,99.9,false,"
                        + "10,89.00",
                normalised(byService.get("hotel-gouden-leeuw/pbx")));
        assertEquals(
                "2026-09,hotel-gouden-leeuw,Hotel De Gouden Leeuw,trunk,SIP trunk 30 kanalen,HA,,,,,,,,",
                normalised(byService.get("hotel-gouden-leeuw/trunk")),
                "no data: no figure, no minutes, no verdict; the contract's one credit is on the PBX's line");
        assertTrue(byService.keySet().stream().noneMatch(k -> k.startsWith("tandarts-smit/")), byService.toString());
        for (String key : byService.keySet()) {
            String customer = key.substring(0, key.indexOf('/'));
            assertEquals(
                    "telnet",
                    client.services.directory().customer(customer).orElseThrow().resellerId(),
                    key);
        }
    }

    @Test
    void anotherResellersCsvHoldsNoneOfTheseCustomers() {
        String belwinkel = client.get("/portal/reports/2026-09.csv", BOB).body();

        assertEquals(
                PortalReports.CSV_HEADER + "\r\n"
                        + "2026-09,tandarts-smit,Tandartspraktijk Smit,pbx,Hosted PBX,B,,,,,,,0,0.00\r\n",
                normalisedAll(belwinkel));
    }

    @Test
    void aMonthThatIsNoClosedMonthIsNotFoundOnEveryRoute() {
        // bad text, no month, not ended (December 2026), never run (January 2025), a file that is no CSV
        for (String month : List.of("2026-13", "2026-9", "september", "2026-12", "2025-01")) {
            assertEquals(
                    404, client.get("/portal/reports/" + month + ".csv", ANNA).statusCode(), month);
            assertEquals(
                    404,
                    client.get("/portal/reports/" + month + "/bakkerij-devries", ANNA)
                            .statusCode(),
                    month);
            assertEquals(404, client.get("/portal/reports?maand=" + month, ANNA).statusCode(), month);
        }
        assertEquals(404, client.get("/portal/reports/2026-09.xlsx", ANNA).statusCode());
        WebResponse bad = client.get("/portal/reports/2026-13.csv", ANNA);
        assertTrue(message(bad).contains("geen rapportage"), message(bad));
    }

    @Test
    void inEnglishTheFiguresAreWrittenTheEnglishWay() {
        WebRequest request = WebRequest.of(
                "GET", "/portal/reports/2026-09/hotel-gouden-leeuw", Map.of(), List.of(ANNA, "sladesk-lang=en"), "");
        Document page = Jsoup.parse(client.app.handle(request).body());

        assertEquals("September 2026", page.selectFirst("#maand").text());
        assertEquals("€89.00", page.selectFirst("#credit-bedrag").text());
        assertEquals("10%", page.selectFirst("#credit-percentage").text());
        assertEquals(
                List.of("Hosted PBX", "97.5000%", "missed (target 99.9%)", "1,080 min", "0 min", "0 min"),
                cells(page.select("#diensten tbody tr").get(0)));
        assertEquals(
                "Availability per service", page.selectFirst("#diensten-kop").text());
    }

    @Test
    void theMonthInEnglishHasEnglishWordsMonthAndMoney() {
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", "/portal/reports");
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "sourceIp", "127.0.0.1")));
        event.put("queryStringParameters", Map.of("maand", "2026-09"));
        event.put("cookies", List.of(ANNA, "sladesk-lang=en"));
        Document page = Jsoup.parse(client.app.handle(new WebRequest(event)).body());

        assertEquals("Reports", page.selectFirst("h1").text());
        assertEquals("September 2026", page.selectFirst("#maand-kop").text());
        assertEquals("Download as CSV", page.selectFirst("a#csv").text());
        assertEquals(
                List.of("97.5000%", "missed (target 99.9%)", "€89.00"),
                List.of(
                        customerRow(page, "Hotel De Gouden Leeuw")
                                .select("td.num")
                                .get(0)
                                .text(),
                        customerRow(page, "Hotel De Gouden Leeuw")
                                .select("td span.state")
                                .text(),
                        customerRow(page, "Hotel De Gouden Leeuw")
                                .select("td.num")
                                .get(1)
                                .text()));
        assertEquals(
                "no data",
                customerRow(page, "Hotel De Gouden Leeuw")
                        .nextElementSibling()
                        .select("td.num")
                        .text());
    }

    @Test
    void theReportsNeedAPortalSession() {
        WebResponse anonymous = client.get("/portal/reports/2026-09.csv", "other=1");

        assertEquals(303, anonymous.statusCode());
        assertTrue(anonymous.headers().get("location").startsWith("/portal/login"));
    }

    private static Element customerRow(Document page, String customer) {
        for (Element th : page.select("tbody th[scope=rowgroup]")) {
            if (th.text().equals(customer)) {
                return th.parent();
            }
        }
        throw new AssertionError(
                "no line of " + customer + " in " + page.select("tbody").text());
    }

    private static List<String> cells(Element row) {
        return row.children().eachText();
    }

    private static String message(WebResponse response) {
        return Jsoup.parse(response.body()).select("p.notice").text();
    }

    /** The minutes (columns 8-10) as numbers: month-end stores "1080" or "1080.000000" alike. */
    private static String normalised(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 7; i <= 9 && i < cells.length; i++) {
            cells[i] = cells[i].isEmpty()
                    ? ""
                    : new BigDecimal(cells[i]).stripTrailingZeros().toPlainString();
        }
        return String.join(",", cells);
    }

    private static String normalisedAll(String body) {
        return Arrays.stream(body.split("\r\n"))
                .map(line -> line.equals(PortalReports.CSV_HEADER) ? line : normalised(line))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}
