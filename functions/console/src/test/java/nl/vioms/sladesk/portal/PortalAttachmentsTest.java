package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.attachments.Attachment;
import nl.vioms.sladesk.aws.attachments.AttachmentFiles;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attachments end to end on the emulators (issue 18): the upload form posted to fauxqs as a browser
 * posts it (multipart, the presigned fields, then the file), S3's redirect followed into the portal,
 * the check before recording (fauxqs enforces no policy: the portal's check is the wall), the
 * presigned download, and every route tried with another reseller's ticket, attachment or key.
 */
@ExtendWith(AwsEmulators.class)
class PortalAttachmentsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConsoleClient portal;
    private static ConsoleClient console;
    private static String telnetTicket;
    private static String belwinkelTicket;

    @BeforeAll
    static void tickets(LocalAws aws) {
        portal = ConsoleClient.portal(aws, new MutableClock(NOW));
        console = new ConsoleClient(aws, new MutableClock(NOW));
        telnetTicket = open(
                PortalOpenTest.TELNET,
                PortalOpenTest.form(
                        "incident", "hotel-gouden-leeuw", "hotel-gouden-leeuw/pbx", "P2", "Doorverbinden mislukt"));
        belwinkelTicket = open(
                PortalOpenTest.BELWINKEL,
                PortalOpenTest.formOf(
                        PortalOpenTest.BERT, "incident", "tandarts-smit", "tandarts-smit/pbx", "P3", "Wachtrij"));
    }

    @Test
    void anUploadIsCheckedRecordedListedAndDownloadedAsAnAttachment() throws Exception {
        byte[] png = "\u0089PNG schermafdruk".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> s3 = upload(PortalOpenTest.TELNET, telnetTicket, "scherm afdruk.png", "image/png", png);

        // S3 answers the form with 303 to the portal's done page, key and etag added
        assertEquals(303, s3.statusCode(), s3.body());
        String back = s3.headers().firstValue("location").orElseThrow();
        assertTrue(back.contains("/portal/tickets/" + telnetTicket + "/attachments/done?"), back);
        WebResponse done = follow(back, PortalOpenTest.TELNET);
        assertEquals(303, done.statusCode(), done.body());
        String id = done.headers().get("location").replaceAll(".*toegevoegd=", "");
        assertEquals(
                "/portal/tickets/" + telnetTicket + "/attachments?toegevoegd=" + id,
                done.headers().get("location"));

        Attachment stored = portal.services.attachments().find(telnetTicket, id).orElseThrow();
        assertEquals("scherm_afdruk.png", stored.name());
        assertEquals("image/png", stored.contentType());
        assertEquals(png.length, stored.size());
        assertEquals(PortalOpenTest.ANNA, stored.uploadedBy());
        assertTrue(stored.key().startsWith("attachments/telnet/" + telnetTicket + "/" + id + "/"), stored.key());
        // a reload of S3's redirect records nothing twice
        assertEquals(303, follow(back, PortalOpenTest.TELNET).statusCode());
        assertEquals(
                1,
                portal.services.attachments().of(telnetTicket).stream()
                        .filter(a -> a.id().equals(id))
                        .count());

        Document list = portal.page(done.headers().get("location"), PortalOpenTest.TELNET);
        assertEquals(
                "scherm_afdruk.png is toegevoegd.",
                list.selectFirst(".notice.ok").text());
        Element link = list.select("table.attachments a").stream()
                .filter(a -> a.text().equals("scherm_afdruk.png"))
                .findFirst()
                .orElseThrow();

        WebResponse download = portal.get(link.attr("href"), PortalOpenTest.TELNET);
        assertEquals(303, download.statusCode(), download.body());
        URI presigned = URI.create(download.headers().get("location"));
        String query = URLDecoder.decode(presigned.getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("response-content-disposition=attachment; filename=\"scherm_afdruk.png\""), query);
        assertTrue(query.contains("X-Amz-Expires=300"), "5 minutes: " + query);
        assertEquals("127.0.0.1", presigned.getHost(), "the endpoint the browser reaches: " + presigned);
        assertTrue(
                presigned.getPath().startsWith("/" + portal.services.setting(EnvVar.ATTACHMENTS_BUCKET) + "/"),
                presigned.toString());
        HttpResponse<byte[]> file =
                HTTP.send(HttpRequest.newBuilder(presigned).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(png, file.body());
    }

    @Test
    void theConsolesTicketPageListsTheAttachmentsAndDownloadsThemTheSameWay() throws Exception {
        HttpResponse<String> s3 = upload(PortalOpenTest.TELNET, telnetTicket, "trace.pcap", "", new byte[] {1, 2, 3});
        String id = follow(s3.headers().firstValue("location").orElseThrow(), PortalOpenTest.TELNET)
                .headers()
                .get("location")
                .replaceAll(".*toegevoegd=", "");
        String ops = TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS);

        Document page = console.page("/console/tickets/" + telnetTicket, ops);
        Element link = page.select("table.attachments a").stream()
                .filter(a -> a.text().equals("trace.pcap"))
                .findFirst()
                .orElseThrow();
        assertEquals("/console/tickets/" + telnetTicket + "/attachments/" + id, link.attr("href"));
        WebResponse download = console.get(link.attr("href"), ops);
        assertEquals(303, download.statusCode(), download.body());
        String query =
                URLDecoder.decode(URI.create(download.headers().get("location")).getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(query.contains("response-content-disposition=attachment; filename=\"trace.pcap\""), query);
        // the second line sees a ticket only once it is escalated to it: not this P2
        String second = TestLogin.cookie("tweedelijn@vioms.demo", Role.SECOND_LINE);
        assertEquals(404, console.get(link.attr("href"), second).statusCode());
    }

    @Test
    void theUploadPageMayPostToTheBucketOnly() {
        WebResponse page = portal.get("/portal/tickets/" + telnetTicket + "/attachments", PortalOpenTest.TELNET);
        String csp = page.headers().get("content-security-policy");
        Document form = Jsoup.parse(page.body());
        URI action = URI.create(form.selectFirst("form.upload").attr("action"));
        assertTrue(csp.contains("form-action 'self' http://127.0.0.1:" + action.getPort() + ";"), csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertEquals("file", form.select("form.upload input").last().attr("name"), "the file comes last");
        String key = form.selectFirst("form.upload input[name=key]").val();
        assertTrue(key.matches("attachments/telnet/" + telnetTicket + "/[0-9a-f]{32}/\\$\\{filename}"), key);
    }

    @Test
    void anOversizeUploadIsRefusedAndDeleted() throws Exception {
        byte[] big = new byte[(int) AttachmentFiles.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> s3 = upload(PortalOpenTest.TELNET, telnetTicket, "groot.log", "text/plain", big);
        String key = keyOf(s3);
        // fauxqs took it (it enforces no policy): the portal's check is what refuses it
        assertTrue(portal.services.attachmentFiles().head(key).isPresent());

        WebResponse done = follow(s3.headers().firstValue("location").orElseThrow(), PortalOpenTest.TELNET);

        assertEquals(
                "/portal/tickets/" + telnetTicket + "/attachments?geweigerd=groot",
                done.headers().get("location"));
        assertTrue(portal.services.attachmentFiles().head(key).isEmpty(), "deleted");
        assertTrue(portal.services.attachments().of(telnetTicket).stream()
                .noneMatch(a -> a.key().equals(key)));
        Document page = portal.page(done.headers().get("location"), PortalOpenTest.TELNET);
        assertEquals(
                "Het bestand is groter dan 10 MB en is verwijderd.",
                page.selectFirst(".notice.error").text());
    }

    @Test
    void aWrongTypeIsRefusedAndDeleted() throws Exception {
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> s3 = upload(PortalOpenTest.TELNET, telnetTicket, "pagina.html", "text/html", html);
        String key = keyOf(s3);

        WebResponse done = follow(s3.headers().firstValue("location").orElseThrow(), PortalOpenTest.TELNET);

        assertEquals(
                "/portal/tickets/" + telnetTicket + "/attachments?geweigerd=soort",
                done.headers().get("location"));
        assertTrue(portal.services.attachmentFiles().head(key).isEmpty(), "deleted");
        // a pdf name with an HTML type is refused as well
        HttpResponse<String> disguised = upload(PortalOpenTest.TELNET, telnetTicket, "rapport.pdf", "text/html", html);
        WebResponse refused = follow(disguised.headers().firstValue("location").orElseThrow(), PortalOpenTest.TELNET);
        assertEquals(
                "/portal/tickets/" + telnetTicket + "/attachments?geweigerd=soort",
                refused.headers().get("location"));
    }

    @Test
    void anotherResellersTicketAttachmentAndKeyAreAnsweredAsNotThere() throws Exception {
        // telnet's file, uploaded and recorded
        HttpResponse<String> s3 = upload(
                PortalOpenTest.TELNET,
                telnetTicket,
                "log.txt",
                "text/plain",
                "regel 1".getBytes(StandardCharsets.UTF_8));
        String telnetKey = keyOf(s3);
        String id = follow(s3.headers().firstValue("location").orElseThrow(), PortalOpenTest.TELNET)
                .headers()
                .get("location")
                .replaceAll(".*toegevoegd=", "");
        String belwinkel = PortalOpenTest.BELWINKEL;
        String notThere = "Deze melding bestaat niet.";

        // the list page of telnet's ticket
        WebResponse list = portal.get("/portal/tickets/" + telnetTicket + "/attachments", belwinkel);
        assertEquals(404, list.statusCode());
        assertTrue(list.body().contains(notThere));
        assertEquals(
                list.body(),
                portal.get("/portal/tickets/VIO-2026-999999/attachments", belwinkel)
                        .body(),
                "the same page as a ticket that does not exist");
        // the download of telnet's attachment, through telnet's ticket and through belwinkel's own
        assertEquals(
                404,
                portal.get("/portal/tickets/" + telnetTicket + "/attachments/" + id, belwinkel)
                        .statusCode());
        assertEquals(
                404,
                portal.get("/portal/tickets/" + belwinkelTicket + "/attachments/" + id, belwinkel)
                        .statusCode());
        // S3's redirect with telnet's key, on telnet's ticket and forged onto belwinkel's own ticket
        String query = "?bucket=b&key=" + telnetKey + "&etag=x";
        assertEquals(
                404,
                followPath("/portal/tickets/" + telnetTicket + "/attachments/done" + query, belwinkel)
                        .statusCode());
        assertEquals(
                404,
                followPath("/portal/tickets/" + belwinkelTicket + "/attachments/done" + query, belwinkel)
                        .statusCode());
        assertTrue(portal.services.attachmentFiles().head(telnetKey).isPresent(), "another's file is never touched");
        assertEquals(
                1,
                portal.services.attachments().of(telnetTicket).stream()
                        .filter(a -> a.key().equals(telnetKey))
                        .count());
        assertTrue(portal.services.attachments().of(belwinkelTicket).isEmpty(), "nothing recorded for belwinkel");
        // and telnet's own page for a key that is not there
        String missing = "attachments/telnet/" + telnetTicket + "/" + "0".repeat(32) + "/weg.txt";
        assertEquals(
                404,
                followPath(
                                "/portal/tickets/" + telnetTicket + "/attachments/done?key=" + missing,
                                PortalOpenTest.TELNET)
                        .statusCode());
    }

    /** Opens a ticket through the portal's form; its number. */
    private static String open(String cookie, Map<String, String> form) {
        WebResponse done = portal.post("/portal/tickets", cookie, form);
        assertEquals(303, done.statusCode(), done.body());
        return done.headers().get("location").split("/")[3];
    }

    /**
     * Reads the attachments page and posts its upload form to the bucket as a browser does:
     * multipart/form-data, the form's fields in order, then the file (S3 ignores what follows it).
     * The redirect is not followed: S3's 303 goes to the portal.
     */
    private static HttpResponse<String> upload(String cookie, String ticket, String name, String type, byte[] body)
            throws IOException, InterruptedException {
        Document page = portal.page("/portal/tickets/" + ticket + "/attachments", cookie);
        Element form = page.selectFirst("form.upload");
        String boundary = "----sladesk" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Element input : form.select("input[type=hidden]")) {
            String field = input.attr("name");
            // the page's script would set the file's type; without it (type "") the form's own value goes
            String value = field.equals("Content-Type") && !type.isEmpty() ? type : input.val();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n"
                            + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + (type.isEmpty() ? "application/octet-stream" : type) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.attr("action")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String keyOf(HttpResponse<String> s3) {
        URI back = URI.create(s3.headers().firstValue("location").orElseThrow());
        return query(back.getRawQuery()).get("key");
    }

    /** S3's redirect into the portal, its query decoded as API Gateway hands it over. */
    private static WebResponse follow(String location, String cookie) {
        URI uri = URI.create(location);
        return followPath(uri.getRawPath() + "?" + uri.getRawQuery(), cookie);
    }

    private static WebResponse followPath(String pathAndQuery, String cookie) {
        String[] parts = pathAndQuery.split("\\?", 2);
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", parts[0]);
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "sourceIp", "127.0.0.1")));
        event.put("headers", Map.of("host", "127.0.0.1:3000"));
        event.put("cookies", List.of(cookie));
        event.put("queryStringParameters", parts.length > 1 ? query(parts[1]) : Map.of());
        return portal.app.handle(new WebRequest(event));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
