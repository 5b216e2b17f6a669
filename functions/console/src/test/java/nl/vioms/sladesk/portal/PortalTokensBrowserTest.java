package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.aws.Services;
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
import org.openqa.selenium.Cookie;

/**
 * The portal's API-tokens and Medewerkers in a real browser (headless Chromium): TelNet's portal
 * admin issues a token by typing and clicking, sees its secret once, and revokes it; axe-core finds
 * no serious or critical violation, and each page is photographed at 1280 and 390 px
 * (target/screenshots/portal-access). The session is TestLogin's cookie (the real login:
 * PortalLoginTest).
 */
@ExtendWith(AwsEmulators.class)
class PortalTokensBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "portal-access");

    private static ConsoleServer server;
    private static URI base;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        aws.seed("demo");
        PortalApp app = new PortalApp(
                new Services(
                        aws.environmentOf("PortalFunction"),
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
    void aPortalAdminIssuesATokenSeesItsSecretOnceAndRevokesIt() {
        String name = "kassa-" + System.nanoTime() % 1_000_000;
        try (WebBrowser browser = WebBrowser.startOrSkip(1280, 900)) {
            server.logIn(browser, Site.PORTAL, TestLogin.reseller("anna@telnet.demo", "telnet", true));

            check(browser, "/portal/tokens", "tokens");
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertEquals(
                    "Geef het token een naam.", browser.find(By.id("fout-name")).getText());
            axeAndShots(browser, "token-refused");

            browser.type(By.id("veld-name"), name);
            browser.find(By.cssSelector("#veld-expires option[value='30']")).click();
            browser.click(By.cssSelector("main form[action='/portal/tokens'] button[type=submit]"));

            String secret = browser.find(By.id("geheim")).getAttribute("value");
            assertTrue(secret.startsWith("sld_"), secret);
            assertTrue(browser.text().contains("Kopieer het token nu."), browser.text());
            axeAndShots(browser, "token-issued");

            browser.open(base.resolve("/portal/tokens"));
            assertFalse(browser.driver().getPageSource().contains(secret), "shown once: not on the list");
            assertTrue(browser.findAll(By.id("geheim")).isEmpty());

            browser.click(By.cssSelector("a[href='/portal/tokens/telnet-" + name + "/rotate']"));
            browser.waitForUrl("/rotate");
            axeAndShots(browser, "token-rotate");
            browser.open(base.resolve("/portal/tokens"));
            browser.click(By.cssSelector("a[href='/portal/tokens/telnet-" + name + "/revoke']"));
            browser.waitForUrl("/revoke");
            axeAndShots(browser, "token-revoke");
            browser.click(By.cssSelector("main form button[type=submit]"));
            browser.find(By.id("lijst")); // back on the list (the confirmation page has none)
            String row = browser.find(By.xpath("//tr[th[text()='telnet-" + name + "']]"))
                    .getText();
            assertTrue(row.contains("ingetrokken"), row);

            check(browser, "/portal/staff", "staff");

            // the header's button sets a Secure cookie, which this plain-HTTP test server cannot keep
            browser.driver().manage().addCookie(new Cookie("sladesk-lang", "en"));
            check(browser, "/portal/tokens", "tokens-en");
            assertEquals("API tokens", browser.find(By.cssSelector("main h1")).getText());
            List<String> errors = browser.consoleErrors().stream()
                    .filter(e -> !e.contains("Failed to load resource"))
                    .toList();
            assertEquals(List.of(), errors, "no script errors and nothing blocked by the CSP");
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
