package nl.vioms.sladesk.console.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import nl.vioms.sladesk.console.users.UserPool;
import nl.vioms.sladesk.core.directory.Reseller;

/**
 * Portaaltoegang (issue 18, Beheer, role admin): who of a reseller can log in to the portal, and
 * the invitation of its portal admin. The first invitation makes the reseller's Cognito group
 * {@code reseller-<id>} (CreateGroup); the person joins it and {@code portal-admin}, and from then
 * on the reseller's portal admin invites its own staff (the portal's Medewerkers).
 */
public final class PortalAccessPages {
    private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

    /** One person of the reseller's group. */
    public record Row(String email, String state, boolean admin) {}

    private final Services services;

    private PortalAccessPages(Services services) {
        this.services = services;
    }

    /** Registers the page (one line in ConsoleApp). */
    public static void register(PageRouter router, Services services) {
        PortalAccessPages pages = new PortalAccessPages(services);
        router.page("GET", "/admin/resellers/{id}/portal", ADMIN, pages::page)
                .page("POST", "/admin/resellers/{id}/portal", ADMIN, pages::invite);
    }

    private WebResponse page(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = reseller(parameters);
        UserPool pool = pool();
        Set<String> admins = pool.members(Role.PORTAL_ADMIN.group()).stream()
                .map(UserPool.Person::username)
                .collect(Collectors.toSet());
        List<Row> rows = pool.members(Role.resellerGroup(reseller.id())).stream()
                .map(p -> new Row(p.email(), p.state(Language.NL), admins.contains(p.username())))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", new Chrome("Portaaltoegang " + reseller.name(), session, "/console/admin"));
        model.put("reseller", reseller);
        model.put("rows", rows);
        model.put(
                "notice", request.query("klaar").map(PortalAccessPages::notice).orElse(""));
        return Views.page(200, "admin/portal-access.jte", model);
    }

    /**
     * The reseller's portal admin: the group made if missing, the account made (Cognito mails the
     * temporary password), in the group and in {@code portal-admin}. Someone already in the group is
     * made portal admin (harmless twice); an account of another reseller or of VIOMS is refused.
     */
    private WebResponse invite(WebRequest request, Session session, PathParameters parameters) {
        Reseller reseller = reseller(parameters);
        String email = request.form("email").orElse("").strip().toLowerCase(Locale.ROOT);
        if (!UserPool.invitable(email)) {
            throw new WebError(400, "Vul een geldig e-mailadres in.");
        }
        String group = Role.resellerGroup(reseller.id());
        UserPool pool = pool();
        pool.ensureGroup(group, reseller.name());
        String username = pool.members(group).stream()
                .filter(p -> p.email().equalsIgnoreCase(email))
                .map(UserPool.Person::username)
                .findFirst()
                .orElse(null);
        if (username == null) {
            try {
                pool.invite(email);
            } catch (UserPool.AlreadyExists e) {
                throw new WebError(
                        409,
                        "Er is al een account voor " + email + " dat niet bij " + reseller.name()
                                + " hoort (van een andere reseller of van VIOMS). Eén account hoort bij één"
                                + " organisatie: gebruik een ander adres.");
            }
            pool.addToGroup(email, group);
            username = email;
        }
        pool.addToGroup(username, Role.PORTAL_ADMIN.group());
        Log.info(
                "console.portal-admin.invited",
                Map.of(
                        "email",
                        email,
                        "reseller",
                        reseller.id(),
                        "by",
                        session.user().email()));
        return WebResponse.redirect("/console/admin/resellers/" + reseller.id() + "/portal?klaar=uitgenodigd");
    }

    private Reseller reseller(PathParameters parameters) {
        return services.directory()
                .reseller(parameters.get("id"))
                .orElseThrow(() -> new WebError(404, "Deze reseller bestaat niet."));
    }

    private static String notice(String done) {
        return done.equals("uitgenodigd")
                ? "De beheerder van het portaal is uitgenodigd: een mail met een tijdelijk wachtwoord is onderweg."
                : "";
    }

    private UserPool pool() {
        return new UserPool(services.cognito(), services.setting(EnvVar.CONSOLE_USER_POOL_ID));
    }
}
