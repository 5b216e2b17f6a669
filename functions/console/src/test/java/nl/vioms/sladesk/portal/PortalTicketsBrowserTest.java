package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.ConsoleServer;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
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
 * The reseller's list and ticket page in headless Chromium (Selenium, {@link WebBrowser}), served
 * by the portal itself over HTTP ({@link ConsoleServer}) and logged in with {@link TestLogin}'s
 * cookie: axe-core at 1280 and 390 px, then a click from the list to a ticket that waits for the
 * reseller, an answer typed and sent, and the answer seen on the page. Skipped where no
 * chromium-driver is installed. Screenshots: target/screenshots/portal-*.png.
 */
@ExtendWith(AwsEmulators.class)
class PortalTicketsBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String EMAIL = "anna@telnet.demo";

    private static ConsoleClient portal;
    private static ConsoleServer server;
    private static Ticket waiting;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        portal = ConsoleClient.portal(aws, new MutableClock(NOW));
        waiting = portal.open("hotel-gouden-leeuw", "P1", "Centrale onbereikbaar", NOW.minusSeconds(3600));
        record(waiting, EventKind.RESPONSE, NOW.minusSeconds(3000), "We kijken ernaar.");
        record(waiting, EventKind.WAITING_FOR_CUSTOMER, NOW.minusSeconds(1800), "Welk IP-adres heeft de router?");
        portal.open("bakkerij-devries", "P2", "Kassa belt niet uit", NOW.minusSeconds(1200));
        Ticket done = portal.open("bakkerij-devries", "P3", "Vraag over wachtmuziek", NOW.minusSeconds(7200));
        record(done, EventKind.RESOLVED, NOW.minusSeconds(600), "Wachtmuziek ingesteld.");
        portal.clock.set(NOW);
        server = ConsoleServer.start(portal.app);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listAndTicketPassAxeAtBothWidthsAndAnAnswerIsTypedAndSeen() {
        try (WebBrowser browser = WebBrowser.startOrSkip()) {
            login(browser);
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 900);
                browser.open(url("/portal/"));
                assertTrue(browser.text().contains("Wacht op jouw antwoord"), browser.text());
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "list at " + width);
                browser.screenshot(SHOTS, "portal-list-" + width);
                browser.open(url("/portal/tickets/" + waiting.number()));
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "ticket at " + width);
                browser.screenshot(SHOTS, "portal-ticket-" + width);
                assertEquals(List.of(), browser.pageErrors(), "no script or CSP errors at " + width);
            }
            browser.resize(1280, 900);
            browser.open(url("/portal/"));
            browser.clickAndWaitForPage(By.linkText(waiting.number()));
            browser.waitForUrl("/portal/tickets/" + waiting.number());
            assertTrue(browser.text().contains("Welk IP-adres heeft de router?"), browser.text());
            browser.type(By.id("r-tekst"), "De router heeft 192.0.2.10.");
            browser.clickAndWaitForPage(By.cssSelector("form[action$='/replies'] button[type=submit]"));
            // a real form post: the browser's Origin and the CSRF field pass the router's checks
            browser.waitForUrl("gedaan=antwoord");
            String text = browser.text();
            assertTrue(text.contains("Je antwoord is vastgelegd"), text);
            assertTrue(text.contains("De router heeft 192.0.2.10."), text);
            assertTrue(browser.findAll(By.cssSelector("section.question")).isEmpty(), "the question answered");
            browser.screenshot(SHOTS, "portal-answered-1280");
        }
    }

    private static void record(Ticket ticket, EventKind kind, Instant at, String text) {
        portal.clock.set(at);
        portal.services
                .ticketService()
                .record(
                        ticket.number(),
                        new TicketEvent(
                                "browser-" + kind.wireName(), kind, at, "operations:noc", "api", Map.of("text", text)))
                .orElseThrow();
    }

    private static void login(WebBrowser browser) {
        server.logIn(browser, Site.PORTAL, TestLogin.reseller(EMAIL, "telnet", false));
    }

    private static URI url(String path) {
        return server.url(path);
    }
}
