package nl.vioms.sladesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The queue and ticket pages in headless Chromium (Selenium, {@link WebBrowser}): served by the
 * console itself over HTTP ({@link ConsoleServer}, logged in with {@link TestLogin}'s cookie),
 * with axe-core at 1280 and 390 px and an action done by keyboard.
 * Skipped where no chromium-driver is installed. Screenshots: target/screenshots/.
 */
@ExtendWith(AwsEmulators.class)
class ConsoleBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static ConsoleClient console;
    private static ConsoleServer server;
    private static Ticket ticket;

    @BeforeAll
    static void serve(LocalAws aws) throws IOException {
        console = new ConsoleClient(aws, new MutableClock(NOW));
        ticket = console.open("hotel-gouden-leeuw", "P1", "Centrale onbereikbaar", NOW.minusSeconds(3600));
        console.open("bakkerij-devries", "P2", "Kassa belt niet uit", NOW.minusSeconds(1800));
        console.open(null, "P3", "Onbekende beller", NOW.minusSeconds(600));
        console.clock.set(NOW);
        server = ConsoleServer.start(console.app);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void queueAndTicketPassAxeAtBothWidthsAndARespondIsDoneByKeyboard() {
        try (WebBrowser browser = WebBrowser.startOrSkip()) {
            login(browser);
            for (int width : List.of(1280, 390)) {
                browser.resize(width, 900);
                browser.open(url("/console/"));
                assertTrue(browser.text().contains("Hotel De Gouden Leeuw"), browser.text());
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "queue at " + width);
                browser.screenshot(SHOTS, "queue-" + width);
                browser.open(url("/console/tickets/" + ticket.number()));
                assertEquals(List.of(), browser.axe().seriousOrCritical(), "ticket at " + width);
                browser.screenshot(SHOTS, "ticket-" + width);
                // the browser's own favicon request is no page's doing (the API has no /favicon.ico)
                assertEquals(List.of(), browser.pageErrors(), "no script or CSP errors at " + width);
            }
            browser.resize(1280, 900);
            // from the queue to the ticket and its response, by keyboard: focus the link, Enter; the button, Enter
            browser.open(url("/console/"));
            browser.find(By.linkText(ticket.number())).sendKeys(Keys.ENTER);
            browser.waitForUrl("/console/tickets/" + ticket.number());
            browser.find(By.cssSelector("form[action$='/respond'] button")).sendKeys(Keys.ENTER);
            // a real form post: the browser's Origin passes the router's check (no "Origin: null")
            browser.waitForUrl("gedaan=respond");
            assertTrue(browser.text().contains("Reactie aan de melder vastgelegd."), browser.text());
            assertTrue(browser.text().contains("gehaald"), browser.text());
        }
    }

    private static void login(WebBrowser browser) {
        server.logIn(browser, Site.CONSOLE, TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS));
    }

    private static URI url(String path) {
        return server.url(path);
    }
}
