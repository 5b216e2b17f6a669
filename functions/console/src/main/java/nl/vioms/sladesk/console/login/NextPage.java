package nl.vioms.sladesk.console.login;

import java.util.Optional;
import nl.vioms.sladesk.console.Site;

/**
 * Where the login goes after success: the {@code next} the router remembered, but only a path of the
 * site itself. Anything else ({@code https://evil.example}, {@code //evil.example},
 * {@code /console/../x}, a backslash, the other site) becomes the start page: no open redirect.
 */
public final class NextPage {
    private NextPage() {}

    /** A console path, else the console's start page. */
    public static String of(Optional<String> next) {
        return of(Site.CONSOLE, next);
    }

    public static String of(Site site, Optional<String> next) {
        return next.filter(site::isOwnPath).orElse(site.home());
    }
}
