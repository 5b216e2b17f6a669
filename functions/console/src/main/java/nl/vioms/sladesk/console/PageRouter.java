package nl.vioms.sladesk.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;

/**
 * The routes of one site (the console or the portal, {@link Site}) under its base path. An open
 * route (login, static files) is answered without a session; every other route needs a verified
 * session of a person the site admits (else the login page, with the page asked for as
 * {@code next}), a role the route allows (else 403), and on POST the session's CSRF token in the
 * form and no foreign {@code Origin} (else 403, nothing done).
 */
public final class PageRouter {

    /** A route answered without a session. */
    @FunctionalInterface
    public interface OpenPage {
        WebResponse handle(WebRequest request, PathParameters parameters);
    }

    private record Route(String method, String[] segments, Set<Role> roles, ConsolePage page, OpenPage open) {}

    private final List<Route> routes = new ArrayList<>();
    private final Site site;
    private final Sessions sessions;
    private final ErrorPages errors;

    /** The console's router. */
    public PageRouter(Sessions sessions, ErrorPages errors) {
        this(Site.CONSOLE, sessions, errors);
    }

    public PageRouter(Site site, Sessions sessions, ErrorPages errors) {
        this.site = site;
        this.sessions = request -> sessions.read(request).filter(s -> site.admits(s.user()));
        this.errors = errors;
    }

    public Site site() {
        return site;
    }

    /** A page for the given roles; {@code path} is below the site's base, e.g. {@code /tickets/{number}}. */
    public PageRouter page(String method, String path, Set<Role> roles, ConsolePage page) {
        add(new Route(method, segments(site.path(path)), Set.copyOf(roles), page, null));
        return this;
    }

    /** A route without a session (login, logout, static files). */
    public PageRouter open(String method, String path, OpenPage page) {
        add(new Route(method, segments(site.path(path)), Set.of(), null, page));
        return this;
    }

    /**
     * Keeps the routes with fewer parameters first, in the order registered otherwise: a literal
     * path ({@code /tickets/new}) wins over a pattern ({@code /tickets/{number}}) whichever area
     * registered first.
     */
    private void add(Route route) {
        int at = routes.size();
        while (at > 0 && parameterCount(routes.get(at - 1)) > parameterCount(route)) {
            at--;
        }
        routes.add(at, route);
    }

    private static long parameterCount(Route route) {
        return Arrays.stream(route.segments()).filter(p -> p.startsWith("{")).count();
    }

    public WebResponse route(WebRequest request) {
        Optional<Session> session = Optional.empty();
        Language lang = Language.of(request, site);
        try {
            for (Route route : routes) {
                Optional<PathParameters> parameters = match(route, request);
                if (parameters.isEmpty()) {
                    continue;
                }
                if (route.open() != null) {
                    return route.open().handle(request, parameters.get());
                }
                session = sessions.read(request);
                if (session.isEmpty()) {
                    return toLogin(request);
                }
                if (request.method().equals("POST")) {
                    checkForm(request, session.get());
                }
                if (route.roles().stream().noneMatch(session.get().user().roles()::contains)) {
                    return errors.page(403, lang.t(NO_ACCESS, NO_ACCESS_EN), session.get(), lang);
                }
                return route.page().handle(request, session.get(), parameters.get());
            }
            return errors.page(
                    404, lang.t(NO_PAGE, NO_PAGE_EN), sessions.read(request).orElse(null), lang);
        } catch (WebError e) {
            return errors.page(e.status(), e.message(lang), session.orElse(null), lang);
        } catch (InvalidInputException e) {
            return errors.page(400, e.getMessage(), session.orElse(null), lang);
        } catch (NotFoundException e) {
            return errors.page(404, e.getMessage(), session.orElse(null), lang);
        } catch (ConflictException e) {
            return errors.page(409, e.getMessage(), session.orElse(null), lang);
        }
    }

    private static final String NO_ACCESS = "Je hebt geen toegang tot deze pagina.";
    private static final String NO_ACCESS_EN = "You have no access to this page.";
    private static final String NO_PAGE = "Deze pagina bestaat niet.";
    private static final String NO_PAGE_EN = "This page does not exist.";

    /** The login page, remembering where the person wanted to go (a path of the site only). */
    private WebResponse toLogin(WebRequest request) {
        String next = request.method().equals("GET") ? request.path() : site.home();
        return WebResponse.redirect(site.path("/login?next=") + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /**
     * A form another site made the browser send: its Origin is not the console's own host. Checked
     * on every form, with a session (beside its CSRF token) and before one (login CSRF).
     */
    public static void refuseForeignForm(WebRequest request) {
        Optional<String> origin = request.header("origin");
        Optional<String> host = request.header("host");
        if (origin.isPresent()
                && host.isPresent()
                && !origin.get().replaceFirst("^https?://", "").equals(host.get())) {
            throw new WebError(
                    403,
                    "Dit formulier komt niet van SLA Desk en is niet uitgevoerd.",
                    "This form did not come from SLA Desk and was not carried out.");
        }
    }

    /** CSRF: the session's token in the form, and no Origin other than the console's own host. */
    private static void checkForm(WebRequest request, Session session) {
        refuseForeignForm(request);
        byte[] sent = request.form(Session.CSRF_FIELD).orElse("").getBytes(StandardCharsets.UTF_8);
        byte[] expected = session.csrfToken().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(sent, expected)) {
            throw new WebError(
                    403,
                    "Het formulier is verlopen of niet van deze sessie. Laad de pagina opnieuw.",
                    "The form has expired or is not of this session. Load the page again.");
        }
    }

    private static Optional<PathParameters> match(Route route, WebRequest request) {
        boolean head = request.method().equals("HEAD") && route.method().equals("GET");
        if (!route.method().equals(request.method()) && !head) {
            return Optional.empty();
        }
        String[] actual = segments(request.path());
        if (actual.length != route.segments().length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < actual.length; i++) {
            String p = route.segments()[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                parameters.put(p.substring(1, p.length() - 1), actual[i]);
            } else if (!p.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(new PathParameters(parameters));
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
