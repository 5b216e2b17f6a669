package nl.vioms.sladesk.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The verifier with keys made here: only a pool-signed, unexpired ID token for the console's client passes. */
class IdTokenVerifierTest {
    private static final String ISSUER = "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Test";
    private static final String CLIENT = "console-client";
    private static final Instant NOW = Instant.parse("2026-12-04T21:00:00Z");
    private static final RSAKey POOL_KEY = generate("pool");
    private static final RSAKey OTHER_KEY = generate("pool"); // same kid, another key

    private final IdTokenVerifier verifier = verifierAt(NOW);

    @Test
    void aPoolSignedIdTokenGivesItsPersonGroupsAndSession() throws Exception {
        VerifiedToken token = verifier.verify(sign(POOL_KEY, claims(b -> b))).orElseThrow();
        assertEquals("ops@vioms.demo", token.email());
        assertEquals(List.of("operations"), token.groups());
        assertEquals("origin-1", token.sessionId(), "origin_jti: every token of one login");
        assertEquals(NOW.plus(Duration.ofMinutes(60)), token.expiresAt());
    }

    @Test
    void anExpiredTokenIsRefusedByTheInjectedClock() throws Exception {
        String token = sign(POOL_KEY, claims(b -> b));
        // issued 21:00, valid 60 min: 21:59:59 still valid, 22:00:00 not
        assertTrue(verifierAt(NOW.plusSeconds(3599)).verify(token).isPresent());
        assertEquals(Optional.empty(), verifierAt(NOW.plusSeconds(3600)).verify(token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertEquals(Optional.empty(), verifier.verify(sign(OTHER_KEY, claims(b -> b))));
    }

    @Test
    void anEditedPayloadIsRefused() throws Exception {
        String[] parts = sign(POOL_KEY, claims(b -> b)).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"operations\"", "\"admin\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertEquals(Optional.empty(), verifier.verify(forged));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        assertEquals(Optional.empty(), verifier.verify(new PlainJWT(claims(b -> b)).serialize()));
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        // the classic confusion: HS256 with the pool's public key as the shared secret
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("pool").build(), claims(b -> b));
        jwt.sign(new MACSigner(POOL_KEY.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertEquals(Optional.empty(), verifier.verify(jwt.serialize()));
    }

    @Test
    void anotherIssuerAnotherClientOrAnAccessTokenIsRefused() throws Exception {
        assertEquals(Optional.empty(), verifier.verify(sign(POOL_KEY, claims(b -> b.issuer(ISSUER + "x")))));
        assertEquals(Optional.empty(), verifier.verify(sign(POOL_KEY, claims(b -> b.audience("portal-client")))));
        assertEquals(Optional.empty(), verifier.verify(sign(POOL_KEY, claims(b -> b.claim("token_use", "access")))));
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        assertEquals(Optional.empty(), verifier.verify("not-a-token"));
        assertEquals(Optional.empty(), verifier.verify(""));
    }

    private static IdTokenVerifier verifierAt(Instant now) {
        return new IdTokenVerifier(
                ISSUER,
                CLIENT,
                new ImmutableJWKSet<>(new JWKSet(POOL_KEY.toPublicJWK())),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("2f1c-uuid")
                .jwtID("jti-1")
                .claim("origin_jti", "origin-1")
                .claim("token_use", "id")
                .claim("email", "ops@vioms.demo")
                .claim("cognito:groups", List.of("operations"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(60))));
        return change.apply(builder).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
