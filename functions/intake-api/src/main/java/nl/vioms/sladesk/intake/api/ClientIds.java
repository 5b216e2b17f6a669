package nl.vioms.sladesk.intake.api;

import java.util.regex.Pattern;

/**
 * Ids a client chooses (an event's {@code id}, an {@code Idempotency-Key}) end up in DynamoDB keys,
 * which hold at most 1 024 bytes: each is checked before anything is written (issue 15 item 2).
 * At most {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 . _ : - #}: nothing that needs
 * escaping anywhere. {@code #} is allowed because the second line acknowledges an escalation with
 * its {@code escalationId} ({@code VIO-2026-000123#p1-escalation}) as the event id; the id is always
 * the last part of a key, so a {@code #} in it cannot meet another key.
 */
final class ClientIds {
    static final int MAX_LENGTH = 128;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:#-]+");

    private ClientIds() {}

    /** {@code value} when it is absent or a valid id; otherwise a 400 naming {@code field}. */
    static String check(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw ApiError.badRequest(field + " must have 1 to " + MAX_LENGTH + " characters, not " + value.length());
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw ApiError.badRequest(field + " may only hold the characters A-Z a-z 0-9 . _ : - #");
        }
        return value;
    }

    /** The request's {@code Idempotency-Key} header, checked. */
    static String idempotencyKey(ApiRequest request) {
        return check("Idempotency-Key", request.header("idempotency-key"));
    }
}
