package nl.vioms.sladesk.local;

import java.io.PrintWriter;
import java.util.List;
import nl.vioms.sladesk.emulators.LocalAws;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The console's five demo people (issue 17), one per role, and the portal's two (issue 18), the
 * portal admin of each demo reseller, in the local user pool with one known password:
 * {@code ./sladesk up --seed demo} makes them (again, harmlessly) and prints them. Local only: the
 * deployed pool gets its first admin by hand (README, "Console: logging in").
 */
final class DemoConsoleUsers {
    static final String PASSWORD = "Demo-wachtwoord-1";

    record DemoUser(String email, String group, String role) {}

    /** A reseller's portal admin: in the reseller's group {@code reseller-<id>} and in {@code portal-admin}. */
    record DemoPortalUser(String email, String reseller, String name) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("ops@vioms.demo", "operations", "Operations"),
            new DemoUser("telefonie@vioms.demo", "telephony", "Telefonie"),
            new DemoUser("tweedelijn@vioms.demo", "second-line", "Tweede lijn"),
            new DemoUser("finance@vioms.demo", "finance", "Financiën"),
            new DemoUser("admin@vioms.demo", "admin", "Beheer"));

    static final List<DemoPortalUser> PORTAL_USERS = List.of(
            new DemoPortalUser("portal@telnet.demo", "telnet", "TelNet Partners B.V."),
            new DemoPortalUser("portal@belwinkel.demo", "belwinkel", "De Belwinkel"));

    private DemoConsoleUsers() {}

    /** Creates the demo people if they are missing, with the demo password and their group. */
    static void ensure(LocalAws aws) {
        CognitoIdentityProviderClient cognito = aws.clients().cognito();
        String pool = aws.resources().require("ConsoleUserPool");
        for (DemoUser user : USERS) {
            create(cognito, pool, user.email(), user.group());
        }
        for (DemoPortalUser user : PORTAL_USERS) {
            String group = "reseller-" + user.reseller();
            try {
                // asked first: cognito-local's CreateGroup replaces an existing group and drops the
                // people a portal admin invited into it (decision 31)
                cognito.listUsersInGroup(
                        b -> b.userPoolId(pool).groupName(group).limit(1));
            } catch (ResourceNotFoundException missing) {
                try {
                    cognito.createGroup(b -> b.userPoolId(pool).groupName(group).description(user.name()));
                } catch (GroupExistsException e) {
                    // made meanwhile
                }
            }
            create(cognito, pool, user.email(), group);
            cognito.adminAddUserToGroup(
                    b -> b.userPoolId(pool).username(user.email()).groupName("portal-admin"));
        }
    }

    private static void create(CognitoIdentityProviderClient cognito, String pool, String email, String group) {
        try {
            cognito.adminCreateUser(b -> b.userPoolId(pool)
                    .username(email)
                    .messageAction("SUPPRESS")
                    .userAttributes(
                            AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder()
                                    .name("email_verified")
                                    .value("true")
                                    .build()));
        } catch (UsernameExistsException e) {
            // made on an earlier start: its password and group are set again below
        }
        cognito.adminSetUserPassword(
                b -> b.userPoolId(pool).username(email).password(PASSWORD).permanent(true));
        cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName(group));
    }

    static void print(PrintWriter out, String baseUrl) {
        out.println("Console: " + baseUrl + "/console/   demo users (password " + PASSWORD + "):");
        USERS.forEach(user -> out.println("  " + user.email() + "  (" + user.role() + ")"));
        out.println("Portal:  " + baseUrl + "/portal/   demo users (password " + PASSWORD + "):");
        PORTAL_USERS.forEach(user -> out.println("  " + user.email() + "  (" + user.name() + ", beheerder)"));
    }
}
