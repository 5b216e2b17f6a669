package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import nl.vioms.sladesk.testing.WebBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The console's login (issue 17) as people use it: headless Chromium typing and clicking on the
 * local runtime as {@code ./sladesk up} runs it (the HTTP API, the console function, cognito-local),
 * with the demo people {@code ./sladesk up --seed demo} makes.
 */
@ExtendWith(AwsEmulators.class)
class ConsoleLoginBrowserTest {
    private static final String COOKIE = "sladesk-session";

    @Test
    void loginLogoutExpiryForgeryAndRefusalInARealBrowser(LocalAws aws, @TempDir Path dir) throws Exception {
        DemoConsoleUsers.ensure(aws);
        String reseller = resellerAccount(aws);
        MutableClock clock = new MutableClock(Instant.now());
        var quiet = new InvocationLog(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), InvocationLog.Format.TEXT);
        try (WebBrowser browser = WebBrowser.startOrSkip();
                var runtime =
                        new LocalRuntime(aws, clock, LocalRuntime.ScheduleMode.NONE, quiet, dir.resolve("state"));
                var api = new LocalApiServer(runtime.handlers(), 0, quiet, clock)) {
            // a page without a session leads to the login page, which remembers it
            browser.open(api.baseUrl().resolve("/console/"));
            browser.waitForUrl("/console/login?next=%2Fconsole%2F");
            assertEquals(List.of(), browser.axe().seriousOrCritical(), "the login page passes axe-core");

            // a wrong password: the generic refusal, still on the login page
            logIn(browser, "ops@vioms.demo", "Fout-wachtwoord-12");
            browser.find(By.cssSelector("[role=alert]"));
            assertTrue(
                    browser.text().contains("Het e-mailadres of het wachtwoord klopt niet."),
                    browser.driver().getPageSource());
            assertTrue(browser.findAll(By.cssSelector("form.logout")).isEmpty());

            // ops logs in and sees the console; Chromium kept the Secure cookie on http://127.0.0.1
            logIn(browser, "ops@vioms.demo", DemoConsoleUsers.PASSWORD);
            browser.find(By.cssSelector("form.logout"));
            assertEquals("Wachtrij", browser.find(By.cssSelector("main h1")).getText());
            assertEquals(
                    "ops@vioms.demo",
                    browser.find(By.cssSelector("form.logout .who")).getText());
            Cookie session = browser.driver().manage().getCookieNamed(COOKIE);
            assertNotNull(session, "the browser keeps the session cookie");
            assertTrue(session.isSecure() && session.isHttpOnly(), session.toString());
            assertEquals("/console", session.getPath());

            // a forged cookie (payload edited to admin) is refused
            browser.driver().manage().deleteCookieNamed(COOKIE);
            browser.driver().manage().addCookie(new Cookie(COOKIE, edited(session.getValue()), "/console"));
            browser.open(api.baseUrl().resolve("/console/"));
            browser.waitForUrl("/console/login");

            // logout ends the session: the old cookie, put back, opens nothing
            browser.driver().manage().deleteCookieNamed(COOKIE);
            browser.driver().manage().addCookie(new Cookie(COOKIE, session.getValue(), "/console"));
            browser.open(api.baseUrl().resolve("/console/"));
            browser.click(By.cssSelector("form.logout button"));
            browser.waitForUrl("/console/login?uitgelogd=1");
            assertTrue(browser.text().contains("Je bent uitgelogd."), browser.text());
            browser.driver().manage().addCookie(new Cookie(COOKIE, session.getValue(), "/console"));
            browser.open(api.baseUrl().resolve("/console/"));
            browser.waitForUrl("/console/login?next=");

            // an expired session leads back to the login page: ID tokens live 60 minutes
            logIn(browser, "ops@vioms.demo", DemoConsoleUsers.PASSWORD);
            browser.find(By.cssSelector("form.logout"));
            clock.advance(Duration.ofMinutes(61));
            browser.open(api.baseUrl().resolve("/console/"));
            browser.waitForUrl("/console/login?next=");
            clock.advance(Duration.ofMinutes(-61));

            // a reseller's portal account gets a clear refusal and no session
            browser.driver().manage().deleteAllCookies();
            browser.open(api.baseUrl().resolve("/console/login"));
            logIn(browser, reseller, DemoConsoleUsers.PASSWORD);
            assertTrue(
                    browser.text().contains("Dit account heeft geen toegang tot de console van SLA Desk."),
                    browser.text());
            assertEquals(null, browser.driver().manage().getCookieNamed(COOKIE));
            browser.open(api.baseUrl().resolve("/console/"));
            browser.waitForUrl("/console/login");
        }
    }

    private static void logIn(WebBrowser browser, String email, String password) {
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), password);
        browser.click(By.cssSelector("main form button[type=submit]"));
    }

    /** The token with its payload's group changed, its signature kept. */
    private static String edited(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"operations\"", "\"admin\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /** A reseller's portal account in the same pool (group reseller-telnet), with the demo password. */
    private static String resellerAccount(LocalAws aws) {
        var cognito = aws.clients().cognito();
        String pool = aws.resources().require("ConsoleUserPool");
        String email = "portaal@telnet.demo";
        try {
            cognito.createGroup(b -> b.userPoolId(pool).groupName("reseller-telnet"));
        } catch (GroupExistsException e) {
            // made by an earlier test
        }
        try {
            cognito.adminCreateUser(b -> b.userPoolId(pool)
                    .username(email)
                    .messageAction("SUPPRESS")
                    .userAttributes(
                            AttributeType.builder().name("email").value(email).build()));
        } catch (UsernameExistsException e) {
            // made by an earlier test
        }
        cognito.adminSetUserPassword(b -> b.userPoolId(pool)
                .username(email)
                .password(DemoConsoleUsers.PASSWORD)
                .permanent(true));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName("reseller-telnet"));
        return email;
    }
}
