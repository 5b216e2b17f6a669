package nl.vioms.sladesk.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Environment;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.ConsoleApp;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
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

/**
 * An authenticator app (TOTP) set up at login for a role that requires one (decision 26), on
 * cognito-local; codes are computed here as an app does (RFC 6238: HMAC-SHA1, 30 s, 6 digits).
 */
@ExtendWith(AwsEmulators.class)
class TotpSetupTest {
    private static final String PASSWORD = "Demo-wachtwoord-1";
    private static final Map<String, String> FORM = Map.of("content-type", "application/x-www-form-urlencoded");
    private static ConsoleApp app;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;

    @BeforeAll
    static void setUp(LocalAws aws) {
        Map<String, String> values = new HashMap<>(aws.rawEnvironmentOf("ConsoleFunction"));
        values.put(EnvVar.CONSOLE_TOTP_ROLES.name(), "operations,admin");
        Services services = new Services(Environment.of(values), aws.clients(), new MutableClock(Instant.now()));
        app = new ConsoleApp(services, CognitoLogin.of(services));
        cognito = aws.clients().cognito();
        pool = values.get(EnvVar.CONSOLE_USER_POOL_ID.name());
    }

    @Test
    void operationsSetsUpAnAppAtTheFirstLoginAndIsAskedForItsCodeFromThenOn() throws Exception {
        String email = person("operations");
        WebResponse setup = login(email);
        assertEquals(200, setup.statusCode(), setup.body());
        Document page = Jsoup.parse(setup.body());
        assertEquals("Authenticator-app instellen", page.select("h1").text());
        assertTrue(setup.cookies().stream().noneMatch(c -> c.startsWith(SessionCookie.NAME + "=")), "no session yet");
        assertTrue(
                setup.cookies().stream()
                        .allMatch(c -> c.contains("Path=/console/login/totp")
                                && c.contains("HttpOnly")
                                && c.contains("SameSite=Strict")),
                setup.cookies().toString());
        String secret = page.select("#totp-geheim").text();
        List<String> setupCookies =
                setup.cookies().stream().map(c -> c.split(";", 2)[0]).toList();

        WebResponse wrong = finish(setupCookies, secret, "000000".equals(code(secret)) ? "111111" : "000000");
        assertEquals(401, wrong.statusCode());
        assertEquals(
                TotpSetup.WRONG_CODE,
                Jsoup.parse(wrong.body()).select("[role=alert]").text());

        WebResponse done = finish(setupCookies, secret, code(secret));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/console/", done.headers().get("location"));
        String session = done.cookies().get(0).split(";", 2)[0];
        assertTrue(session.startsWith(SessionCookie.NAME + "="), done.cookies().toString());
        assertEquals(200, get(session).statusCode());

        // the next login asks for the app's code, and the right code gives the session
        WebResponse challenge = login(email);
        assertEquals(
                "Code uit je app", Jsoup.parse(challenge.body()).select("h1").text());
        String cognitoSession =
                Jsoup.parse(challenge.body()).select("input[name=session]").val();
        WebResponse withCode = app.handle(WebRequest.of(
                "POST",
                "/console/login/code",
                FORM,
                List.of(),
                "email=" + encode(email) + "&session=" + encode(cognitoSession) + "&next=%2Fconsole%2F&code="
                        + code(secret)));
        assertEquals(303, withCode.statusCode(), withCode.body());
        assertEquals(200, get(withCode.cookies().get(0).split(";", 2)[0]).statusCode());
    }

    @Test
    void aRoleWithoutTheRequirementLogsInWithItsPasswordAlone() {
        WebResponse login = login(person("finance"));
        assertEquals(303, login.statusCode(), login.body());
        assertTrue(login.cookies().get(0).startsWith(SessionCookie.NAME + "="));
    }

    @Test
    void theSetUpFormWithoutItsCookiesLeadsBackToTheLogin() {
        WebResponse response = finish(List.of(), "X", "123456");
        assertEquals(401, response.statusCode());
        assertEquals(List.of(), response.cookies());
    }

    @Test
    void anUnknownGroupInTheSettingIsAnErrorAtStart() {
        try {
            CognitoLogin.rolesOf("operations,beheerders");
            throw new AssertionError("accepted an unknown group");
        } catch (IllegalStateException e) {
            assertEquals("CONSOLE_TOTP_ROLES: no console group beheerders", e.getMessage());
        }
    }

    private static WebResponse finish(List<String> cookies, String secret, String code) {
        return app.handle(WebRequest.of(
                "POST",
                "/console/login/totp",
                FORM,
                cookies,
                "next=%2Fconsole%2F&secret=" + encode(secret) + "&code=" + code));
    }

    private static WebResponse login(String email) {
        return app.handle(WebRequest.of(
                "POST",
                "/console/login",
                FORM,
                List.of(),
                "email=" + encode(email) + "&password=" + encode(PASSWORD) + "&next=%2Fconsole%2F"));
    }

    private static WebResponse get(String cookie) {
        return app.handle(WebRequest.of("GET", "/console/", Map.of(), List.of(cookie), null));
    }

    private static String person(String group) {
        String email = group + "-totp-" + UUID.randomUUID() + "@vioms.demo";
        cognito.adminCreateUser(b -> b.userPoolId(pool)
                .username(email)
                .messageAction("SUPPRESS")
                .userAttributes(
                        AttributeType.builder().name("email").value(email).build()));
        cognito.adminSetUserPassword(
                b -> b.userPoolId(pool).username(email).password(PASSWORD).permanent(true));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName(group));
        return email;
    }

    /** The code an authenticator app shows now for a base32 secret (RFC 6238). */
    static String code(String base32Secret) throws Exception {
        long step = Instant.now().getEpochSecond() / 30;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
