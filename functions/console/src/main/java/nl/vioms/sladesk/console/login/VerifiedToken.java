package nl.vioms.sladesk.console.login;

import java.time.Instant;
import java.util.List;

/**
 * What a verified Cognito ID token says about its person.
 *
 * @param sessionId the token's {@code origin_jti} (shared by every token of one login) or, where the
 *     issuer sets none (cognito-local), its {@code jti}: what logout revokes
 * @param groups the {@code cognito:groups} claim, empty when there is none
 */
public record VerifiedToken(String subject, String email, List<String> groups, String sessionId, Instant expiresAt) {
    public VerifiedToken {
        groups = List.copyOf(groups);
    }
}
