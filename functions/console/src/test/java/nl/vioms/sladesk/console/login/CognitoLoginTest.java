package nl.vioms.sladesk.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.console.users.UserPool;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;

/**
 * The real login (issue 17) against cognito-local: the pool, groups and client come from
 * template.yaml; people are made here with the admin calls an operator would use.
 */
@ExtendWith(AwsEmulators.class)
class CognitoLoginTest {
    private static final String PASSWORD = "Demo-wachtwoord-1";
    private static final Map<String, String> FORM = Map.of("content-type", "application/x-www-form-urlencoded");
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static ConsoleApp app;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;

    @BeforeAll
    static void setUp(LocalAws aws) {
        var env = aws.environmentOf("ConsoleFunction");
        Services services = new Services(env, aws.clients(), CLOCK);
        app = new ConsoleApp(services, CognitoLogin.of(services));
        cognito = aws.clients().cognito();
        pool = env.require(EnvVar.CONSOLE_USER_POOL_ID);
        try {
            cognito.createGroup(b -> b.userPoolId(pool).groupName("reseller-telnet"));
        } catch (GroupExistsException e) {
            // an earlier test class made it
        }
    }

    @Test
    void operationsLogsInAndSeesTheConsoleAtThePageItAskedFor() {
        String email = person("operations");
        WebResponse login = login(email, PASSWORD, "/console/");
        assertEquals(303, login.statusCode(), login.body());
        assertEquals("/console/", login.headers().get("location"));
        String setCookie = login.cookies().get(0);
        assertTrue(setCookie.startsWith(SessionCookie.NAME + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/console"), setCookie);

        WebResponse home = get("/console/", cookieOf(login));
        assertEquals(200, home.statusCode(), home.body());
        Document page = Jsoup.parse(home.body());
        // operations land on the queue, with their name beside the logout button
        assertEquals("Wachtrij", page.select("main h1").text());
        assertEquals(email, page.select("form.logout .who").text());
        assertEquals("Uitloggen", page.select("form.logout button").text());
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswerAndNoSession() {
        String email = person("operations");
        WebResponse wrong = login(email, "Niet-het-wachtwoord-9", "/console/");
        WebResponse unknown = login("niemand-" + UUID.randomUUID() + "@vioms.demo", PASSWORD, "/console/");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(List.of(), wrong.cookies());
        assertEquals(List.of(), unknown.cookies());
        assertEquals(
                CognitoLogin.WRONG,
                Jsoup.parse(wrong.body()).select("[role=alert]").text());
        assertEquals(
                CognitoLogin.WRONG,
                Jsoup.parse(unknown.body()).select("[role=alert]").text());
    }

    @Test
    void aResellersPortalAccountGetsAClearRefusalAndNoSession() {
        String email = person("reseller-telnet");
        WebResponse login = login(email, PASSWORD, "/console/");
        assertEquals(403, login.statusCode());
        assertEquals(List.of(), login.cookies());
        assertEquals(
                Site.CONSOLE.noAccess(),
                Jsoup.parse(login.body()).select("[role=alert]").text());
    }

    @Test
    void afterLogoutTheOldCookieNoLongerOpensAnyPage() {
        String email = person("operations");
        String cookie = cookieOf(login(email, PASSWORD, "/console/"));
        String csrf = Jsoup.parse(get("/console/", cookie).body())
                .select("input[name=_csrf]")
                .val();

        WebResponse logout =
                app.handle(WebRequest.of("POST", "/console/logout", FORM, List.of(cookie), "_csrf=" + csrf));
        assertEquals(303, logout.statusCode());
        assertEquals("/console/login?uitgelogd=1", logout.headers().get("location"));
        assertTrue(
                logout.cookies().get(0).contains("Max-Age=0"), logout.cookies().get(0));

        // the browser forgot it; an attacker who copied it replays it
        WebResponse replay = get("/console/", cookie);
        assertEquals(303, replay.statusCode());
        assertTrue(
                replay.headers().get("location").startsWith("/console/login"),
                replay.headers().toString());
        // and logging out twice is harmless
        assertEquals(
                303,
                app.handle(WebRequest.of("POST", "/console/logout", FORM, List.of(cookie), "_csrf=" + csrf))
                        .statusCode());
    }

    @Test
    void logoutWithoutTheSessionsCsrfTokenIsRefusedAndTheSessionLives() {
        String cookie = cookieOf(login(person("operations"), PASSWORD, "/console/"));
        WebResponse forged = app.handle(WebRequest.of("POST", "/console/logout", FORM, List.of(cookie), "_csrf=x"));
        assertEquals(403, forged.statusCode());
        assertEquals(200, get("/console/", cookie).statusCode());
    }

    @Test
    void anExpiredSessionLeadsBackToTheLoginPage() {
        String cookie = cookieOf(login(person("finance"), PASSWORD, "/console/"));
        assertEquals(200, get("/console/", cookie).statusCode());
        Instant start = CLOCK.instant();
        try {
            // ID tokens live 60 minutes (template.yaml); 61 minutes later the same cookie is refused
            CLOCK.advance(Duration.ofMinutes(61));
            WebResponse expired = get("/console/", cookie);
            assertEquals(303, expired.statusCode());
            assertEquals("/console/login?next=%2Fconsole%2F", expired.headers().get("location"));
        } finally {
            CLOCK.set(start);
        }
    }

    @Test
    void aCookieWithItsPayloadEditedIsRefused() {
        String token =
                cookieOf(login(person("telephony"), PASSWORD, "/console/")).split("=", 2)[1];
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"telephony\"", "\"admin\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        WebResponse response = get("/console/", SessionCookie.NAME + "=" + forged);
        assertEquals(303, response.statusCode());
    }

    @Test
    void nextIsKeptOnlyAsAPathOfTheConsole() {
        String email = person("operations");
        assertEquals(
                "/console/",
                login(email, PASSWORD, "https://evil.example/").headers().get("location"));
        assertEquals(
                "/console/",
                login(email, PASSWORD, "//evil.example/console/").headers().get("location"));
        assertEquals(
                "/console/", login(email, PASSWORD, "/console/../x").headers().get("location"));
        assertEquals(
                "/console/monitoring",
                login(email, PASSWORD, "/console/monitoring").headers().get("location"));
        Document page = Jsoup.parse(
                get("/console/login?next=https%3A%2F%2Fevil.example", null).body());
        assertEquals("/console/", page.select("input[name=next]").val());
    }

    @Test
    void aLoginFormFromAnotherSiteIsRefused() {
        String email = person("operations");
        Map<String, String> headers = Map.of(
                "content-type", "application/x-www-form-urlencoded",
                "origin", "https://evil.example",
                "host", "sladesk.vioms.nl");
        WebResponse response = app.handle(WebRequest.of(
                "POST",
                "/console/login",
                headers,
                List.of(),
                "email=" + encode(email) + "&password=" + encode(PASSWORD)));
        assertEquals(403, response.statusCode());
        assertEquals(List.of(), response.cookies());
    }

    @Test
    void anInvitedPersonChoosesAPasswordAtTheFirstLogin() {
        String email = "nieuw-" + UUID.randomUUID() + "@vioms.demo";
        cognito.adminCreateUser(b -> b.userPoolId(pool)
                .username(email)
                .temporaryPassword("Tijdelijk-wachtwoord-1")
                .desiredDeliveryMediumsWithStrings("EMAIL")
                .userAttributes(
                        AttributeType.builder().name("email").value(email).build()));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName("second-line"));

        WebResponse challenge = login(email, "Tijdelijk-wachtwoord-1", "/console/");
        assertEquals(200, challenge.statusCode(), challenge.body());
        Document form = Jsoup.parse(challenge.body());
        assertEquals("Kies je wachtwoord", form.select("h1").text());
        String session = form.select("input[name=session]").val();

        WebResponse done = app.handle(WebRequest.of(
                "POST",
                "/console/login/new-password",
                FORM,
                List.of(),
                "email=" + encode(email) + "&session=" + encode(session) + "&next=%2Fconsole%2F" + "&password="
                        + encode("Mijn-eigen-wachtwoord-7") + "&repeat=" + encode("Mijn-eigen-wachtwoord-7")));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(200, get("/console/", cookieOf(done)).statusCode());
    }

    @Test
    void aForgottenPasswordAnswersTheSameForAnUnknownAddress() {
        WebResponse known = app.handle(WebRequest.of(
                "POST", "/console/password/forgot", FORM, List.of(), "email=" + encode(person("operations"))));
        WebResponse unknown = app.handle(WebRequest.of(
                "POST",
                "/console/password/forgot",
                FORM,
                List.of(),
                "email=" + encode("niemand-" + UUID.randomUUID() + "@vioms.demo")));
        assertEquals(200, known.statusCode(), known.body());
        assertEquals(200, unknown.statusCode(), unknown.body());
        assertEquals(
                Jsoup.parse(known.body()).select("[role=status]").text(),
                Jsoup.parse(unknown.body()).select("[role=status]").text());
        assertFalse(Jsoup.parse(unknown.body()).select("[role=alert]").hasText());
    }

    /** A confirmed person with the demo password in one group. */
    private static String person(String group) {
        String email = group + "-" + UUID.randomUUID() + "@vioms.demo";
        UserPool users = new UserPool(cognito, pool);
        users.createWithPassword(email, PASSWORD);
        users.addToGroup(email, group);
        return email;
    }

    private static WebResponse login(String email, String password, String next) {
        return app.handle(WebRequest.of(
                "POST",
                "/console/login",
                FORM,
                List.of(),
                "email=" + encode(email) + "&password=" + encode(password) + "&next=" + encode(next)));
    }

    private static WebResponse get(String pathAndQuery, String cookie) {
        String[] parts = pathAndQuery.split("\\?", 2);
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", parts[0]);
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "sourceIp", "127.0.0.1")));
        event.put("headers", Map.of());
        event.put("cookies", cookie == null ? List.of() : List.of(cookie));
        if (parts.length > 1) {
            Map<String, String> query = new HashMap<>();
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
            event.put("queryStringParameters", query);
        }
        return app.handle(new WebRequest(event));
    }

    /** The name=value of the session cookie a response sets. */
    private static String cookieOf(WebResponse response) {
        return response.cookies().get(0).split(";", 2)[0];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
