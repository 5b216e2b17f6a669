package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.ConsoleServer;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The portal's reports in headless Chromium (issue 18), served over HTTP ({@link ConsoleServer}) and
 * logged in with {@link TestLogin}'s cookie as telnet's staff: the reports page, a click to a customer's
 * month, the CSV link fetched as the browser would download it; axe-core at 1280 and 390 px.
 * Screenshots: target/screenshots/portal-reports-*.png. Skipped where no chromium-driver is installed.
 */
@ExtendWith(AwsEmulators.class)
class PortalReportsBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Instant NOW = Instant.parse("2026-12-04T13:12:00Z");

    private static ConsoleServer server;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        ConsoleClient client = ConsoleClient.portal(aws, new MutableClock(NOW));
        PortalReportsTest.closeSeptember(aws);
        server = ConsoleServer.start(client.app);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reportsCustomerReportAndCsvPassAxeAtBothWidths() {
        try (WebBrowser browser = WebBrowser.startOrSkip()) {
            login(browser);
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 900);
                browser.open(url("/portal/reports"));
                browser.clickAndWaitForPage(By.linkText("september 2026"));
                assertTrue(browser.url().endsWith("/portal/reports?maand=2026-09"), browser.url());
                assertTrue(browser.text().contains("Bakkerij De Vries"), browser.text());
                assertFalse(browser.text().contains("Tandartspraktijk Smit"), "belwinkel's customer");
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "reports at " + width);
                browser.screenshot(SHOTS, "portal-reports-" + width);

                browser.clickAndWaitForPage(By.cssSelector("a[href='/portal/reports/2026-09/hotel-gouden-leeuw']"));
                assertEquals(
                        "Hotel De Gouden Leeuw", browser.find(By.tagName("h1")).getText());
                assertEquals("€ 89,00", browser.find(By.id("credit-bedrag")).getText());
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "customer report at " + width);
                browser.screenshot(SHOTS, "portal-report-" + width);
                assertEquals(List.of(), browser.pageErrors(), "no script or CSP errors at " + width);
            }
            // the page's CSV link, fetched with the browser's own cookie as its download would be
            String href = browser.find(By.cssSelector("a[download]")).getAttribute("href");
            Object answer = browser.driver()
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + '\\n'"
                                    + " + r.headers.get('content-type') + '\\n' + r.headers.get('content-disposition')"
                                    + " + '\\n' + (t.split('\\r\\n').length - 1) + '/' + (t.split('\\n').length - 1)"
                                    + " + '\\n' + t)));",
                            href);
            String[] response = String.valueOf(answer).split("\n", 5);
            assertEquals("200", response[0]);
            assertEquals("text/csv; charset=utf-8", response[1]);
            assertEquals("attachment; filename=\"sla-telnet-2026-09.csv\"", response[2]);
            // every line ends in CRLF, as the browser received it (the driver's own answer drops the CRs)
            String[] crlfAndLf = response[3].split("/");
            assertEquals(crlfAndLf[1], crlfAndLf[0], "CRLF line ends");
            String body = response[4];
            assertTrue(body.startsWith(PortalReports.CSV_HEADER), body);
            assertTrue(body.contains(",hotel-gouden-leeuw,Hotel De Gouden Leeuw,pbx,"), body);
            assertFalse(body.contains("tandarts-smit"), body);
        }
    }

    private static void login(WebBrowser browser) {
        server.logIn(browser, Site.PORTAL, TestLogin.reseller("anna@telnet.demo", "telnet", false));
    }

    private static URI url(String path) {
        return server.url(path);
    }
}
