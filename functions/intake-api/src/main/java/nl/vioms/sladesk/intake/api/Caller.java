package nl.vioms.sladesk.intake.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.vioms.sladesk.app.Log;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.ticket.Ticket;

/**
 * Who calls, from the bearer token: its scope, for resellers which tickets are theirs, and for the
 * second line which tickets were escalated to it. A missing, unknown, expired or revoked token is
 * the same 401; every 401 and 403 is logged as one line naming the route and the token's name
 * ("unknown" when there is none), never the token.
 *
 * @param escalatedToSecondLine whether a ticket was escalated to the second line (only asked for a
 *                              SECOND_LINE token)
 */
record Caller(ApiToken token, Predicate<Ticket> escalatedToSecondLine) {
    static final String UNKNOWN = "unknown";

    static Caller authenticate(
            ApiRequest request, String route, DirectoryStore directory, Instant now, Predicate<Ticket> escalated) {
        String header = request.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw denied(route, 401, UNKNOWN, "no bearer token", "send Authorization: Bearer <token>");
        }
        String hash = ApiToken.hash(header.substring(7).trim());
        ApiToken token = directory
                .tokenByHash(hash)
                .orElseThrow(() -> denied(route, 401, UNKNOWN, "unknown token", "unknown or revoked token"));
        if (!token.worksAt(now)) {
            String state = token.state(now).name().toLowerCase(Locale.ROOT);
            throw denied(route, 401, nameOf(token), state + " token", "unknown or revoked token");
        }
        if (token.useDueAt(now)) {
            try {
                directory.markUsed(hash, now);
            } catch (RuntimeException e) {
                // the request is served even when its use cannot be recorded
                Log.warn("api.token-use-not-recorded", Map.of("token", nameOf(token), "error", e.toString()));
            }
        }
        return new Caller(token, escalated);
    }

    void require(TokenScope... allowed) {
        if (!Set.of(allowed).contains(token.scope())) {
            throw new ApiError(
                    403, "Forbidden", "a " + token.scope().name().toLowerCase(Locale.ROOT) + " token may not do this");
        }
    }

    /**
     * Resellers see only their own tickets, the second line only those escalated to it; to them
     * another ticket does not exist (404, not 403).
     */
    boolean maySee(Ticket ticket) {
        return switch (token.scope()) {
            case RESELLER -> token.resellerId().equals(ticket.resellerId());
            case SECOND_LINE -> escalatedToSecondLine.test(ticket);
            default -> true;
        };
    }

    String actor() {
        String name = token.name() == null || token.name().isBlank() ? "token" : token.name();
        return token.scope().name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    /** Logs a 401 or 403 (route, status, the token's name, the reason) and returns the refusal to throw. */
    static ApiError denied(String route, int status, String tokenName, String reason, String detail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("route", route);
        fields.put("status", status);
        fields.put("token", tokenName);
        fields.put("reason", reason);
        Log.warn("api.denied", fields);
        return new ApiError(status, status == 401 ? "Unauthorized" : "Forbidden", detail);
    }

    static String nameOf(ApiToken token) {
        return token.name() == null || token.name().isBlank() ? UNKNOWN : token.name();
    }
}
