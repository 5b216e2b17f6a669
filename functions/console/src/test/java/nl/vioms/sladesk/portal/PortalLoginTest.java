package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.SiteHandler;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.console.login.CognitoLogin;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;

/**
 * The portal's login (issue 18, decision 28) against cognito-local: the console's pool and app
 * client, the portal's own cookie, and the two sites keeping their people apart.
 */
@ExtendWith(AwsEmulators.class)
class PortalLoginTest {
    private static final String PASSWORD = "Demo-wachtwoord-1";
    private static final Map<String, String> FORM =
            Map.of("content-type", "application/x-www-form-urlencoded", "host", "127.0.0.1:3000");
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static SiteHandler.Pages portal;
    private static SiteHandler.Pages console;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;

    @BeforeAll
    static void setUp(LocalAws aws) {
        aws.seed("demo");
        Services portalServices = new Services(aws.environmentOf("PortalFunction"), aws.clients(), CLOCK);
        portal = new PortalApp(portalServices, CognitoLogin.of(portalServices, Site.PORTAL))::handle;
        Services consoleServices = new Services(aws.environmentOf("ConsoleFunction"), aws.clients(), CLOCK);
        console = new ConsoleApp(consoleServices, CognitoLogin.of(consoleServices))::handle;
        cognito = aws.clients().cognito();
        pool = aws.environmentOf("PortalFunction").require(EnvVar.CONSOLE_USER_POOL_ID);
        for (String group : List.of("reseller-telnet", "reseller-belwinkel")) {
            try {
                cognito.createGroup(b -> b.userPoolId(pool).groupName(group));
            } catch (GroupExistsException e) {
                // an earlier test class made it
            }
        }
    }

    @Test
    void aResellersStaffLogsInWithThePortalsOwnCookieAndSeesTheirReseller() {
        String email = person("reseller-telnet");
        WebResponse login = login(portal, "/portal/login", email, "/portal/");
        assertEquals(303, login.statusCode(), login.body());
        assertEquals("/portal/", login.headers().get("location"));
        String setCookie = login.cookies().get(0);
        assertTrue(setCookie.startsWith("sladesk-portal="), setCookie);
        // sent to the portal's pages only, never to the console's
        assertTrue(setCookie.contains("Path=/portal;") && setCookie.contains("HttpOnly"), setCookie);

        Document home =
                Jsoup.parse(get(portal, "/portal/", List.of(cookieOf(login))).body());
        assertEquals("TelNet Partners B.V.", home.select("main h1").text());
        assertEquals(email, home.select("form.logout .who").text());
        assertEquals("SLA Desk portaal", home.select("header .brand").text());
    }

    @Test
    void viomsPeopleWithoutAResellerGroupAreRefusedAtThePortal() {
        String email = person("operations");
        WebResponse login = login(portal, "/portal/login", email, "/portal/");
        assertEquals(403, login.statusCode());
        assertEquals(List.of(), login.cookies());
        assertEquals(
                Site.PORTAL.noAccess(),
                Jsoup.parse(login.body()).select("[role=alert]").text());
    }

    @Test
    void aPortalTokenSentAsTheConsolesCookieOpensNoConsolePage() {
        String token = cookieOf(login(portal, "/portal/login", person("reseller-telnet"), "/portal/"))
                .substring("sladesk-portal=".length());
        // the same signed token, copied by hand into the console's cookie: not one of the console's people
        WebResponse queue = get(console, "/console/", List.of("sladesk-session=" + token));
        assertEquals(303, queue.statusCode());
        assertTrue(
                queue.headers().get("location").startsWith("/console/login"),
                queue.headers().toString());
    }

    @Test
    void aConsoleTokenSentAsThePortalsCookieOpensNoPortalPage() {
        WebResponse consoleLogin = login(console, "/console/login", person("operations"), "/console/");
        String token = cookieOf(consoleLogin).substring("sladesk-session=".length());
        WebResponse home = get(portal, "/portal/", List.of("sladesk-portal=" + token));
        assertEquals(303, home.statusCode());
        assertTrue(
                home.headers().get("location").startsWith("/portal/login"),
                home.headers().toString());
    }

    @Test
    void aPersonInTwoResellersGroupsBelongsToNeitherAndGetsNoSession() {
        String email = person("reseller-telnet");
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName("reseller-belwinkel"));
        WebResponse login = login(portal, "/portal/login", email, "/portal/");
        assertEquals(403, login.statusCode());
        assertEquals(List.of(), login.cookies());
    }

    @Test
    void theLoginPageIsEnglishOnRequestAndTheChoiceIsKept() {
        WebResponse choose = portal.handle(WebRequest.of(
                "GET", "/portal/language", Map.of("referer", "http://127.0.0.1:3000/portal/login"), List.of(), ""));
        // the query is not in WebRequest.of: the default (Dutch) is chosen, the cookie set
        assertEquals(303, choose.statusCode());
        assertEquals("/portal/login", choose.headers().get("location"));

        Document english = Jsoup.parse(
                get(portal, "/portal/login", List.of("sladesk-lang=en")).body());
        assertEquals("en", english.select("html").attr("lang"));
        assertEquals("Log in", english.select("main h1").text());
        assertEquals("Password", english.select("label[for=password]").text());
        Document dutch = Jsoup.parse(get(portal, "/portal/login", List.of()).body());
        assertEquals("nl", dutch.select("html").attr("lang"));
        assertEquals("Inloggen", dutch.select("main h1").text());
    }

    @Test
    void afterLogoutThePortalCookieIsRefused() {
        String cookie = cookieOf(login(portal, "/portal/login", person("reseller-telnet"), "/portal/"));
        String csrf = Jsoup.parse(get(portal, "/portal/", List.of(cookie)).body())
                .select("form.logout input[name=_csrf]")
                .val();
        WebResponse logout =
                portal.handle(WebRequest.of("POST", "/portal/logout", FORM, List.of(cookie), "_csrf=" + csrf));
        assertEquals(303, logout.statusCode());
        assertEquals("/portal/login?uitgelogd=1", logout.headers().get("location"));
        assertEquals(303, get(portal, "/portal/", List.of(cookie)).statusCode());
    }

    /** A confirmed person with the demo password in one group. */
    private static String person(String group) {
        String email = "portal-" + UUID.randomUUID() + "@example.org";
        UserPool users = new UserPool(cognito, pool);
        users.createWithPassword(email, PASSWORD);
        users.addToGroup(email, group);
        return email;
    }

    private static WebResponse login(SiteHandler.Pages app, String path, String email, String next) {
        return handle(
                app,
                WebRequest.of(
                        "POST",
                        path,
                        FORM,
                        List.of(),
                        "email=" + encode(email) + "&password=" + encode(PASSWORD) + "&next=" + encode(next)));
    }

    private static WebResponse get(SiteHandler.Pages app, String path, List<String> cookies) {
        Map<String, Object> event = new HashMap<>();
        event.put("rawPath", path);
        event.put("requestContext", Map.of("http", Map.of("method", "GET", "sourceIp", "127.0.0.1")));
        event.put("headers", Map.of());
        event.put("cookies", cookies);
        return handle(app, new WebRequest(event));
    }

    private static WebResponse handle(SiteHandler.Pages app, WebRequest request) {
        return app.handle(request);
    }

    private static String cookieOf(WebResponse response) {
        return response.cookies().get(0).split(";", 2)[0];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
