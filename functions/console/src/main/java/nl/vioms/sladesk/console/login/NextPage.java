package nl.vioms.sladesk.console.login;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the login goes after success: the {@code next} the router remembered, but only a path of the
 * console itself. Anything else ({@code https://evil.example}, {@code //evil.example},
 * {@code /console/../x}, a backslash) becomes the start page: no open redirect.
 */
public final class NextPage {
    static final String HOME = "/console/";
    private static final Pattern SAFE = Pattern.compile("/console(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?");

    private NextPage() {}

    public static String of(Optional<String> next) {
        return next.filter(NextPage::safe).orElse(HOME);
    }

    static boolean safe(String next) {
        return SAFE.matcher(next).matches() && !next.contains("..") && !next.contains("//");
    }
}
