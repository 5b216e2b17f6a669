package nl.vioms.sladesk.console.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;

/**
 * The console's users (issue 17, role admin): who has an account, their groups and state; invite
 * (Cognito mails the temporary password), change groups, disable and enable. An admin cannot take
 * away their own admin role or disable themselves, so the console never loses its last way in.
 */
public final class UserPages {
    private static final String PATH = "/console/admin/users";
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

    private final Services services;

    private UserPages(Services services) {
        this.services = services;
    }

    public static void register(PageRouter router, Services services) {
        UserPages pages = new UserPages(services);
        router.page("GET", "/admin/users", ADMIN, pages::list);
        router.page("POST", "/admin/users", ADMIN, pages::invite);
        router.page("POST", "/admin/users/groups", ADMIN, pages::groups);
        router.page("POST", "/admin/users/state", ADMIN, pages::state);
    }

    private WebResponse list(WebRequest request, Session session, PathParameters parameters) {
        Map<String, Object> values = new HashMap<>();
        values.put("chrome", new Chrome("Gebruikers van de console", session, "/console/admin"));
        values.put("accounts", accounts());
        values.put("notice", request.query("klaar").map(UserPages::notice).orElse(null));
        return Views.page(200, "users/users.jte", values);
    }

    private WebResponse invite(WebRequest request, Session session, PathParameters parameters) {
        String email = request.form("email").orElse("").trim().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new WebError(400, "Vul een geldig e-mailadres in.");
        }
        Set<Role> roles = rolesOf(request);
        if (roles.isEmpty()) {
            throw new WebError(400, "Kies minstens één rol voor " + email + ".");
        }
        UserPool pool = pool();
        try {
            pool.invite(email);
        } catch (UserPool.AlreadyExists e) {
            throw new WebError(409, "Er is al een account voor " + email + ".");
        }
        roles.forEach(role -> pool.addToGroup(email, role.group()));
        Log.info(
                "console.user.invited",
                Map.of("email", email, "by", session.user().email()));
        return WebResponse.redirect(PATH + "?klaar=uitgenodigd");
    }

    private WebResponse groups(WebRequest request, Session session, PathParameters parameters) {
        ConsoleAccount account = account(request);
        Set<Role> wanted = rolesOf(request);
        if (isSelf(account, session) && !wanted.contains(Role.ADMIN)) {
            throw new WebError(409, "Je kunt je eigen rol Beheer niet weghalen; laat een andere beheerder dat doen.");
        }
        UserPool pool = pool();
        for (Role role : Role.CONSOLE) {
            if (wanted.contains(role) && !account.has(role)) {
                pool.addToGroup(account.username(), role.group());
            } else if (!wanted.contains(role) && account.has(role)) {
                pool.removeFromGroup(account.username(), role.group());
            }
        }
        Log.info(
                "console.user.groups",
                Map.of(
                        "email",
                        account.email(),
                        "by",
                        session.user().email(),
                        "groups",
                        wanted.stream().map(Role::group).sorted().toList()));
        return WebResponse.redirect(PATH + "?klaar=rollen");
    }

    private WebResponse state(WebRequest request, Session session, PathParameters parameters) {
        ConsoleAccount account = account(request);
        String action = request.form("action").orElse("");
        if (action.equals("disable")) {
            if (isSelf(account, session)) {
                throw new WebError(409, "Je kunt je eigen account niet uitschakelen.");
            }
            pool().disable(account.username());
        } else if (action.equals("enable")) {
            pool().enable(account.username());
        } else {
            throw new WebError(400, "Kies uitschakelen of inschakelen.");
        }
        Log.info(
                "console.user." + action,
                Map.of("email", account.email(), "by", session.user().email()));
        return WebResponse.redirect(PATH + "?klaar=" + (action.equals("disable") ? "uit" : "aan"));
    }

    /** Every account with its roles: ListUsers, and one ListUsersInGroup per role (no call per person). */
    List<ConsoleAccount> accounts() {
        UserPool pool = pool();
        Map<String, Set<Role>> roles = new HashMap<>();
        for (Role role : Role.CONSOLE) {
            pool.members(role.group())
                    .forEach(person -> roles.computeIfAbsent(person.username(), k -> EnumSet.noneOf(Role.class))
                            .add(role));
        }
        List<ConsoleAccount> accounts = new ArrayList<>();
        pool.everyone()
                .forEach(person -> accounts.add(new ConsoleAccount(
                        person.username(),
                        person.email(),
                        roles.getOrDefault(person.username(), Set.of()),
                        person.enabled(),
                        person.state(Language.NL))));
        accounts.sort(Comparator.comparing(ConsoleAccount::email));
        return accounts;
    }

    private ConsoleAccount account(WebRequest request) {
        String username = request.form("user").orElseThrow(() -> new WebError(400, "Welke gebruiker?"));
        return accounts().stream()
                .filter(account -> account.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new WebError(404, "Deze gebruiker bestaat niet (meer)."));
    }

    private static Set<Role> rolesOf(WebRequest request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.CONSOLE) {
            if (request.form("group-" + role.group()).isPresent()) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static boolean isSelf(ConsoleAccount account, Session session) {
        return account.email().equalsIgnoreCase(session.user().email());
    }

    private static String notice(String done) {
        switch (done) {
            case "uitgenodigd":
                return "De uitnodiging is verstuurd: de gebruiker krijgt een mail met een tijdelijk wachtwoord.";
            case "rollen":
                return "De rollen zijn opgeslagen. Ze gelden vanaf de volgende keer dat de gebruiker inlogt.";
            case "uit":
                return "Het account is uitgeschakeld: inloggen lukt niet meer.";
            case "aan":
                return "Het account is weer ingeschakeld.";
            default:
                return null;
        }
    }

    private UserPool pool() {
        return new UserPool(services.cognito(), services.setting(EnvVar.CONSOLE_USER_POOL_ID));
    }
}
