package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;

/**
 * Issue 18's acceptance as a reseller's people do it, on the local runtime as
 * {@code ./sladesk up --seed demo} runs it (HTTP API, portal and console functions, cognito-local,
 * fauxqs for the attachment), in headless Chromium with real typing, clicks and the keyboard's Enter
 * (a ticket opened and an answer sent without the mouse): TelNet's portal admin
 * logs in, opens an incident with an attachment, sees the acknowledgement, answers operations'
 * question (the pause ends), sees the resolution, opens an RFC (no clock, R10) and reads the
 * month's reports; then De Belwinkel's admin tries every page, link, download, report and CSV of
 * TelNet's and reaches none. Every page is checked with axe-core and photographed at 1280 and 390 px
 * (target/screenshots/portal).
 */
@ExtendWith(AwsEmulators.class)
class PortalAcceptanceBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "portal");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aResellerOpensFollowsAndAnswersItsTicketsAndAnotherResellerReachesNoneOfIt(LocalAws aws, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "this DynamoDB emulator has no streams");
        aws.seed("demo");
        DemoConsoleUsers.ensure(aws);
        // the real clock: cognito-local's tokens are issued for now
        MutableClock clock = new MutableClock(Instant.now());
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.TEXT);
        Path attachment = Files.writeString(
                dir.resolve("sip-trace-receptie.log"),
                "10:02:11 INVITE sip:200@hotel -> 480 Temporarily Unavailable\n");
        String tag = Long.toString(System.nanoTime());
        try (WebBrowser browser = WebBrowser.startOrSkip();
                var runtime =
                        new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, dir.resolve("state"));
                var api = new LocalApiServer(runtime.handlers(), 0, quiet, clock)) {
            // a closed month for the reports page: month-end of the month before now
            String month = YearMonth.from(clock.instant().atZone(Amsterdam.ZONE))
                    .minusMonths(1)
                    .toString();
            runtime.handlers().invoke("MonthEndFunction", Json.write(Map.of("month", month)), null);

            // TelNet's portal admin logs in, asked for the portal's start page
            browser.open(api.baseUrl().resolve("/portal/"));
            browser.waitForUrl("/portal/login");
            checked(browser, "login");
            logIn(browser, "portal@telnet.demo");
            browser.find(By.cssSelector("form.logout"));
            assertEquals(
                    "TelNet Partners B.V.",
                    browser.find(By.cssSelector("main h1")).getText());
            checked(browser, "tickets");

            // opens an incident for the hotel's PBX by the menu, the form and its priority guidance (R10)
            browser.clickAndWaitForPage(By.linkText("Nieuwe melding"));
            checked(browser, "new");
            String subject = "Receptie kan niet doorverbinden " + tag;
            browser.click(By.cssSelector("#veld-klant option[value='hotel-gouden-leeuw']"));
            browser.click(By.cssSelector("#veld-dienst option[value='hotel-gouden-leeuw/pbx']"));
            browser.type(By.id("veld-onderwerp"), subject);
            browser.type(By.id("veld-omschrijving"), "Sinds 10:00 mislukt doorverbinden vanaf de receptie.");
            browser.click(By.cssSelector("input[name=prioriteit][value=P2]"));
            clock.advance(Duration.ofMinutes(1)); // people take a moment between steps
            browser.clickAndWaitForPage(By.cssSelector("form.open-ticket button[type=submit]"));
            browser.waitForUrl("/attachments?nieuw=1");
            String number = browser.url().replaceAll(".*/tickets/([^/]+)/attachments.*", "$1");
            assertTrue(browser.text().contains("Melding " + number + " is aangemaakt"), browser.text());

            // with an attachment: straight from the browser to S3 (fauxqs) and back through the portal's check
            browser.find(By.id("veld-bestand"))
                    .sendKeys(attachment.toAbsolutePath().toString());
            browser.clickAndWaitForPage(By.cssSelector("form.upload button[type=submit]"));
            browser.waitForUrl("toegevoegd=");
            assertTrue(browser.text().contains("sip-trace-receptie.log is toegevoegd."), browser.text());
            checked(browser, "attachments");
            String download =
                    browser.find(By.linkText("sip-trace-receptie.log")).getAttribute("href");
            HttpResponse<String> file = get(URI.create(download), portalCookie(browser));
            assertEquals(303, file.statusCode(), "the portal hands out a short-lived S3 link");
            assertTrue(get(URI.create(file.headers().firstValue("location").orElseThrow()), null)
                    .body()
                    .contains("480 Temporarily Unavailable"));

            // the ticket's page: the acknowledgement mail to TelNet's service desk, the clocks running
            runtime.drain();
            browser.open(api.baseUrl().resolve("/portal/tickets/" + number));
            String mails = browser.find(By.cssSelector("section[aria-labelledby=h-mail]"))
                    .getText();
            assertTrue(mails.contains("servicedesk@telnet-partners.nl"), mails);
            assertTrue(deadlines(browser).contains("Herstel (R13)"), deadlines(browser));
            checked(browser, "ticket");

            // operations ask a question: the clock pauses (R16) and the reseller sees it waiting for them
            // (the test's clock stays within the hour of cognito-local's tokens: about 25 minutes in all)
            clock.advance(Duration.ofMinutes(2));
            event(api, number, Map.of("kind", "response", "text", "We kijken ernaar."));
            clock.advance(Duration.ofMinutes(2));
            event(api, number, Map.of("kind", "waiting-for-customer", "text", "Welk toestelnummer heeft de receptie?"));
            browser.open(api.baseUrl().resolve("/portal/"));
            String link = "//a[@href='/portal/tickets/" + number + "']";
            String card = browser.find(By.xpath("//li[." + link + "]")).getText();
            assertTrue(card.contains("Wacht op jouw antwoord"), card);
            // by keyboard: the link focused, Enter
            browser.find(By.xpath(link)).sendKeys(Keys.ENTER);
            browser.waitForUrl("/portal/tickets/" + number);
            assertTrue(
                    browser.find(By.cssSelector("section.question")).getText().contains("Welk toestelnummer"),
                    browser.text());
            assertTrue(deadlines(browser).contains("gepauzeerd"), deadlines(browser));
            checked(browser, "ticket-waiting");

            // the reseller answers: the pause ends, the clock runs again
            clock.advance(Duration.ofMinutes(10));
            browser.type(By.id("r-tekst"), "De receptie is toestel 200.");
            // by keyboard too: the form's button focused, Enter
            browser.find(By.xpath("//button[normalize-space()='Antwoord versturen']"))
                    .sendKeys(Keys.ENTER);
            browser.waitForUrl("gedaan=antwoord");
            browser.find(By.cssSelector("p.notice.ok"));
            assertTrue(browser.findAll(By.cssSelector("section.question")).isEmpty(), "no question open any more");
            assertFalse(deadlines(browser).contains("gepauzeerd"), deadlines(browser));
            String pauses = browser.find(By.cssSelector("ul.pauses")).getText();
            assertTrue(pauses.contains("(10 m)"), "the 10-minute pause: " + pauses);
            assertTrue(browser.text().contains("De receptie is toestel 200."), "the answer in the history");

            // operations resolve it; the reseller reads the resolution and that the deadlines were met
            clock.advance(Duration.ofMinutes(10));
            event(api, number, Map.of("kind", "resolved", "text", "Doorschakelregel van toestel 200 hersteld."));
            browser.open(api.baseUrl().resolve("/portal/tickets/" + number));
            assertTrue(
                    browser.find(By.cssSelector("blockquote.resolution"))
                            .getText()
                            .contains("toestel 200 hersteld"),
                    browser.text());
            String met = deadlines(browser);
            assertTrue(met.contains("Reactie") && met.contains("Herstel"), met);
            assertFalse(met.contains("niet gehaald"), met);
            assertTrue(met.contains("gehaald"), met);
            checked(browser, "ticket-resolved");

            // an RFC: no priority and no clock (R10)
            browser.clickAndWaitForPage(By.linkText("Nieuwe melding"));
            browser.click(By.cssSelector("input[name=soort][value=rfc]"));
            browser.click(By.cssSelector("#veld-klant option[value='bakkerij-devries']"));
            browser.click(By.cssSelector("#veld-dienst option[value='bakkerij-devries/pbx']"));
            browser.type(By.id("veld-onderwerp"), "Nieuwe wachtmuziek " + tag);
            browser.type(By.id("veld-omschrijving"), "Graag de wachtmuziek vervangen door het bijgevoegde bestand.");
            clock.advance(Duration.ofMinutes(1));
            browser.clickAndWaitForPage(By.cssSelector("form.open-ticket button[type=submit]"));
            browser.waitForUrl("/attachments?nieuw=1");
            String rfc = browser.url().replaceAll(".*/tickets/([^/]+)/attachments.*", "$1");
            browser.open(api.baseUrl().resolve("/portal/tickets/" + rfc));
            assertTrue(deadlines(browser).contains("geen SLA-klok"), deadlines(browser));
            assertTrue(browser.findAll(By.cssSelector("[data-due]")).isEmpty(), "no deadline counts down for an RFC");
            checked(browser, "rfc");

            // the month's reports: TelNet's own customers only, and its CSV
            browser.clickAndWaitForPage(By.linkText("Rapportages"));
            String reports = browser.find(By.tagName("main")).getText();
            assertTrue(reports.contains("Bakkerij De Vries") && reports.contains("Hotel De Gouden Leeuw"), reports);
            assertFalse(reports.contains("Tandartspraktijk Smit"), "De Belwinkel's customer");
            checked(browser, "reports");
            String csv = browser.find(By.id("csv")).getAttribute("href");
            String telnetCsv = get(URI.create(csv), portalCookie(browser)).body();
            assertTrue(telnetCsv.contains("Bakkerij De Vries") && !telnetCsv.contains("Tandartspraktijk"), telnetCsv);
            String report = browser.find(By.xpath("//a[contains(@href,'/bakkerij-devries')]"))
                    .getAttribute("href");

            // English on request: the header's button, kept for the next pages
            browser.clickAndWaitForPage(By.cssSelector("form.language button"));
            assertEquals("en", browser.find(By.tagName("html")).getAttribute("lang"));
            browser.open(api.baseUrl().resolve("/portal/tickets/" + number));
            assertTrue(browser.find(By.id("h-termijnen")).getText().contains("Deadlines"), browser.text());
            checked(browser, "ticket-english");
            browser.clickAndWaitForPage(By.cssSelector("form.language button"));
            browser.clickAndWaitForPage(By.cssSelector("form.logout button"));
            browser.waitForUrl("/portal/login");

            // De Belwinkel's admin: none of TelNet's pages, links, downloads, reports or CSV rows
            logIn(browser, "portal@belwinkel.demo");
            browser.find(By.cssSelector("form.logout"));
            assertEquals("De Belwinkel", browser.find(By.cssSelector("main h1")).getText());
            assertFalse(browser.text().contains(number), "TelNet's ticket is not in De Belwinkel's list");
            String belwinkel = portalCookie(browser);
            List<String> reached = new ArrayList<>();
            for (URI uri : List.of(
                    api.baseUrl().resolve("/portal/tickets/" + number),
                    api.baseUrl().resolve("/portal/tickets/" + number + "/attachments"),
                    URI.create(download),
                    api.baseUrl().resolve("/portal/tickets/" + rfc),
                    URI.create(report))) {
                HttpResponse<String> answer = get(uri, belwinkel);
                if (answer.statusCode() != 404 || answer.body().contains(subject)) {
                    reached.add(uri + " -> " + answer.statusCode());
                }
            }
            assertEquals(List.of(), reached, "TelNet's objects De Belwinkel reached");
            String csrf = "&_csrf="
                    + browser.find(By.cssSelector("form.logout input[name=_csrf]"))
                            .getAttribute("value");
            Map<String, String> forms = Map.of(
                    "/portal/tickets/" + number + "/replies",
                    "tekst=overgenomen&nonce=" + tag,
                    "/portal/tokens/telnet-portal/revoke",
                    "x=1",
                    "/portal/staff/state",
                    "user=portal%40telnet.demo&action=disable");
            for (Map.Entry<String, String> form : forms.entrySet()) {
                HttpResponse<String> answer =
                        post(api.baseUrl().resolve(form.getKey()), belwinkel, form.getValue() + csrf);
                if (answer.statusCode() != 404) {
                    reached.add("POST " + form.getKey() + " -> " + answer.statusCode());
                }
            }
            assertEquals(List.of(), reached, "TelNet's objects De Belwinkel changed");
            assertEquals(
                    404,
                    get(api.baseUrl().resolve("/portal/tokens/telnet-portal/revoke"), belwinkel)
                            .statusCode(),
                    "TelNet's token's page");
            // and nothing of TelNet's changed: its token works, its admin is enabled, no answer was added
            HttpResponse<String> stillWorks = HTTP.send(
                    HttpRequest.newBuilder(api.baseUrl().resolve("/tickets/" + number))
                            .header("Authorization", "Bearer demo-telnet-token")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stillWorks.statusCode(), stillWorks.body());
            assertFalse(stillWorks.body().contains("overgenomen"), stillWorks.body());
            String pool = aws.resources().require("ConsoleUserPool");
            assertTrue(aws.clients()
                    .cognito()
                    .adminGetUser(b -> b.userPoolId(pool).username("portal@telnet.demo"))
                    .enabled());
            String belwinkelCsv = get(URI.create(csv), belwinkel).body();
            assertFalse(belwinkelCsv.contains("Bakkerij") || belwinkelCsv.contains("Gouden Leeuw"), belwinkelCsv);
            browser.open(URI.create(download));
            assertTrue(browser.text().contains("Niet gevonden"), browser.text());
            checked(browser, "other-reseller-404");
        }
    }

    private static void logIn(WebBrowser browser, String email) {
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), DemoConsoleUsers.PASSWORD);
        browser.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
    }

    private static String deadlines(WebBrowser browser) {
        return browser.find(By.cssSelector("section[aria-labelledby=h-termijnen]"))
                .getText();
    }

    /** The browser's portal session, for the requests a test makes beside it (downloads, other methods). */
    private static String portalCookie(WebBrowser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("sladesk-portal");
        return cookie.getName() + "=" + cookie.getValue();
    }

    /** operations record an event through the API, as the console or their own tools do. */
    private static void event(LocalApiServer api, String number, Map<String, String> event) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(api.baseUrl().resolve("/tickets/" + number + "/events"))
                        .header("Authorization", "Bearer demo-ops-token")
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(event)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    }

    private static HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String cookie, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Cookie", cookie)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
}
