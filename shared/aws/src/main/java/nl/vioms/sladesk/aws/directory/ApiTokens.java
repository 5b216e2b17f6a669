package nl.vioms.sladesk.aws.directory;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.error.ConflictException;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;

/**
 * Issuing, rotating and revoking API tokens by name: the one place {@code ./sladesk token} and the
 * console's token page both call. A secret exists only in the {@link Issued} it returns; only its
 * SHA-256 is stored. A name has at most one working token, except during a rotation's overlap.
 */
public final class ApiTokens {
    /** A token's name is part of a console URL and of the CLI's options: plain characters only. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /** A new token and its secret, shown once. */
    public record Issued(ApiToken token, String secret) {}

    private final TokenTable tokens;

    public ApiTokens(TokenTable tokens) {
        this.tokens = tokens;
    }

    /** Every token, by name (never a secret: only hashes are stored). */
    public List<ApiToken> list() {
        return tokens.list();
    }

    /**
     * One reseller's own tokens (scope RESELLER, that reseller), by name: what the reseller portal
     * lists and acts on (issue 18); another reseller's are not among them.
     */
    public List<ApiToken> ofReseller(String resellerId) {
        return tokens.list().stream()
                .filter(t -> t.scope() == TokenScope.RESELLER && resellerId.equals(t.resellerId()))
                .toList();
    }

    /** The tokens of that name that still work (a rotated one during its overlap too). */
    public List<ApiToken> working(String name, Instant now) {
        return tokens.list().stream()
                .filter(t -> name.equals(t.name()) && t.worksAt(now))
                .toList();
    }

    /**
     * A new token; refused when the name is not plain, a reseller token names no reseller (or
     * another scope does), the expiry is not in the future, or the name has a working token.
     */
    public Issued issue(String name, TokenScope scope, String resellerId, Instant expiresAt, Instant now) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name must be lower-case letters, digits and dashes (at most 64)");
        }
        if ((scope == TokenScope.RESELLER) != (resellerId != null)) {
            throw new InvalidInputException("a reseller is required for, and only for, a reseller token");
        }
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInputException("the expiry is not in the future");
        }
        if (!working(name, now).isEmpty()) {
            throw new ConflictException(name + " has a working token already; rotate or revoke it");
        }
        String secret = ApiToken.newSecret();
        ApiToken token = new ApiToken(ApiToken.hash(secret), scope, resellerId, name, now, expiresAt, null, null);
        tokens.issue(token);
        return new Issued(token, secret);
    }

    /**
     * A new secret for the named token (same scope and reseller); every old one of that name ends
     * at {@code oldEndsAt} (now: at once; later: an overlap to switch over without an outage).
     */
    public Issued rotate(String name, Instant oldEndsAt, Instant expiresAt, Instant now) {
        List<ApiToken> old = working(name, now);
        if (old.isEmpty()) {
            throw new NotFoundException(name + " has no working token; issue one");
        }
        ApiToken first = old.get(0);
        String secret = ApiToken.newSecret();
        ApiToken fresh = new ApiToken(
                ApiToken.hash(secret), first.scope(), first.resellerId(), name, now, expiresAt, null, null);
        tokens.rotate(first, fresh, oldEndsAt);
        old.stream().skip(1).forEach(t -> tokens.endAt(t.hash(), oldEndsAt));
        return new Issued(fresh, secret);
    }

    /** Ends every working token of that name now; how many there were. */
    public int revoke(String name, Instant now) {
        List<ApiToken> old = working(name, now);
        if (old.isEmpty()) {
            throw new NotFoundException(name + " has no working token");
        }
        old.forEach(t -> tokens.endAt(t.hash(), now));
        return old.size();
    }
}
