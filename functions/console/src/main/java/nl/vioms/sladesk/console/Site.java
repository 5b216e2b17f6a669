package nl.vioms.sladesk.console;

import java.util.regex.Pattern;

/**
 * One of the two sites this code serves on the HTTP API (decision 28): the operations console for
 * VIOMS's people and the reseller portal for resellers' staff. Each has its own path, its own
 * session cookie (sent to its own path only) and admits its own people: a reseller's account never
 * gets a console session, a VIOMS account without a reseller group never gets a portal session,
 * whichever cookie they send.
 *
 * @param base      the path every page is below, e.g. {@code /console}
 * @param cookie    the session cookie's name ({@code Path} = base)
 * @param brand     the name in the page header
 * @param noAccess  what a person whose account does not belong here reads at login
 */
public record Site(String base, String cookie, String brand, String noAccess) {
    public static final Site CONSOLE = new Site(
            "/console", "sladesk-session", "SLA Desk", "Dit account heeft geen toegang tot de console van SLA Desk.");
    public static final Site PORTAL = new Site(
            "/portal",
            "sladesk-portal",
            "SLA Desk portaal",
            "Dit account hoort niet bij een reseller en heeft geen toegang tot het portaal.");

    /** The start page: {@code /console/}. */
    public String home() {
        return base + "/";
    }

    /** A path of this site: {@code path("/login")} is {@code /console/login}. */
    public String path(String rest) {
        return base + rest;
    }

    /** Whether this person may have a session here. */
    public boolean admits(ConsoleUser user) {
        if (this.equals(PORTAL)) {
            return user.reseller().isPresent() && user.has(Role.RESELLER);
        }
        return user.roles().stream().anyMatch(Role.CONSOLE::contains);
    }

    /**
     * A path of this site that is safe to send a person to after login or a language choice: not
     * {@code https://evil.example}, {@code //evil.example}, {@code /console/../x} or a backslash.
     */
    public boolean isOwnPath(String path) {
        return Pattern.matches(Pattern.quote(base) + "(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?", path)
                && !path.contains("..")
                && !path.contains("//");
    }
}
