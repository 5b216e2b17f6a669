package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.vioms.sladesk.aws.directory.ApiTokens;
import nl.vioms.sladesk.aws.directory.DirectoryRepository;
import nl.vioms.sladesk.aws.directory.TokenTable;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.TestLogin;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.emulators.LambdaEvents;
import nl.vioms.sladesk.emulators.LambdaInvoke;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.intake.api.IntakeApiHandler;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.LogCapture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's API tokens (issue 18) on the emulated account with the demo directory: the real
 * PortalApp (TestLogin's session), the directory table as the page writes it, and the real HTTP API
 * handler that has to accept the token for the reseller's own customer and refuse another's.
 */
@ExtendWith(AwsEmulators.class)
class PortalTokensTest {
    /** Thu 26 Nov 2026 10:12:30 in Amsterdam. */
    private static final Instant START = Instant.parse("2026-11-26T09:12:30Z");

    private static final MutableClock CLOCK = new MutableClock(START);
    private static final String ANNA = "anna@telnet.demo";
    private static final String TELNET = TestLogin.reseller(ANNA, "telnet", true);
    private static final String BAS = "bas@belwinkel.demo";
    private static final String BELWINKEL = TestLogin.reseller(BAS, "belwinkel", true);
    /** Each test its own names: the emulated account is shared by the whole JVM. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The list's columns after the name: created, expires, last used, state, actions. */
    private static final int LAST_USED = 2;

    private static final int STATE = 3;

    private static ConsoleClient portal;
    private static IntakeApiHandler api;
    private static TokenTable table;

    @BeforeAll
    static void start(LocalAws aws) {
        portal = ConsoleClient.portal(aws, CLOCK);
        api = new IntakeApiHandler(aws.environmentOf("IntakeApiFunction"), aws.clients(), CLOCK);
        table = new DirectoryRepository(aws.clients().dynamo(), aws.resources().tableName("DirectoryTable")).tokens();
    }

    @BeforeEach
    void resetClock() {
        CLOCK.set(START);
    }

    @Test
    void anIssuedTokenIsShownOnceAndTheApiTakesItForTheResellersOwnCustomerOnly() {
        String name = "erp-" + SEQUENCE.incrementAndGet();

        WebResponse[] answer = new WebResponse[1];
        var issuing = LogCapture.capture(() -> answer[0] = issue(TELNET, ANNA, Map.of("name", name, "expires", "90")));
        WebResponse issued = answer[0];

        assertEquals(201, issued.statusCode(), issued.body());
        String secret = Jsoup.parse(issued.body()).getElementById("geheim").val();
        assertTrue(secret.startsWith("sld_"), secret);
        assertFalse(issuing.lines().toString().contains(secret), "never logged");
        ApiToken stored = table.find(ApiToken.hash(secret)).orElseThrow();
        assertEquals(TokenScope.RESELLER, stored.scope());
        assertEquals("telnet", stored.resellerId());
        assertEquals("telnet-" + name, stored.name(), "the reseller's prefix before the typed name");
        // 26 Nov 09:12:30 UTC + 90 days = 24 Feb 2027 09:12:30 UTC (10:12 in Amsterdam, CET)
        assertEquals(Instant.parse("2027-02-24T09:12:30Z"), stored.expiresAt());
        assertTrue(Jsoup.parse(issued.body()).text().contains("wo 24 feb. 2027 10:12"), issued.body());

        assertEquals(201, openTicket(secret, "bakkerij-devries").getStatusCode(), "TelNet's own customer");
        APIGatewayV2HTTPResponse other = openTicket(secret, "tandarts-smit");
        assertEquals(404, other.getStatusCode(), "De Belwinkel's customer does not exist for TelNet's token");

        String list = portal.get("/portal/tokens", TELNET).body();
        assertFalse(list.contains(secret), "the secret is on the page that issued it only");
        Document page = Jsoup.parse(list);
        assertEquals("actief", cell(page, "telnet-" + name, STATE));
        assertEquals("do 26 nov. 2026 10:12", cell(page, "telnet-" + name, LAST_USED), "the API call above");
    }

    @Test
    void aForgedScopeAndResellerInTheFormChangeNothing() {
        String name = "vals-" + SEQUENCE.incrementAndGet();

        WebResponse issued = issue(
                TELNET, ANNA, Map.of("name", name, "expires", "30", "scope", "OPERATIONS", "reseller", "belwinkel"));

        assertEquals(201, issued.statusCode(), issued.body());
        String secret = Jsoup.parse(issued.body()).getElementById("geheim").val();
        ApiToken stored = table.find(ApiToken.hash(secret)).orElseThrow();
        assertEquals(TokenScope.RESELLER, stored.scope());
        assertEquals("telnet", stored.resellerId());
        assertEquals(404, openTicket(secret, "tandarts-smit").getStatusCode(), "still not De Belwinkel's");
        assertEquals(201, openTicket(secret, "hotel-gouden-leeuw").getStatusCode());
    }

    @Test
    void eachResellerSeesOnlyItsOwnTokens() {
        String telnets = "telnet-eigen-" + SEQUENCE.incrementAndGet();
        String belwinkels = "belwinkel-eigen-" + SEQUENCE.incrementAndGet();
        issue(TELNET, ANNA, Map.of("name", telnets.substring("telnet-".length()), "expires", "90"));
        issue(BELWINKEL, BAS, Map.of("name", belwinkels.substring("belwinkel-".length()), "expires", "90"));

        List<String> telnet =
                names(Jsoup.parse(portal.get("/portal/tokens", TELNET).body()));
        List<String> belwinkel =
                names(Jsoup.parse(portal.get("/portal/tokens", BELWINKEL).body()));

        assertTrue(telnet.contains(telnets) && telnet.contains("telnet-portal"), telnet.toString());
        assertTrue(belwinkel.contains(belwinkels) && belwinkel.contains("belwinkel-portal"), belwinkel.toString());
        assertTrue(telnet.stream().allMatch(n -> n.startsWith("telnet-")), "no other reseller's, no VIOMS token");
        assertTrue(belwinkel.stream().allMatch(n -> n.startsWith("belwinkel-")), belwinkel.toString());
    }

    @Test
    void anotherResellersTokenIsTheSame404AsAnUnknownOneAndStaysWorking() {
        String name = "telnet-doelwit-" + SEQUENCE.incrementAndGet();
        String secret = secretOf(issue(TELNET, ANNA, Map.of("name", name.substring(7), "expires", "90")));
        String tokenId = ApiToken.hash(secret).substring(0, 12);
        Map<String, String> rotate =
                Map.of("_csrf", TestLogin.csrf(BAS), "token", tokenId, "overlap", "0", "expires", "90");

        WebResponse unknown = portal.get("/portal/tokens/belwinkel-bestaat-niet/rotate", BELWINKEL);
        List<WebResponse> tries = List.of(
                portal.get("/portal/tokens/" + name + "/rotate", BELWINKEL),
                portal.get("/portal/tokens/" + name + "/revoke", BELWINKEL),
                portal.post("/portal/tokens/" + name + "/rotate", BELWINKEL, rotate),
                portal.post("/portal/tokens/" + name + "/revoke", BELWINKEL, Map.of("_csrf", TestLogin.csrf(BAS))));

        assertEquals(404, unknown.statusCode());
        String unknownText = alert(unknown);
        for (WebResponse tried : tries) {
            assertEquals(404, tried.statusCode(), tried.body());
            assertEquals(unknownText, alert(tried), "no hint that the token exists");
        }
        assertEquals(
                ApiToken.State.ACTIVE,
                table.find(ApiToken.hash(secret)).orElseThrow().state(START));
        assertEquals(201, openTicket(secret, "bakkerij-devries").getStatusCode(), "still TelNet's working token");
    }

    @Test
    void aRotatedTokenWorksThroughTheChosenOverlapAndARevokedOneStopsAtOnce() {
        String name = "telnet-rot-" + SEQUENCE.incrementAndGet();
        String first = secretOf(issue(TELNET, ANNA, Map.of("name", name.substring(7), "expires", "30")));
        Document confirm = Jsoup.parse(
                portal.get("/portal/tokens/" + name + "/rotate", TELNET).body());
        String tokenId = confirm.selectFirst("input[name=token]").val();
        assertEquals("1", confirm.selectFirst("#veld-overlap option[selected]").val(), "an hour by default");

        WebResponse rotated = portal.post(
                "/portal/tokens/" + name + "/rotate",
                TELNET,
                Map.of("_csrf", TestLogin.csrf(ANNA), "token", tokenId, "overlap", "1", "expires", "90"));

        assertEquals(201, rotated.statusCode(), rotated.body());
        String second = secretOf(rotated);
        assertEquals(201, openTicket(first, "bakkerij-devries").getStatusCode(), "the old one in its overlap");
        assertEquals(201, openTicket(second, "bakkerij-devries").getStatusCode());
        List<String> states = Jsoup.parse(portal.get("/portal/tokens", TELNET).body()).select("tbody tr").stream()
                .filter(tr -> tr.select("th[scope=row]").text().equals(name))
                .map(tr -> tr.select("td").get(STATE).text())
                .sorted()
                .toList();
        // the old one's overlap: 10:12 in Amsterdam + 1 hour
        assertEquals(List.of("actief", "vervangen, werkt tot do 26 nov. 2026 11:12"), states);
        WebResponse again = portal.post(
                "/portal/tokens/" + name + "/rotate",
                TELNET,
                Map.of("_csrf", TestLogin.csrf(ANNA), "token", tokenId, "overlap", "1", "expires", "90"));
        assertEquals(409, again.statusCode(), "a double submit rotates once");
        assertEquals(201, openTicket(second, "bakkerij-devries").getStatusCode());

        CLOCK.set(START.plus(Duration.ofHours(1)));
        assertEquals(401, openTicket(first, "bakkerij-devries").getStatusCode(), "the overlap is over");
        assertEquals(201, openTicket(second, "bakkerij-devries").getStatusCode());

        WebResponse revoked =
                portal.post("/portal/tokens/" + name + "/revoke", TELNET, Map.of("_csrf", TestLogin.csrf(ANNA)));
        assertEquals(303, revoked.statusCode());
        assertEquals(401, openTicket(second, "bakkerij-devries").getStatusCode());
        assertEquals(
                303,
                portal.post("/portal/tokens/" + name + "/revoke", TELNET, Map.of("_csrf", TestLogin.csrf(ANNA)))
                        .statusCode(),
                "twice: harmless");
    }

    @Test
    void badNamesAndLifetimesAreRefusedWithAMessageAtTheFieldAndNothingIsIssued() {
        int before = tokens().ofReseller("telnet").size();
        String tooLong = "a".repeat(PortalTokens.NAME_MAX + 1);

        WebResponse capitals = issue(TELNET, ANNA, Map.of("name", "Mijn Token", "expires", "90"));
        WebResponse longName = issue(TELNET, ANNA, Map.of("name", tooLong, "expires", "90"));
        WebResponse control = issue(TELNET, ANNA, Map.of("name", "crm\u0007", "expires", "90"));
        WebResponse lifetime =
                issue(TELNET, ANNA, Map.of("name", "ok-naam-" + SEQUENCE.incrementAndGet(), "expires", "7"));

        assertEquals(400, capitals.statusCode());
        assertEquals(
                "Een naam bestaat uit kleine letters, cijfers en streepjes, zoals crm-koppeling.",
                Jsoup.parse(capitals.body()).getElementById("fout-name").text());
        assertEquals(
                "Mijn Token",
                Jsoup.parse(capitals.body()).getElementById("veld-name").val(),
                "what was typed stays");
        assertEquals(400, longName.statusCode());
        assertEquals(
                "Een naam is hoogstens 40 tekens lang.",
                Jsoup.parse(longName.body()).getElementById("fout-name").text());
        assertEquals(400, control.statusCode());
        assertEquals(400, lifetime.statusCode());
        assertEquals(
                "Kies hoe lang het token geldig is.",
                Jsoup.parse(lifetime.body()).getElementById("fout-expires").text());
        assertEquals(before, tokens().ofReseller("telnet").size(), "nothing issued");
    }

    @Test
    void theTokenPagesSpeakEnglishOnRequest() {
        WebResponse refused = portal.app.handle(WebRequest.of(
                "POST",
                "/portal/tokens",
                Map.of("content-type", "application/x-www-form-urlencoded", "host", "127.0.0.1:3000"),
                List.of(TELNET, "sladesk-lang=en"),
                "_csrf=" + TestLogin.csrf(ANNA).replace("@", "%40") + "&name=Fout&expires=90"));

        assertEquals(400, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals("API tokens", page.selectFirst("main h1").text());
        assertEquals(
                "A name consists of lower-case letters, digits and dashes, such as crm-link.",
                page.getElementById("fout-name").text());
        assertTrue(page.text().contains("Issue token"), page.text());
        assertEquals("en", page.selectFirst("html").attr("lang"));
    }

    @Test
    void staffWhoAreNotThePortalAdminGet403OnEveryTokenAndStaffRoute() {
        String staff = TestLogin.reseller("piet@telnet.demo", "telnet", false);
        Map<String, String> csrf = Map.of("_csrf", TestLogin.csrf("piet@telnet.demo"), "name", "x", "expires", "90");
        for (String path : List.of("/portal/tokens", "/portal/tokens/telnet-portal/revoke", "/portal/staff")) {
            assertEquals(403, portal.get(path, staff).statusCode(), path);
        }
        for (String path : List.of(
                "/portal/tokens",
                "/portal/tokens/telnet-portal/rotate",
                "/portal/tokens/telnet-portal/revoke",
                "/portal/staff",
                "/portal/staff/state")) {
            assertEquals(403, portal.post(path, staff, csrf).statusCode(), path);
        }
        assertEquals(
                ApiToken.State.ACTIVE,
                table.find(ApiToken.hash("demo-telnet-token")).orElseThrow().state(START));
        assertFalse(
                Jsoup.parse(portal.get("/portal/", staff).body())
                        .select("header nav a")
                        .eachText()
                        .contains("API-tokens"),
                "the menu does not offer what the role cannot open");
    }

    private static WebResponse issue(String cookie, String email, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", TestLogin.csrf(email));
        return portal.post("/portal/tokens", cookie, form);
    }

    private static String secretOf(WebResponse issued) {
        assertEquals(201, issued.statusCode(), issued.body());
        return Jsoup.parse(issued.body()).getElementById("geheim").val();
    }

    private static ApiTokens tokens() {
        return new ApiTokens(table);
    }

    private static String alert(WebResponse response) {
        return Jsoup.parse(response.body()).select("[role=alert]").text();
    }

    private static List<String> names(Document page) {
        return page.select("tbody th[scope=row]").eachText();
    }

    /** The text of a row's cell ({@link #LAST_USED}, {@link #STATE}: the td cells after the name). */
    private static String cell(Document page, String name, int index) {
        return page.select("tbody tr").stream()
                .filter(tr -> tr.select("th[scope=row]").text().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed: " + page.text()))
                .select("td")
                .get(index)
                .text();
    }

    /** POST /tickets of the HTTP API with a reseller's bearer token, for the customer's PBX. */
    private static APIGatewayV2HTTPResponse openTicket(String token, String customer) {
        APIGatewayV2HTTPEvent event = LambdaEvents.load("intake-api/post-tickets.json", APIGatewayV2HTTPEvent.class);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("authorization", "Bearer " + token);
        headers.put("idempotency-key", "portal-" + System.nanoTime());
        event.setHeaders(headers);
        event.setBody("{\"customer\": \"" + customer + "\", \"kind\": \"incident\", \"subject\": \"Toestellen vallen"
                + " uit\", \"description\": \"Geen kiestoon sinds 10:00.\", \"service\": \"pbx\"}");
        return LambdaInvoke.invoke(api, event, APIGatewayV2HTTPResponse.class);
    }
}
