package nl.vioms.sladesk.console;

import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.console.admin.AdminPages;
import nl.vioms.sladesk.console.admin.PortalAccessPages;
import nl.vioms.sladesk.console.operations.EscalationPages;
import nl.vioms.sladesk.console.operations.MonitoringPages;
import nl.vioms.sladesk.console.operations.MonthEndPages;
import nl.vioms.sladesk.console.users.UserPages;

/**
 * The console's routes, built once per execution environment from the composition root's
 * services and the login in use. Each area of the console registers its own pages here.
 */
public final class ConsoleApp implements SiteHandler.Pages {
    /** Everyone with a console role (not a reseller): the queue and ticket pages narrow it further by role. */
    public static final Set<Role> EVERYONE = Role.CONSOLE;

    private final PageRouter router;

    public ConsoleApp(Services services, Login login) {
        this.router = new PageRouter(login, new ErrorPages());
        StaticFiles files = new StaticFiles();
        router.open("GET", "/static/{name}", files::serve);
        login.routes(router);
        QueuePage.register(router, services);
        AdminPages.register(router, services);
        MonitoringPages.register(router, services);
        EscalationPages.register(router, services);
        MonthEndPages.register(router, services);
        UserPages.register(router, services);
        PortalAccessPages.register(router, services);
    }

    @Override
    public WebResponse handle(WebRequest request) {
        return router.route(request);
    }

    /** The start page of those without the queue (finance, admin): who is logged in and what they may open. */
    static WebResponse home(WebRequest request, Session session, PathParameters parameters) {
        return Views.page(200, "home.jte", Map.of("chrome", new Chrome("SLA Desk", session, "/console/")));
    }
}
