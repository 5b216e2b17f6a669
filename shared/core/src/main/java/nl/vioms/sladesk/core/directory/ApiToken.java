package nl.vioms.sladesk.core.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: only its SHA-256 hash, never the token itself.
 *
 * @param resellerId the reseller a RESELLER token acts for; null for the other scopes
 */
public record ApiToken(
        String hash,
        TokenScope scope,
        @Nullable String resellerId,
        @Nullable String name) {
    public ApiToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(scope, "scope");
        if (scope == TokenScope.RESELLER && resellerId == null) {
            throw new IllegalArgumentException("a reseller token names its reseller");
        }
    }

    /** Hex SHA-256 of a presented token. Tokens are long random strings, so no salt is needed. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
