package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.time.Amsterdam;
import nl.vioms.sladesk.emulators.DatabindJson;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees, in a real browser (Debian's chromium, headless), of the system as
 * {@code ./sladesk up} runs it: the runtime and the HTTP API in this JVM on the emulators. The
 * hotel mails a P1; its reseller opens the ticket's status page; at month end the schedule runs
 * month-end and the hotel's report is opened.
 */
@ExtendWith(AwsEmulators.class)
class BrowserTest {
    // Tue 10 Nov 2026 14:24:00 CET
    private static final Instant MAILED = Instant.parse("2026-11-10T13:24:00Z");

    @Test
    void theResellerReadsTheStatusPageOfAP1AndTheHotelsMonthEndReport(LocalAws aws, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(aws.supportsStreams(), "this DynamoDB emulator has no streams");
        aws.seed("demo");
        MutableClock clock = new MutableClock(MAILED);
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.TEXT);
        try (HeadlessChromium browser = HeadlessChromium.startOrSkip();
                var runtime =
                        new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.ENABLED, quiet, dir.resolve("state"));
                var api = new LocalApiServer(runtime.handlers(), 0, quiet, clock)) {
            runtime.drain();
            String raw = Files.readString(ProjectRoot.find().resolve("events/demo/05-gouden-leeuw-p1.eml"))
                    .replace("Message-ID: <", "Message-ID: <" + System.nanoTime() + ".")
                    .replace(
                            "Subject: [P1] Telefonie ligt er volledig uit",
                            "Subject: [P1] Telefonie ligt eruit, kamer 1 t/m 40");
            new SesInbox(aws).receive(raw.getBytes(StandardCharsets.UTF_8), MAILED);
            runtime.drain();
            String number = openTicket(api, "[P1] Telefonie ligt eruit, kamer 1 t/m 40");
            clock.set(Instant.parse("2026-11-10T13:29:00Z"));
            post(
                    api,
                    "/tickets/" + number + "/events",
                    "demo-ops-token",
                    Map.of(
                            "kind",
                            "response",
                            "note",
                            "Storing bevestigd, tweede lijn ingeschakeld.",
                            "at",
                            "2026-11-10T13:29:00Z"));
            runtime.drain();

            var page = browser.open(
                    api.baseUrl().resolve("/tickets/" + number), Map.of("Authorization", "Bearer demo-telnet-token"));

            assertEquals(List.of(), page.problems(), "the status page loads cleanly");
            assertEquals(
                    number + " · [P1] Telefonie ligt eruit, kamer 1 t/m 40",
                    page.evaluate("document.title").asText());
            String text = page.evaluate("document.body.innerText").asText();
            assertTrue(text.contains("Hotel De Gouden Leeuw"), text);
            // HA is a 24x7 level (R14): response < 2 h, restore < 8 h in clock hours (R5), reaction
            // within 24 hours (R12): reported 14:24 -> response 16:24, restore 22:24, reaction Wed 11 Nov 14:24
            assertTrue(
                    text.contains("Reactie uiterlijk\t" + Amsterdam.readable(Instant.parse("2026-11-10T15:24:00Z"))),
                    text);
            assertTrue(
                    text.contains("Herstel uiterlijk\t" + Amsterdam.readable(Instant.parse("2026-11-10T21:24:00Z"))),
                    text);
            assertTrue(
                    text.contains(
                            "Terugkoppeling uiterlijk\t" + Amsterdam.readable(Instant.parse("2026-11-11T13:24:00Z"))),
                    text);
            assertTrue(text.contains("Reactie van VIOMS · VIOMS\nStoring bevestigd, tweede lijn ingeschakeld."), text);
            assertEquals(
                    "P1",
                    page.evaluate("document.querySelector('.badge.P1').innerText")
                            .asText(),
                    "P1 stands out");
            assertEquals(
                    0,
                    page.evaluate("document.querySelectorAll('.late').length").asInt(),
                    "nothing is late yet");
            assertTrue(
                    page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                            .asBoolean(),
                    "no sideways scrolling");
            if (System.getenv("SLADESK_SCREENSHOTS") != null) {
                page.screenshot(Path.of(System.getenv("SLADESK_SCREENSHOTS"), "status-page.png"), 900, 800);
            }

            // the month-end schedule (00:05 on the 1st, Amsterdam): Tue 1 Dec 2026 00:05 CET = 30 Nov 23:05 UTC
            clock.set(Instant.parse("2026-11-30T23:05:00Z"));
            runtime.drainCoalescing();
            Path report = dir.resolve("hotel.html");
            Files.write(
                    report,
                    aws.clients()
                            .s3()
                            .getObjectAsBytes(b -> b.bucket(aws.resources().require("ReportsBucket"))
                                    .key("month-end/2026-11/contracts/hotel-gouden-leeuw/v0001.html"))
                            .asByteArray());

            var monthEnd = browser.open(report.toUri());

            assertEquals(List.of(), monthEnd.problems(), "the report loads cleanly");
            assertEquals(
                    "SLA-maandrapport november 2026 – Hotel De Gouden Leeuw",
                    monthEnd.evaluate("document.title").asText());
            assertEquals(
                    2,
                    monthEnd.evaluate("document.querySelectorAll('svg.trend-chart').length")
                            .asInt(),
                    "pbx and trunk, a chart each");
            String reportText = monthEnd.evaluate("document.body.innerText").asText();
            assertTrue(reportText.contains(number), "the P1 is in the ticket table: " + reportText);
            if (System.getenv("SLADESK_SCREENSHOTS") != null) {
                monthEnd.screenshot(Path.of(System.getenv("SLADESK_SCREENSHOTS"), "hotel-report.png"), 1100, 900);
            }
        }
    }

    private static String openTicket(LocalApiServer api, String subject) throws Exception {
        JsonNode open = DatabindJson.MAPPER.readTree(HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.baseUrl().resolve("/tickets?status=open"))
                                .header("Authorization", "Bearer demo-ops-token")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String found = null;
        for (JsonNode ticket : open.get("tickets")) {
            if (subject.equals(ticket.get("subject").asText())) {
                found = ticket.get("number").asText();
            }
        }
        assertTrue(found != null, "the mail opened a ticket: " + open);
        return found;
    }

    private static void post(LocalApiServer api, String path, String token, Map<String, Object> body) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.baseUrl().resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }
}
