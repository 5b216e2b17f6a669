package nl.vioms.sladesk.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;

/**
 * The console's routes under {@value #BASE}. An open route (login, static files) is answered
 * without a session; every other route needs a verified session (else the login page, with the
 * page asked for as {@code next}), a role the route allows (else 403), and on POST the session's
 * CSRF token in the form and no foreign {@code Origin} (else 403, nothing done).
 */
public final class ConsoleRouter {
    public static final String BASE = "/console";

    /** A route answered without a session. */
    @FunctionalInterface
    public interface OpenPage {
        WebResponse handle(WebRequest request, PathParameters parameters);
    }

    private record Route(String method, String[] segments, Set<Role> roles, ConsolePage page, OpenPage open) {}

    private final List<Route> routes = new ArrayList<>();
    private final Sessions sessions;
    private final ErrorPages errors;

    public ConsoleRouter(Sessions sessions, ErrorPages errors) {
        this.sessions = sessions;
        this.errors = errors;
    }

    /** A page for the given roles; {@code path} is below {@value #BASE}, e.g. {@code /tickets/{number}}. */
    public ConsoleRouter page(String method, String path, Set<Role> roles, ConsolePage page) {
        routes.add(new Route(method, segments(BASE + path), Set.copyOf(roles), page, null));
        return this;
    }

    /** A route without a session (login, logout, static files). */
    public ConsoleRouter open(String method, String path, OpenPage page) {
        routes.add(new Route(method, segments(BASE + path), Set.of(), null, page));
        return this;
    }

    public WebResponse route(WebRequest request) {
        Optional<Session> session = Optional.empty();
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
                    return errors.page(403, "Je hebt geen toegang tot deze pagina.", session.get());
                }
                return route.page().handle(request, session.get(), parameters.get());
            }
            return errors.page(
                    404, "Deze pagina bestaat niet.", sessions.read(request).orElse(null));
        } catch (WebError e) {
            return errors.page(e.status(), e.getMessage(), session.orElse(null));
        } catch (InvalidInputException e) {
            return errors.page(400, e.getMessage(), session.orElse(null));
        } catch (NotFoundException e) {
            return errors.page(404, e.getMessage(), session.orElse(null));
        } catch (ConflictException e) {
            return errors.page(409, e.getMessage(), session.orElse(null));
        }
    }

    /** The login page, remembering where the person wanted to go (a path of the console only). */
    private static WebResponse toLogin(WebRequest request) {
        String next = request.method().equals("GET") ? request.path() : BASE + "/";
        return WebResponse.redirect(BASE + "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
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
            throw new WebError(403, "Dit formulier komt niet van SLA Desk en is niet uitgevoerd.");
        }
    }

    /** CSRF: the session's token in the form, and no Origin other than the console's own host. */
    private static void checkForm(WebRequest request, Session session) {
        refuseForeignForm(request);
        byte[] sent = request.form(Session.CSRF_FIELD).orElse("").getBytes(StandardCharsets.UTF_8);
        byte[] expected = session.csrfToken().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(sent, expected)) {
            throw new WebError(403, "Het formulier is verlopen of niet van deze sessie. Laad de pagina opnieuw.");
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
