package nl.vioms.sladesk.intake.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The instants a request names or implies: now, or a time it sends (back-dated, never ahead). */
final class RequestTimes {
    /** Events may be back-dated (a call logged afterwards) but not put in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final Clock clock;

    RequestTimes(Clock clock) {
        this.clock = clock;
    }

    /** Received now, to the millisecond (what people and logs can match). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The time of a field (ISO-8601 with offset), or now when it is absent. */
    Instant instant(String field, String text) {
        Instant now = now();
        if (text == null) {
            return now;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(
                    field + " '" + text + "' is not an ISO-8601 time with offset, e.g. 2026-11-26T09:12:00+01:00");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiError.badRequest(field + " '" + text + "' is in the future");
        }
        return at;
    }
}
