package nl.vioms.sladesk.portal;

import java.util.List;
import java.util.Set;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.Chrome;
import nl.vioms.sladesk.console.ErrorPages;
import nl.vioms.sladesk.console.Language;
import nl.vioms.sladesk.console.Login;
import nl.vioms.sladesk.console.PageRouter;
import nl.vioms.sladesk.console.PathParameters;
import nl.vioms.sladesk.console.Role;
import nl.vioms.sladesk.console.Session;
import nl.vioms.sladesk.console.Site;
import nl.vioms.sladesk.console.SiteHandler;
import nl.vioms.sladesk.console.StaticFiles;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.console.WebRequest;
import nl.vioms.sladesk.console.WebResponse;
import nl.vioms.sladesk.core.directory.Reseller;

/**
 * The portal's routes, built once per execution environment. Each area registers its own pages
 * here. Every page works for the session's own reseller only ({@link #reseller}): a reseller id is
 * never read from a request.
 */
public final class PortalApp implements SiteHandler.Pages {
    /** Every reseller's staff member; {@link #ADMINS} only the reseller's portal admins. */
    public static final Set<Role> STAFF = Set.of(Role.RESELLER);

    public static final Set<Role> ADMINS = Set.of(Role.PORTAL_ADMIN);

    private final PageRouter router;

    public PortalApp(Services services, Login login) {
        this.router = new PageRouter(Site.PORTAL, login, new ErrorPages(Site.PORTAL));
        StaticFiles files = new StaticFiles();
        router.open("GET", "/static/{name}", files::serve);
        router.open("GET", "/language", PortalApp::language);
        login.routes(router);
        // the reseller's tickets: the list (the start page), the ticket page and adding information
        PortalTickets.register(router, services);
        PortalReports.register(router, services);
        PortalTokens.register(router, services);
        PortalStaff.register(router, services);
        // opening an incident or RFC, and its attachments
        PortalOpen.register(router, services);
        PortalAttachments.register(router, services);
    }

    @Override
    public WebResponse handle(WebRequest request) {
        return router.route(request);
    }

    /** What every portal page shows around its content, in the person's language. */
    public static Chrome chrome(WebRequest request, Session session, String title, String current) {
        return new Chrome(Site.PORTAL, title, session, current, Language.of(request, Site.PORTAL));
    }

    /** The session's reseller, from the directory; a reseller group without a reseller is refused. */
    public static Reseller reseller(Services services, Session session) {
        return services.directory()
                .reseller(session.user().resellerId())
                .orElseThrow(() -> new WebError(
                        403,
                        "Je account hoort bij een reseller die SLA Desk niet kent. Neem contact op met VIOMS.",
                        "Your account belongs to a reseller SLA Desk does not know. Please contact VIOMS."));
    }

    /**
     * {@code GET /portal/language?to=en}: the person's choice of language, kept in a cookie, and back to
     * the page they were on (the Referer's path, when it is a portal path).
     */
    private static WebResponse language(WebRequest request, PathParameters parameters) {
        Language chosen = request.query("to").flatMap(Language::ofCode).orElse(Language.NL);
        String back = request.header("referer")
                .map(PortalApp::pathOf)
                .filter(Site.PORTAL::isOwnPath)
                .orElse(Site.PORTAL.home());
        return WebResponse.redirect(back).withCookies(List.of(chosen.cookie(Site.PORTAL)));
    }

    private static String pathOf(String url) {
        String rest = url.replaceFirst("^https?://[^/]*", "");
        return rest.isEmpty() ? "/" : rest;
    }
}
