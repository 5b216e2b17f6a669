package nl.vioms.sladesk.console.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.ConsoleServer;
import nl.vioms.sladesk.console.Role;
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
 * Beheer in a real browser (headless Chromium): an admin types a customer with a wrong number,
 * reads the message at the field, corrects it, and issues a token; axe-core finds no serious or
 * critical violation on any page, and each page is photographed at 1280 and 390 px
 * (target/screenshots/admin). The console is served by a small HTTP server in front of the real
 * ConsoleApp on the emulators; the session is TestLogin's cookie (the real login is branch auth).
 * Portaaltoegang (issue 18): a reseller's portal admin invited by typing and clicking.
 */
@ExtendWith(AwsEmulators.class)
class AdminBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "admin");

    private static ConsoleServer server;
    private static URI base;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        aws.seed("demo");
        ConsoleApp app = new ConsoleApp(
                new Services(
                        aws.environmentOf("ConsoleFunction"),
                        aws.clients(),
                        new MutableClock(Instant.parse("2026-11-26T09:12:30Z"))),
                new TestLogin());
        server = ConsoleServer.start(app);
        base = server.base();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAdminAddsACustomerByKeyboardAndIssuesATokenOnPagesWithoutSeriousViolations() {
        String id = "browser-" + System.nanoTime() % 1_000_000;
        try (WebBrowser browser = WebBrowser.startOrSkip(1280, 900)) {
            server.logIn(browser, Site.CONSOLE, TestLogin.cookie("admin@vioms.demo", Role.ADMIN));

            check(browser, "/console/admin", "start");
            check(browser, "/console/admin/resellers", "resellers");
            check(browser, "/console/admin/customers", "customers");
            check(browser, "/console/admin/customers/new", "customer-new");

            browser.type(By.id("veld-id"), id);
            browser.type(By.id("veld-name"), "Tandarts Glimlach");
            browser.find(By.cssSelector("#veld-reseller option[value=telnet]")).click();
            browser.type(By.id("veld-monthlyLicenceFee"), "99.50");
            browser.type(By.id("veld-services"), "pbx | hosted-pbx | Hosted PBX");
            browser.type(By.id("veld-phones"), "12345");
            browser.click(By.cssSelector("main form button[type=submit]"));

            // the refused form's own field message: waiting for it waits for the new page
            assertEquals(
                    "'12345' is geen geldig telefoonnummer.",
                    browser.find(By.id("fout-phones")).getText());
            assertTrue(browser.text().contains("Niets opgeslagen"), browser.url() + ": " + browser.text());
            assertEquals("Tandarts Glimlach", browser.find(By.id("veld-name")).getAttribute("value"));
            axeAndShots(browser, "customer-refused");

            browser.find(By.id("veld-phones")).clear();
            browser.type(By.id("veld-phones"), "030 123 4567");
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.waitForUrl("/console/admin/customers/" + id);

            assertTrue(browser.text().contains("+31301234567"), browser.text());
            axeAndShots(browser, "customer");
            check(browser, "/console/admin/customers/" + id + "/edit", "customer-edit");
            check(browser, "/console/admin/resellers/telnet", "reseller");

            check(browser, "/console/admin/tokens", "tokens");
            browser.type(By.id("veld-name"), "portaal-" + id);
            browser.find(By.cssSelector("#veld-reseller option[value=telnet]")).click();
            browser.click(By.xpath("//form[@action='/console/admin/tokens']//button[@type='submit']"));

            assertTrue(browser.find(By.id("geheim")).getAttribute("value").startsWith("sld_"));
            axeAndShots(browser, "token-issued");

            browser.click(By.cssSelector("a[href='/console/admin/tokens/portaal-" + id + "/revoke']"));
            browser.waitForUrl("/revoke");
            axeAndShots(browser, "token-revoke");
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.find(By.id("lijst")); // back on the list (the confirmation page has none)
            assertTrue(browser.text().contains("ingetrokken"), browser.text());
            // the refused form's 400 and the missing favicon are logged as failed loads; anything
            // else (a script error, a style or script blocked by the CSP) fails the test
            List<String> errors = browser.consoleErrors().stream()
                    .filter(e -> !e.contains("Failed to load resource"))
                    .toList();
            assertEquals(List.of(), errors, "no script errors and nothing blocked by the CSP");
        }
    }

    @Test
    void anAdminInvitesAResellersPortalAdminOnPortaaltoegang() {
        String email = "portaal-" + System.nanoTime() % 1_000_000 + "@telnet.demo";
        try (WebBrowser browser = WebBrowser.startOrSkip(1280, 900)) {
            server.logIn(browser, Site.CONSOLE, TestLogin.cookie("admin@vioms.demo", Role.ADMIN));

            browser.open(base.resolve("/console/admin/resellers/telnet"));
            browser.click(By.linkText("Portaaltoegang"));
            browser.waitForUrl("/console/admin/resellers/telnet/portal");
            axeAndShots(browser, "portal-access");
            browser.type(By.id("veld-email"), email);
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.waitForUrl("klaar=uitgenodigd");

            String row =
                    browser.find(By.xpath("//tr[th[text()='" + email + "']]")).getText();
            assertTrue(row.contains("Beheerder portaal"), row);
            axeAndShots(browser, "portal-access-invited");
        }
    }

    private static void check(WebBrowser browser, String path, String name) {
        browser.open(base.resolve(path));
        axeAndShots(browser, name);
    }

    private static void axeAndShots(WebBrowser browser, String name) {
        assertEquals(List.of(), browser.axe().seriousOrCritical(), name);
        browser.resize(1280, 900);
        browser.screenshot(SHOTS, name + "-1280");
        browser.resize(390, 844);
        browser.screenshot(SHOTS, name + "-390");
        browser.resize(1280, 900);
    }
}
