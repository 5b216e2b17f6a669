package nl.vioms.sladesk.console.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import nl.vioms.sladesk.console.Site;

/**
 * A site's one cookie (decision 26): the verified ID token, {@code HttpOnly} (no script reads
 * it), {@code Secure} (Chromium also keeps it on http://127.0.0.1, a secure context),
 * {@code SameSite=Lax} (a link from a mail to a ticket keeps the session; a form from another site
 * does not get it) and {@code Path} = the site's base ({@code /console}, {@code /portal}), so the
 * console's cookie never travels to the portal's pages and back. It ends when the token does.
 */
public final class SessionCookie {
    /** The console's cookie. */
    public static final String NAME = Site.CONSOLE.cookie();

    private SessionCookie() {}

    public static String set(Site site, String idToken, Instant expires, Instant now) {
        long seconds = Math.max(0, Duration.between(now, expires).getSeconds());
        return site.cookie() + "=" + idToken + "; Max-Age=" + seconds + "; Path=" + site.base()
                + "; HttpOnly; Secure; SameSite=Lax";
    }

    public static String clear(Site site) {
        return site.cookie() + "=; Max-Age=0; Path=" + site.base() + "; HttpOnly; Secure; SameSite=Lax";
    }

    /**
     * The CSRF token of a session on a site: a digest of its session id, which is random and only ever
     * in the HttpOnly cookie, so another site can neither read nor work out the token (decision 26);
     * the site's name in the digest makes the portal's differ from the console's for the same login.
     */
    public static String csrfToken(Site site, String sessionId) {
        String salt = "sladesk-" + site.base().substring(1) + "-csrf:";
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((salt + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
