package nl.vioms.sladesk.console.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.app.Log;

/**
 * Verifies a Cognito ID token on every request (issue 17, decision 26): an RS256 signature by a key
 * of the pool's JWKS (fetched on first use and cached for the execution environment), the pool as
 * issuer, the console's app client as audience, {@code token_use} {@code id}, and not expired by
 * the injected clock. Anything else (alg none, an HMAC token, another key, an edited payload, an
 * expired or foreign token) is refused: empty.
 */
public final class IdTokenVerifier {
    /** Clocks of Cognito and Lambda agree to well within this (for iat; exp is taken as it is). */
    static final Duration SKEW = Duration.ofSeconds(30);

    private static final int JWKS_TIMEOUT_MS = 3000;
    private static final int JWKS_SIZE_LIMIT = 50 * 1024;

    private final String issuer;
    private final String clientId;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public IdTokenVerifier(String issuer, String clientId, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
        // only RS256, whatever the token's header claims: no "none", no HS256 keyed with the public key
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> checkClaims(claims));
    }

    /** The pool's published keys at {@code <issuer>/.well-known/jwks.json}, fetched lazily and cached. */
    public static IdTokenVerifier forIssuer(String issuer, String clientId, Clock clock) {
        try {
            // Nimbus's default timeouts are 500 ms; a cold start on a busy host (or Cognito on a bad
            // day) takes longer, and a failed fetch would send every person back to the login page
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            URI.create(issuer + "/.well-known/jwks.json").toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                    .retrying(true)
                    .build();
            return new IdTokenVerifier(issuer, clientId, keys, clock);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not an issuer URL: " + issuer, e);
        }
    }

    /** The token's claims when every check passes; empty when any fails. */
    public Optional<VerifiedToken> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            String sessionId =
                    Optional.ofNullable(claims.getStringClaim("origin_jti")).orElse(claims.getJWTID());
            List<String> groups = Optional.ofNullable(claims.getStringListClaim("cognito:groups"))
                    .orElse(List.of());
            return Optional.of(new VerifiedToken(
                    claims.getSubject(),
                    Optional.ofNullable(claims.getStringClaim("email")).orElse(""),
                    groups,
                    sessionId,
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            // why, never the token: an expired session is routine, anything else is worth a look
            Log.info("console.token.refused", Map.of("reason", String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private void checkClaims(JWTClaimsSet claims) throws BadJWTException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw new BadJWTException("audience");
        }
        Object use = claims.getClaim("token_use");
        if (!"id".equals(use)) {
            throw new BadJWTException("token_use");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || !now.isBefore(expires.toInstant())) {
            throw new BadJWTException("expired");
        }
        Date issued = claims.getIssueTime();
        if (issued != null && issued.toInstant().isAfter(now.plus(SKEW))) {
            throw new BadJWTException("issued in the future");
        }
        if (claims.getSubject() == null || claims.getJWTID() == null) {
            throw new BadJWTException("sub or jti missing");
        }
    }
}
