package nl.vioms.sladesk.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.Views;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.console.users.UserPool;
import nl.vioms.sladesk.core.directory.Reseller;

/**
 * The reseller's own staff (issue 18, role portal admin): the members of the Cognito group
 * {@code reseller-<id>}; invite a person (Cognito mails a temporary password) as staff or also as
 * portal admin, disable and enable. Only a member of the session's own reseller group is acted
 * on: anyone else (another reseller's, VIOMS's, unknown) is the same 404. Nobody disables
 * themselves (409). Cognito's admin calls are per pool, not per group: these checks are the wall
 * (decision 31).
 */
public final class PortalStaff {
    private static final String PATH = "/portal/staff";

    /** One person of the list, in the person's language. */
    public record Row(String username, String email, String state, boolean enabled, boolean admin, boolean self) {}

    private final Services services;

    private PortalStaff(Services services) {
        this.services = services;
    }

    /** Registers the staff pages (one line in PortalApp). */
    public static void register(PageRouter router, Services services) {
        PortalStaff pages = new PortalStaff(services);
        router.page("GET", "/staff", PortalApp.ADMINS, pages::list)
                .page("POST", "/staff", PortalApp.ADMINS, pages::invite)
                .page("POST", "/staff/state", PortalApp.ADMINS, pages::state);
    }

    private WebResponse list(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        UserPool pool = pool();
        Set<String> admins = pool.members(Role.PORTAL_ADMIN.group()).stream()
                .map(UserPool.Person::username)
                .collect(Collectors.toSet());
        List<Row> rows = pool.members(Role.resellerGroup(reseller.id())).stream()
                .map(p -> new Row(
                        p.username(),
                        p.email(),
                        p.state(lang),
                        p.enabled(),
                        admins.contains(p.username()),
                        isSelf(p, session)))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("chrome", PortalApp.chrome(request, session, lang.t("Medewerkers", "Staff"), PATH));
        model.put("reseller", reseller);
        model.put("rows", rows);
        model.put(
                "notice",
                request.query("klaar").flatMap(done -> notice(done, lang)).orElse(""));
        return Views.page(200, "portal/staff/staff.jte", model);
    }

    /**
     * A new person in the reseller's group (and in {@code portal-admin} when asked). An address of
     * someone in the list already is harmless (a double submit); one the pool has elsewhere is refused
     * without saying whose it is.
     */
    private WebResponse invite(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        String email = request.form("email").orElse("").strip().toLowerCase(Locale.ROOT);
        if (!UserPool.invitable(email)) {
            throw new WebError(
                    400,
                    "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
                    "Enter a valid e-mail address, such as name@example.com.");
        }
        boolean admin = request.form("admin").isPresent();
        String group = Role.resellerGroup(reseller.id());
        UserPool pool = pool();
        if (pool.members(group).stream().anyMatch(p -> p.email().equalsIgnoreCase(email))) {
            return WebResponse.redirect(PATH + "?klaar=bestaat");
        }
        try {
            pool.invite(email);
        } catch (UserPool.AlreadyExists e) {
            throw new WebError(
                    409,
                    "Dit e-mailadres kan hier niet worden uitgenodigd: er bestaat al een account voor buiten jullie"
                            + " organisatie. Moet deze persoon voor jullie werken, neem dan contact op met VIOMS.",
                    "This e-mail address cannot be invited here: an account exists for it outside your"
                            + " organisation. If this person is to work for you, please contact VIOMS.");
        }
        pool.addToGroup(email, group);
        if (admin) {
            pool.addToGroup(email, Role.PORTAL_ADMIN.group());
        }
        Log.info(
                "portal.staff.invited",
                Map.of(
                        "email",
                        email,
                        "reseller",
                        reseller.id(),
                        "admin",
                        admin,
                        "by",
                        session.user().email()));
        return WebResponse.redirect(PATH + "?klaar=uitgenodigd");
    }

    private WebResponse state(WebRequest request, Session session, PathParameters parameters) {
        Language lang = Language.of(request, Site.PORTAL);
        Reseller reseller = PortalApp.reseller(services, session);
        String username = request.form("user").orElse("");
        UserPool pool = pool();
        // membership first: a person of another reseller or of VIOMS is not here at all
        UserPool.Person person = pool.member(Role.resellerGroup(reseller.id()), username)
                .orElseThrow(() -> new WebError(
                        404, "Deze medewerker bestaat niet (meer).", "This staff member does not exist (any more)."));
        String action = request.form("action").orElse("");
        if (action.equals("disable")) {
            if (isSelf(person, session)) {
                throw new WebError(
                        409,
                        "Je kunt je eigen account niet uitschakelen; vraag een andere beheerder.",
                        "You cannot disable your own account; ask another administrator.");
            }
            pool.disable(person.username());
        } else if (action.equals("enable")) {
            pool.enable(person.username());
        } else {
            throw new WebError(400, "Kies uitschakelen of inschakelen.", "Choose disable or enable.");
        }
        Log.info(
                "portal.staff." + action,
                Map.of(
                        "email",
                        person.email(),
                        "reseller",
                        reseller.id(),
                        "by",
                        session.user().email()));
        return WebResponse.redirect(PATH + "?klaar=" + (action.equals("disable") ? "uit" : "aan"));
    }

    private static boolean isSelf(UserPool.Person person, Session session) {
        return person.email().equalsIgnoreCase(session.user().email());
    }

    private static Optional<String> notice(String done, Language lang) {
        switch (done) {
            case "uitgenodigd":
                return Optional.of(lang.t(
                        "De uitnodiging is verstuurd: de medewerker krijgt een mail met een tijdelijk wachtwoord.",
                        "The invitation has been sent: the person gets an e-mail with a temporary password."));
            case "bestaat":
                return Optional.of(
                        lang.t("Deze medewerker staat al in de lijst.", "This person is on the list already."));
            case "uit":
                return Optional.of(lang.t(
                        "Het account is uitgeschakeld: inloggen lukt niet meer.",
                        "The account has been disabled: logging in no longer works."));
            case "aan":
                return Optional.of(lang.t("Het account is weer ingeschakeld.", "The account has been enabled again."));
            default:
                return Optional.empty();
        }
    }

    private UserPool pool() {
        return new UserPool(services.cognito(), services.setting(EnvVar.CONSOLE_USER_POOL_ID));
    }
}
