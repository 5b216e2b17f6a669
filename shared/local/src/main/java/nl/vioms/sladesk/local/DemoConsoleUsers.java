package nl.vioms.sladesk.local;

import java.io.PrintWriter;
import java.util.List;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.users.UserPool;
import nl.vioms.sladesk.emulators.LocalAws;

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
        UserPool pool = new UserPool(aws.clients().cognito(), aws.resources().require("ConsoleUserPool"));
        for (DemoUser user : USERS) {
            pool.createWithPassword(user.email(), PASSWORD);
            pool.addToGroup(user.email(), user.group());
        }
        for (DemoPortalUser user : PORTAL_USERS) {
            // kept when it exists: cognito-local's CreateGroup would drop the people a portal admin
            // invited into it (decision 31)
            String group = Role.resellerGroup(user.reseller());
            pool.ensureGroup(group, user.name());
            pool.createWithPassword(user.email(), PASSWORD);
            pool.addToGroup(user.email(), group);
            pool.addToGroup(user.email(), Role.PORTAL_ADMIN.group());
        }
    }

    static void print(PrintWriter out, String baseUrl) {
        out.println("Console: " + baseUrl + "/console/   demo users (password " + PASSWORD + "):");
        USERS.forEach(user -> out.println("  " + user.email() + "  (" + user.role() + ")"));
        out.println("Portal:  " + baseUrl + "/portal/   demo users (password " + PASSWORD + "):");
        PORTAL_USERS.forEach(user -> out.println("  " + user.email() + "  (" + user.name() + ", beheerder)"));
    }
}
