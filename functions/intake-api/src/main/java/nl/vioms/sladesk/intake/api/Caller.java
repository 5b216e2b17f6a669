package nl.vioms.sladesk.intake.api;

import java.util.Locale;
import java.util.Set;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.ticket.Ticket;

/** Who calls, from the bearer token: its scope, and for resellers which tickets are theirs. */
record Caller(ApiToken token) {

    static Caller authenticate(ApiRequest request, DirectoryStore directory) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ApiError(401, "Unauthorized", "send Authorization: Bearer <token>");
        }
        return directory
                .tokenByHash(ApiToken.hash(header.substring(7).trim()))
                .map(Caller::new)
                .orElseThrow(() -> new ApiError(401, "Unauthorized", "unknown or revoked token"));
    }

    void require(TokenScope... allowed) {
        if (!Set.of(allowed).contains(token.scope())) {
            throw new ApiError(
                    403, "Forbidden", "a " + token.scope().name().toLowerCase(Locale.ROOT) + " token may not do this");
        }
    }

    /** Resellers see only their own tickets; to them another's does not exist (404, not 403). */
    boolean maySee(Ticket ticket) {
        return token.scope() != TokenScope.RESELLER || token.resellerId().equals(ticket.resellerId());
    }

    String actor() {
        String name = token.name() == null || token.name().isBlank() ? "token" : token.name();
        return token.scope().name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
