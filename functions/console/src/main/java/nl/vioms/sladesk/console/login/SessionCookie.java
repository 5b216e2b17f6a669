package nl.vioms.sladesk.console.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The console's one cookie (decision 26): the verified ID token, {@code HttpOnly} (no script reads
 * it), {@code Secure} (Chromium also keeps it on http://127.0.0.1, a secure context),
 * {@code SameSite=Lax} (a link from a mail to a ticket keeps the session; a form from another site
 * does not get it) and {@code Path=/console}. It ends when the token does.
 */
public final class SessionCookie {
    public static final String NAME = "sladesk-session";

    private SessionCookie() {}

    public static String set(String idToken, Instant expires, Instant now) {
        long seconds = Math.max(0, Duration.between(now, expires).getSeconds());
        return NAME + "=" + idToken + "; Max-Age=" + seconds + "; Path=/console; HttpOnly; Secure; SameSite=Lax";
    }

    public static String clear() {
        return NAME + "=; Max-Age=0; Path=/console; HttpOnly; Secure; SameSite=Lax";
    }

    /**
     * The CSRF token of a session: a digest of its session id, which is random and only ever in the
     * HttpOnly cookie, so another site can neither read nor work out the token (decision 26).
     */
    public static String csrfToken(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("sladesk-console-csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
