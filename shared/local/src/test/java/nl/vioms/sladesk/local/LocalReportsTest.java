package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.ProjectRoot;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 20 item 6: ./sladesk up serves the reports bucket to a browser, read-only, and nothing
 * else; the route is local (not in template.yaml), and month-end's links point at it.
 */
@ExtendWith(AwsEmulators.class)
class LocalReportsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    private static final String MONTH = "month-end/2026-11/";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStoredReportIsServedWithTheContentTypeOfItsKind(LocalAws aws) throws Exception {
        String html = "<!doctype html><title>Overzicht</title><a href=\"finance.csv\">finance.csv</a>";
        put(aws, "ReportsBucket", MONTH + "overview.html", html);
        put(aws, "ReportsBucket", MONTH + "finance.csv", "customer_id,customer_name\r\nhotel,Hotel\r\n");
        put(aws, "ReportsBucket", MONTH + "contracts/hotel/v0001.json", "{\"month\":\"2026-11\"}");
        put(aws, "ReportsBucket", MONTH + "chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        try (var api = new LocalApiServer(new LocalHandlers(aws, CLOCK), 0)) {
            for (var expected : Map.of(
                            "overview.html", "text/html; charset=utf-8",
                            "finance.csv", "text/csv; charset=utf-8",
                            "contracts/hotel/v0001.json", "application/json",
                            "chart.svg", "image/svg+xml")
                    .entrySet()) {
                var response = get(api, "/reports/" + MONTH + expected.getKey());
                assertEquals(200, response.statusCode(), expected.getKey());
                assertEquals(
                        expected.getValue(),
                        response.headers().firstValue("content-type").orElseThrow(),
                        expected.getKey());
                assertEquals(
                        "nosniff",
                        response.headers().firstValue("x-content-type-options").orElseThrow());
            }
            assertEquals(html, get(api, "/reports/" + MONTH + "overview.html").body());

            var index = get(api, "/reports/" + MONTH);
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<a href=\"overview.html\">"), index.body());
            assertTrue(index.body().contains("<a href=\"contracts/hotel/v0001.json\">"), index.body());
            assertEquals(404, get(api, "/reports/month-end/").statusCode(), "no listing beyond a month's index");
            assertEquals(404, get(api, "/reports/" + MONTH + "nothing.html").statusCode());
        }
    }

    @Test
    void traversalOtherBucketsAndWritesAreRefused(LocalAws aws) throws Exception {
        String mailBucket = aws.resources().require("MailBucket");
        put(aws, "MailBucket", "inbound/secret.eml", "Subject: geheim");
        put(aws, "ReportsBucket", MONTH + "overview.html", "<p>ok</p>");
        try (var api = new LocalApiServer(new LocalHandlers(aws, CLOCK), 0)) {
            int port = api.baseUrl().getPort();
            for (String path : new String[] {
                "/reports/" + MONTH + "../../../inbound/secret.eml",
                "/reports/../inbound/secret.eml",
                "/reports/%2e%2e/inbound/secret.eml",
                "/reports/month-end/2026-11/..%2f..%2finbound/secret.eml",
                "/reports/./month-end/2026-11/overview.html",
                "/reports//month-end/2026-11/overview.html",
                "/reports/"
            }) {
                String answer = raw(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
                assertFalse(answer.contains("geheim"), path);
            }
            // a bucket cannot be named: its name is just a key the reports bucket does not have
            assertEquals(404, get(api, "/reports/inbound/secret.eml").statusCode());
            assertEquals(
                    404,
                    get(api, "/reports/" + mailBucket + "/inbound/secret.eml").statusCode());
            var post = http.send(
                    HttpRequest.newBuilder(api.baseUrl().resolve("/reports/" + MONTH + "overview.html"))
                            .POST(HttpRequest.BodyPublishers.ofString("<p>changed</p>"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode(), "read-only");
            assertEquals(
                    "<p>ok</p>", get(api, "/reports/" + MONTH + "overview.html").body());
        }
    }

    @Test
    void theRouteIsLocalOnlyAndMonthEndLinksToIt(LocalAws aws, @TempDir Path dir) throws Exception {
        String template = Files.readString(ProjectRoot.find().resolve("template.yaml"));
        assertFalse(template.contains("/reports"), "no /reports route in AWS: the bucket stays private there");
        try (var api = new LocalApiServer(new LocalHandlers(aws, CLOCK), 0)) {
            assertTrue(api.routes().stream().noneMatch(r -> r.path().startsWith("/reports")), "not a template route");
        }
        assertEquals(
                Map.of(
                        "overview", "http://127.0.0.1:3000/reports/month-end/2026-11/overview.html",
                        "finance", "http://127.0.0.1:3000/reports/month-end/2026-11/finance.csv",
                        "financeNl", "http://127.0.0.1:3000/reports/month-end/2026-11/financieel.csv",
                        "index", "http://127.0.0.1:3000/reports/month-end/2026-11/"),
                MonthEndCommand.servedLinks("http://127.0.0.1:3000", YearMonth.of(2026, 11)));

        put(aws, "ReportsBucket", MONTH + "overview.html", "<p>ok</p>");
        LocalReports.download(aws, MONTH, dir);
        var files = MonthEndCommand.fileLinks(dir, YearMonth.of(2026, 11));
        assertEquals("<p>ok</p>", Files.readString(Path.of(URI.create(files.get("overview")))));
    }

    private static void put(LocalAws aws, String bucket, String key, String content) {
        aws.clients()
                .s3()
                .putObject(
                        b -> b.bucket(aws.resources().require(bucket)).key(key),
                        RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(LocalApiServer api, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as written, so no client tidies its path first. */
    private static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
