package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.aws.attachments.Attachment;
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
 * "Nieuwe melding" and an attachment in headless Chromium (issue 18): served by the portal over
 * HTTP ({@link ConsoleServer}, logged in with {@link TestLogin}'s cookie), opened by clicks and
 * typing, a file sent with the upload form straight to fauxqs and back, axe-core at 1280 and 390 px.
 * Skipped where no chromium-driver is installed. Screenshots: target/screenshots/portal-*.png.
 */
@ExtendWith(AwsEmulators.class)
class PortalOpenBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static ConsoleClient portal;
    private static ConsoleServer server;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        portal = ConsoleClient.portal(aws, new MutableClock(NOW));
        server = ConsoleServer.start(portal.app);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anIncidentWithAnAttachmentIsOpenedByClicksAndTyping() throws IOException {
        Path file = Files.createDirectories(Path.of("target")).resolve("trace-receptie.log");
        Files.writeString(file, "10:02:11 INVITE sip:200@hotel -> 480 Temporarily Unavailable\n");
        try (WebBrowser browser = WebBrowser.startOrSkip()) {
            login(browser);
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 1500);
                browser.open(url("/portal/tickets/new"));
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "form at " + width);
                browser.screenshot(SHOTS, "portal-new-" + width);
            }
            browser.resize(1280, 1500);
            browser.open(url("/portal/tickets/new"));
            browser.click(By.cssSelector("#veld-klant option[value='hotel-gouden-leeuw']"));
            browser.click(By.cssSelector("#veld-dienst option[value='hotel-gouden-leeuw/trunk']"));
            browser.type(By.id("veld-onderwerp"), "Receptie kan niet doorverbinden");
            browser.type(By.id("veld-omschrijving"), "Sinds 10:00 mislukt doorverbinden vanaf de receptie.");
            browser.click(By.cssSelector("input[name=prioriteit][value=P2]"));
            browser.clickAndWaitForPage(By.cssSelector("form.open-ticket button[type=submit]"));
            browser.waitForUrl("/attachments?nieuw=1");
            assertTrue(browser.text().contains("is aangemaakt"), browser.text());
            String number = browser.url().replaceAll(".*/tickets/([^/]+)/attachments.*", "$1");

            browser.find(By.id("veld-bestand")).sendKeys(file.toAbsolutePath().toString());
            browser.clickAndWaitForPage(By.cssSelector("form.upload button[type=submit]"));
            // to fauxqs and, by its redirect, back through the portal's check
            browser.waitForUrl("toegevoegd=");
            assertTrue(browser.text().contains("trace-receptie.log is toegevoegd."), browser.text());
            List<Attachment> stored = portal.services.attachments().of(number);
            assertEquals(
                    List.of("trace-receptie.log"),
                    stored.stream().map(Attachment::name).toList());
            assertEquals("text/plain", stored.get(0).contentType());
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 1200);
                browser.open(url("/portal/tickets/" + number + "/attachments"));
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "attachments at " + width);
                browser.screenshot(SHOTS, "portal-attachments-" + width);
            }
            assertEquals(List.of(), browser.pageErrors(), "no script or CSP errors");
        }
    }

    private static void login(WebBrowser browser) {
        server.logIn(browser, Site.PORTAL, TestLogin.reseller(PortalOpenTest.ANNA, "telnet", false));
    }

    private static URI url(String path) {
        return server.url(path);
    }
}
