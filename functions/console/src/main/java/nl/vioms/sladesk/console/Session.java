package nl.vioms.sladesk.console;

/**
 * A verified console session: the user, and the CSRF token every form of the session carries in
 * its {@value #CSRF_FIELD} field (checked by {@link PageRouter} on every POST).
 */
public record Session(ConsoleUser user, String csrfToken) {
    public static final String CSRF_FIELD = "_csrf";
}
