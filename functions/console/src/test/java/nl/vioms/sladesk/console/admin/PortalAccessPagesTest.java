package nl.vioms.sladesk.console.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.console.ConsoleClient;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.TestLogin;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * Portaaltoegang (issue 18) in Beheer on cognito-local: a new reseller, without a Cognito group,
 * gets its first portal admin; the group is made and the person is in it and in portal-admin.
 */
@ExtendWith(AwsEmulators.class)
class PortalAccessPagesTest {
    private static final String ADMIN_EMAIL = "admin@vioms.demo";
    private static final String ADMIN = TestLogin.cookie(ADMIN_EMAIL, Role.ADMIN);

    private static ConsoleClient console;
    private static CognitoIdentityProviderClient cognito;
    private static String pool;

    @BeforeAll
    static void setUp(LocalAws aws) {
        console = new ConsoleClient(aws, new MutableClock(Instant.parse("2026-11-26T09:12:30Z")));
        cognito = aws.clients().cognito();
        pool = aws.environmentOf("ConsoleFunction").require(EnvVar.CONSOLE_USER_POOL_ID);
    }

    @Test
    void theFirstPortalAdminOfAResellerWithoutAGroupGetsTheGroupMadeAndIsInIt() {
        String id = newReseller();
        String group = "reseller-" + id;
        assertThrows(
                ResourceNotFoundException.class,
                () -> cognito.getGroup(b -> b.userPoolId(pool).groupName(group)));
        assertTrue(console.page("/console/admin/resellers/" + id + "/portal", ADMIN)
                .text()
                .contains("Nog niemand"));
        String email = "eerste-" + UUID.randomUUID() + "@" + id + ".example";

        WebResponse invited = post("/console/admin/resellers/" + id + "/portal", Map.of("email", email));

        assertEquals(303, invited.statusCode(), invited.body());
        assertEquals(
                "Kapper " + id,
                cognito.getGroup(b -> b.userPoolId(pool).groupName(group))
                        .group()
                        .description());
        assertTrue(members(group).contains(email));
        assertTrue(members("portal-admin").contains(email));
        Document page = console.page("/console/admin/resellers/" + id + "/portal?klaar=uitgenodigd", ADMIN);
        assertEquals(email, page.selectFirst("tbody th[scope=row]").text());
        assertEquals(
                List.of("Uitgenodigd, moet nog een wachtwoord kiezen", "Beheerder portaal"),
                page.select("tbody td").eachText());
        assertTrue(page.select("[role=status]").text().startsWith("De beheerder van het portaal is uitgenodigd"));

        WebResponse again = post("/console/admin/resellers/" + id + "/portal", Map.of("email", email));
        assertEquals(303, again.statusCode(), "twice: harmless");
        assertEquals(1, members(group).size());
    }

    @Test
    void aPersonOfAnotherResellerIsRefusedAndAnUnknownResellerIs404() {
        String id = newReseller();
        String theirs = "telnet-" + UUID.randomUUID() + "@example.org";
        try {
            cognito.createGroup(b -> b.userPoolId(pool).groupName("reseller-telnet"));
        } catch (GroupExistsException e) {
            // an earlier test class made it
        }
        cognito.adminCreateUser(b -> b.userPoolId(pool)
                .username(theirs)
                .messageAction("SUPPRESS")
                .userAttributes(
                        AttributeType.builder().name("email").value(theirs).build()));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(theirs).groupName("reseller-telnet"));

        WebResponse refused = post("/console/admin/resellers/" + id + "/portal", Map.of("email", theirs));
        WebResponse unknown =
                post("/console/admin/resellers/bestaat-niet-" + id + "/portal", Map.of("email", "a@b.nl"));

        assertEquals(409, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).text().contains("dat niet bij Kapper " + id + " hoort"));
        assertEquals(List.of(), members("reseller-" + id));
        assertEquals(404, unknown.statusCode());
        assertEquals(
                403,
                console.get(
                                "/console/admin/resellers/" + id + "/portal",
                                TestLogin.cookie("ops@vioms.demo", Role.OPERATIONS))
                        .statusCode());
    }

    @Test
    void theResellersPageLinksToPortalAccess() {
        Document reseller = console.page("/console/admin/resellers/telnet", ADMIN);
        assertEquals(
                "/console/admin/resellers/telnet/portal",
                reseller.selectFirst("a:contains(Portaaltoegang)").attr("href"));
    }

    /** A reseller made on Beheer's own form; its id. */
    private static String newReseller() {
        String id = "kapper-" + UUID.randomUUID().toString().substring(0, 8);
        WebResponse created = post(
                "/console/admin/resellers",
                Map.of("id", id, "name", "Kapper " + id, "contacts", "support@" + id + ".nl"));
        assertEquals(303, created.statusCode(), created.body());
        return id;
    }

    private static List<String> members(String group) {
        try {
            return cognito.listUsersInGroupPaginator(b -> b.userPoolId(pool).groupName(group)).users().stream()
                    .flatMap(u -> u.attributes().stream().filter(a -> a.name().equals("email")))
                    .map(AttributeType::value)
                    .toList();
        } catch (ResourceNotFoundException e) {
            return List.of();
        }
    }

    private static WebResponse post(String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("_csrf", TestLogin.csrf(ADMIN_EMAIL));
        return console.post(path, ADMIN, form);
    }
}
