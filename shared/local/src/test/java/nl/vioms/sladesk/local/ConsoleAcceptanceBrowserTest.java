package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 17's acceptance as people do it, on the local runtime as {@code ./sladesk up --seed demo}
 * runs it (HTTP API, console function, cognito-local), in headless Chromium with real typing and
 * clicks: operations log in, find a new P1 in the queue, respond, reclassify it to P2 with a reason,
 * reply to the customer, resolve and close it; the second line sees only escalated tickets. Every
 * page is checked with axe-core and photographed at 1280 and 390 px (target/screenshots/console).
 */
@ExtendWith(AwsEmulators.class)
class ConsoleAcceptanceBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "console");

    @Test
    void operationsWorkAP1FromQueueToCloseAndTheSecondLineSeesOnlyEscalations(LocalAws aws, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "this DynamoDB emulator has no streams");
        aws.seed("demo");
        DemoConsoleUsers.ensure(aws);
        // the real clock: cognito-local's tokens are issued for now
        MutableClock clock = new MutableClock(Instant.now());
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.TEXT);
        try (WebBrowser browser = WebBrowser.startOrSkip();
                var runtime =
                        new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, dir.resolve("state"));
                var api = new LocalApiServer(runtime.handlers(), 0, quiet, clock)) {
            // the hotel (HA, 24x7) mails a P1; the bakery (N) reports a P3 through its reseller
            String tag = Long.toString(System.nanoTime());
            String p1Subject = "[P1] Telefonie ligt eruit, vleugel " + tag;
            mail(aws, "[P1] Telefonie ligt eruit, kamer 1 t/m 40 " + tag, tag + "a", clock.instant());
            mail(aws, p1Subject, tag + "b", clock.instant());
            runtime.drain();
            String p1 = openTicket(api, p1Subject);
            String other = openTicket(api, "[P1] Telefonie ligt eruit, kamer 1 t/m 40 " + tag);
            String p3 = apiTicket(api, "Wachtmuziek aanpassen " + tag);

            // operations log in and find the new P1 in the queue
            browser.open(api.baseUrl().resolve("/console/"));
            browser.waitForUrl("/console/login");
            logIn(browser, "ops@vioms.demo");
            browser.find(By.cssSelector("form.logout"));
            assertEquals("Wachtrij", browser.find(By.cssSelector("main h1")).getText());
            String row = "//tr[.//a[@href='/console/tickets/" + p1 + "']]";
            assertTrue(browser.find(By.xpath(row)).getText().contains("P1"), browser.text());
            checked(browser, "queue");
            browser.click(By.xpath(row + "//a[@href='/console/tickets/" + p1 + "']"));
            browser.waitForUrl("/console/tickets/" + p1);
            assertTrue(browser.text().contains("Hotel De Gouden Leeuw"), "the customer's name, not an id");
            checked(browser, "ticket");

            // respond
            clock.advance(Duration.ofMinutes(1)); // people take a moment between steps
            browser.clickAndWaitForPage(By.xpath("//button[normalize-space()='Reactie aan melder gegeven']"));
            notice(browser);

            // reclassify to P2 with a reason (the moved deadlines are worked out by hand in TicketPageTest)
            browser.find(By.cssSelector("#a-prio option[value=P2]")).click();
            browser.type(By.id("a-reden"), "Alleen de oostvleugel is getroffen, de rest belt weer.");
            clock.advance(Duration.ofMinutes(1)); // people take a moment between steps
            browser.clickAndWaitForPage(By.xpath("//button[normalize-space()='Prioriteit wijzigen']"));
            notice(browser);
            assertEquals("P2", browser.find(By.cssSelector("dl.facts .badge")).getText());
            assertFalse(restoreDue(browser).isBlank(), "the clocks after the change are shown");
            assertTrue(browser.text().contains("Alleen de oostvleugel is getroffen"), "the reason in the history");

            // reply to the customer (the usual recipients)
            browser.type(By.id("a-antwoord"), "We hebben de storing gevonden en werken aan herstel.");
            clock.advance(Duration.ofMinutes(1)); // people take a moment between steps
            browser.clickAndWaitForPage(By.xpath("//button[normalize-space()='Antwoord versturen']"));
            notice(browser);

            // resolve, then close
            browser.type(By.id("a-oplossing"), "SBC-poort van de oostvleugel hersteld.");
            clock.advance(Duration.ofMinutes(1)); // people take a moment between steps
            browser.clickAndWaitForPage(By.xpath("//button[normalize-space()='Opgelost melden']"));
            notice(browser);
            clock.advance(Duration.ofMinutes(1)); // people take a moment between steps
            browser.clickAndWaitForPage(By.xpath("//button[normalize-space()='Sluiten']"));
            notice(browser);
            assertTrue(browser.findAll(By.id("h-acties")).isEmpty(), "a closed ticket offers no actions");
            String history = browser.find(By.cssSelector("table.history")).getText();
            for (String step : List.of("SBC-poort van de oostvleugel hersteld.", "We hebben de storing gevonden")) {
                assertTrue(history.contains(step), history);
            }
            checked(browser, "ticket-closed");
            browser.click(By.cssSelector("form.logout button"));
            browser.waitForUrl("/console/login");

            // the second line: the hotel's other P1 (escalated at creation, R17), not the bakery's P3
            logIn(browser, "tweedelijn@vioms.demo");
            browser.find(By.cssSelector("form.logout"));
            assertFalse(browser.findAll(By.cssSelector("a[href='/console/tickets/" + other + "']"))
                    .isEmpty());
            assertTrue(browser.findAll(By.cssSelector("a[href='/console/tickets/" + p3 + "']"))
                    .isEmpty());
            checked(browser, "queue-second-line");
            browser.open(api.baseUrl().resolve("/console/tickets/" + p3));
            assertTrue(browser.text().contains("Niet gevonden"), "a ticket not escalated is not theirs");
            assertEquals(List.of(), browser.axe().seriousOrCritical());
        }
    }

    private static void logIn(WebBrowser browser, String email) {
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), DemoConsoleUsers.PASSWORD);
        browser.click(By.cssSelector("main form button[type=submit]"));
    }

    /** The notice of the action just done (waiting for it waits for the page after the form). */
    private static void notice(WebBrowser browser) {
        browser.find(By.cssSelector("p.notice"));
        assertTrue(browser.findAll(By.cssSelector("p.notice.error")).isEmpty(), browser.text());
        String notice = browser.find(By.cssSelector("p.notice.ok")).getText();
        assertFalse(notice.isBlank());
        assertTrue(browser.findAll(By.cssSelector("p.notice.error")).isEmpty(), browser.text());
    }

    private static String restoreDue(WebBrowser browser) {
        return browser.find(By.xpath("//table[contains(@class,'clocks')]//tr[th[contains(.,'Herstel')]]/td[1]"))
                .getText();
    }

    /** axe-core clean, and a screenshot at both widths. */
    private static void checked(WebBrowser browser, String name) {
        assertEquals(List.of(), browser.axe().seriousOrCritical(), name);
        browser.screenshot(SHOTS, name + "-1280");
        browser.resize(390, 900);
        assertEquals(List.of(), browser.axe().seriousOrCritical(), name + " at 390 px");
        browser.screenshot(SHOTS, name + "-390");
        browser.resize(1280, 900);
    }

    private static void mail(LocalAws aws, String subject, String id, Instant at) throws Exception {
        String raw = Files.readString(ProjectRoot.find().resolve("events/demo/05-gouden-leeuw-p1.eml"))
                .replace("Message-ID: <", "Message-ID: <" + id + ".")
                .replace("Subject: [P1] Telefonie ligt er volledig uit", "Subject: " + subject);
        new SesInbox(aws).receive(raw.getBytes(StandardCharsets.UTF_8), at);
    }

    private static String openTicket(LocalApiServer api, String subject) throws Exception {
        JsonNode open = DatabindJson.MAPPER.readTree(HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.baseUrl().resolve("/tickets?status=open"))
                                .header("Authorization", "Bearer demo-ops-token")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        for (JsonNode ticket : open.get("tickets")) {
            if (subject.equals(ticket.get("subject").asText())) {
                return ticket.get("number").asText();
            }
        }
        throw new AssertionError("the mail opened no ticket: " + open);
    }

    private static String apiTicket(LocalApiServer api, String subject) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.baseUrl().resolve("/tickets"))
                                .header("Authorization", "Bearer demo-telnet-token")
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of(
                                        "customer", "bakkerij-devries",
                                        "subject", subject,
                                        "description", "Graag nieuwe wachtmuziek."))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return DatabindJson.MAPPER.readTree(response.body()).get("number").asText();
    }
}
