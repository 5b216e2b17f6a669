package nl.vioms.sladesk.core.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: only its SHA-256 hash, never the token itself.
 *
 * @param resellerId the reseller a RESELLER token acts for; null for the other scopes
 * @param createdAt  when it was issued (null for a token seeded before it was recorded)
 * @param expiresAt  from when it no longer works; null: it does not expire (a seed token without expires)
 * @param revokedAt  from when it no longer works: now for a revoked token, the end of the overlap for a
 *                   rotated one; null while it is neither
 * @param lastUsedAt when it last authenticated a request, to the hour ({@link #USE_RECORDED_EVERY})
 */
public record ApiToken(
        String hash,
        TokenScope scope,
        @Nullable String resellerId,
        @Nullable String name,
        @Nullable Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    /** A use is written at most once in this many seconds per token: one write an hour, not one a request. */
    public static final long USE_RECORDED_EVERY = 3600;

    public ApiToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(scope, "scope");
        if (scope == TokenScope.RESELLER && resellerId == null) {
            throw new IllegalArgumentException("a reseller token names its reseller");
        }
    }

    /** A token without dates: it does not expire and is not revoked. */
    public ApiToken(String hash, TokenScope scope, @Nullable String resellerId, @Nullable String name) {
        this(hash, scope, resellerId, name, null, null, null, null);
    }

    /** What a token is at {@code now}: active, rotated (active until its overlap ends), expired or revoked. */
    public enum State {
        ACTIVE,
        ROTATED,
        EXPIRED,
        REVOKED
    }

    public State state(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return State.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return State.EXPIRED;
        }
        return revokedAt != null ? State.ROTATED : State.ACTIVE;
    }

    /** Whether it authenticates a request at {@code now}. */
    public boolean worksAt(Instant now) {
        State state = state(now);
        return state == State.ACTIVE || state == State.ROTATED;
    }

    /** Whether a use at {@code now} should be written ({@link #USE_RECORDED_EVERY}). */
    public boolean useDueAt(Instant now) {
        return lastUsedAt == null || !lastUsedAt.plusSeconds(USE_RECORDED_EVERY).isAfter(now);
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

    /** A new secret: 32 random bytes (256 bits), URL-safe, prefixed so that it is recognised in a leak scan. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "sld_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
