package nl.vioms.sladesk.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.console.ConsoleClient;
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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The portal's Medewerkers (issue 18) on cognito-local with real calls: a reseller's portal admin
 * invites, disables and enables the reseller's own staff, and nobody else. cognito-local 5.3.0 lets a
 * disabled person log in still, so, as the console's UserPagesTest, the tests assert the pool's state.
 */
@ExtendWith(AwsEmulators.class)
class PortalStaffTest {
    private static ConsoleClient portal;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;

    @BeforeAll
    static void setUp(LocalAws aws) {
        portal = ConsoleClient.portal(aws, new MutableClock(Instant.parse("2026-11-26T09:12:30Z")));
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
    void anInvitedPersonIsInTheResellersGroupAndListedAsInvited() {
        String admin = person("reseller-telnet", "portal-admin");
        String staff = "nieuw-" + UUID.randomUUID() + "@telnet.demo";
        String boss = "baas-" + UUID.randomUUID() + "@telnet.demo";

        WebResponse invited = post(admin, "/portal/staff", Map.of("email", "  " + staff.toUpperCase() + " "));
        WebResponse invitedAdmin = post(admin, "/portal/staff", Map.of("email", boss, "admin", "1"));

        assertEquals(303, invited.statusCode(), invited.body());
        assertEquals("/portal/staff?klaar=uitgenodigd", invited.headers().get("location"));
        assertEquals(303, invitedAdmin.statusCode(), invitedAdmin.body());
        assertTrue(members("reseller-telnet").contains(staff), "in TelNet's group, as typed but lower case");
        assertFalse(members("portal-admin").contains(staff));
        assertTrue(members("reseller-telnet").contains(boss));
        assertTrue(members("portal-admin").contains(boss), "asked for as administrator");
        Document page = page(admin, "/portal/staff?klaar=uitgenodigd");
        assertTrue(page.select("[role=status]").text().startsWith("De uitnodiging is verstuurd"));
        Element row = row(page, staff);
        assertEquals(
                "Uitgenodigd, moet nog een wachtwoord kiezen",
                row.select("td").get(0).text());
        assertEquals("Medewerker", row.select("td").get(1).text());
        assertEquals("Beheerder", row(page, boss).select("td").get(1).text());
    }

    @Test
    void invitingSomeoneOnTheListAlreadyIsHarmless() {
        String admin = person("reseller-telnet", "portal-admin");
        String staff = "twee-" + UUID.randomUUID() + "@telnet.demo";
        post(admin, "/portal/staff", Map.of("email", staff));

        WebResponse again = post(admin, "/portal/staff", Map.of("email", staff));

        assertEquals(303, again.statusCode(), again.body());
        assertEquals("/portal/staff?klaar=bestaat", again.headers().get("location"));
        assertEquals(
                1, members("reseller-telnet").stream().filter(staff::equals).count());
    }

    @Test
    void aPersonOfAnotherResellerIsNotTakenOverAndTheAnswerDoesNotSayWhose() {
        String admin = person("reseller-telnet", "portal-admin");
        String theirs = person("reseller-belwinkel");

        WebResponse refused = post(admin, "/portal/staff", Map.of("email", theirs));

        assertEquals(409, refused.statusCode());
        String text = Jsoup.parse(refused.body()).select("[role=alert]").text();
        assertEquals(
                "Dit e-mailadres kan hier niet worden uitgenodigd: er bestaat al een account voor buiten jullie"
                        + " organisatie. Moet deze persoon voor jullie werken, neem dan contact op met VIOMS.",
                text);
        assertFalse(refused.body().toLowerCase().contains("belwinkel"), "no reseller named");
        assertFalse(members("reseller-telnet").contains(theirs));
        assertEquals(List.of("reseller-belwinkel"), groups(theirs));
    }

    @Test
    void anAdminDisablesAndEnablesTheirOwnStaffInThePool() {
        String admin = person("reseller-telnet", "portal-admin");
        String staff = person("reseller-telnet");
        String user = row(page(admin, "/portal/staff"), staff)
                .select("input[name=user]")
                .val();

        WebResponse disabled = post(admin, "/portal/staff/state", Map.of("user", user, "action", "disable"));

        assertEquals(303, disabled.statusCode(), disabled.body());
        assertFalse(user(staff).enabled(), "disabled in the pool");
        Element row = row(page(admin, "/portal/staff?klaar=uit"), staff);
        assertEquals("Uitgeschakeld", row.select("td").get(0).text());
        assertEquals("Inschakelen " + staff, row.select("button").text());

        WebResponse enabled = post(admin, "/portal/staff/state", Map.of("user", user, "action", "enable"));

        assertEquals(303, enabled.statusCode());
        assertTrue(user(staff).enabled());
    }

    @Test
    void anotherResellersPersonAViomsPersonAndAnUnknownOneAreTheSame404() {
        String admin = person("reseller-telnet", "portal-admin");
        String theirs = person("reseller-belwinkel");
        String vioms = person("operations");

        WebResponse unknown =
                post(admin, "/portal/staff/state", Map.of("user", "niemand-" + UUID.randomUUID(), "action", "disable"));
        WebResponse other = post(admin, "/portal/staff/state", Map.of("user", username(theirs), "action", "disable"));
        WebResponse ops = post(admin, "/portal/staff/state", Map.of("user", username(vioms), "action", "disable"));

        assertEquals(404, unknown.statusCode());
        assertEquals(404, other.statusCode());
        assertEquals(404, ops.statusCode());
        String text = Jsoup.parse(unknown.body()).select("[role=alert]").text();
        assertEquals("Deze medewerker bestaat niet (meer).", text);
        assertEquals(text, Jsoup.parse(other.body()).select("[role=alert]").text());
        assertEquals(text, Jsoup.parse(ops.body()).select("[role=alert]").text());
        assertTrue(user(theirs).enabled() && user(vioms).enabled(), "nobody disabled");
        assertFalse(page(admin, "/portal/staff").text().contains(theirs), "not listed either");
    }

    @Test
    void anAdminCannotDisableThemselves() {
        String admin = person("reseller-telnet", "portal-admin");
        Document page = page(admin, "/portal/staff");
        assertEquals("Dit ben jij", row(page, admin).select("td").get(2).text(), "no button at their own row");

        WebResponse self = post(admin, "/portal/staff/state", Map.of("user", username(admin), "action", "disable"));

        assertEquals(409, self.statusCode());
        assertEquals(
                "Je kunt je eigen account niet uitschakelen; vraag een andere beheerder.",
                Jsoup.parse(self.body()).select("[role=alert]").text());
        assertTrue(user(admin).enabled());
    }

    @Test
    void aBadAddressIsRefusedAndNothingIsMade() {
        String admin = person("reseller-telnet", "portal-admin");
        int before = members("reseller-telnet").size();
        for (String bad : List.of(
                "geen-adres",
                "a@b",
                "twee@@telnet.demo",
                "a b@telnet.demo",
                "x@telnet.demo\u0000",
                "a".repeat(250) + "@telnet.demo")) {
            WebResponse refused = post(admin, "/portal/staff", Map.of("email", bad));
            assertEquals(400, refused.statusCode(), bad);
            assertEquals(
                    "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
                    Jsoup.parse(refused.body()).select("[role=alert]").text());
        }
        assertEquals(before, members("reseller-telnet").size());
    }

    @Test
    void theStaffPageSpeaksEnglishOnRequest() {
        String admin = person("reseller-telnet", "portal-admin");
        String staff = "engels-" + UUID.randomUUID() + "@telnet.demo";
        post(admin, "/portal/staff", Map.of("email", staff));

        WebResponse answer = portal.app.handle(WebRequest.of(
                "GET",
                "/portal/staff",
                Map.of(),
                List.of(TestLogin.reseller(admin, "telnet", true), "sladesk-lang=en"),
                null));

        Document page = Jsoup.parse(answer.body());
        assertEquals("Staff", page.selectFirst("main h1").text());
        assertEquals(
                "Invited, has yet to choose a password",
                row(page, staff).select("td").get(0).text());
        assertEquals("Staff", row(page, staff).select("td").get(1).text());
        assertEquals("Disable " + staff, row(page, staff).select("button").text());
        assertEquals("This is you", row(page, admin).select("td").get(2).text());
    }

    /** A person made directly in the pool, in the groups given; their e-mail address. */
    private static String person(String... groups) {
        String email = "p-" + UUID.randomUUID() + "@example.org";
        cognito.adminCreateUser(b -> b.userPoolId(pool)
                .username(email)
                .messageAction("SUPPRESS")
                .userAttributes(
                        AttributeType.builder().name("email").value(email).build()));
        for (String group : groups) {
            cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName(group));
        }
        return email;
    }

    private static UserType user(String email) {
        return cognito.listUsersPaginator(b -> b.userPoolId(pool)).users().stream()
                .filter(u -> u.attributes().stream()
                        .anyMatch(a -> a.name().equals("email") && a.value().equals(email)))
                .findFirst()
                .orElseThrow();
    }

    private static String username(String email) {
        return user(email).username();
    }

    private static List<String> members(String group) {
        return cognito.listUsersInGroupPaginator(b -> b.userPoolId(pool).groupName(group)).users().stream()
                .flatMap(u -> u.attributes().stream().filter(a -> a.name().equals("email")))
                .map(AttributeType::value)
                .toList();
    }

    private static List<String> groups(String email) {
        return cognito.adminListGroupsForUser(b -> b.userPoolId(pool).username(username(email))).groups().stream()
                .map(g -> g.groupName())
                .toList();
    }

    private static Document page(String admin, String path) {
        return portal.page(path, TestLogin.reseller(admin, "telnet", true));
    }

    private static WebResponse post(String admin, String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", TestLogin.csrf(admin));
        return portal.post(path, TestLogin.reseller(admin, "telnet", true), form);
    }

    private static Element row(Document page, String email) {
        return page.select("tbody tr").stream()
                .filter(tr -> tr.select("th[scope=row]").text().equals(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError(email + " not on the page: " + page.text()));
    }
}
