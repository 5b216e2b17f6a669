package nl.vioms.sladesk.intake.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.policy.PolicySet;
import nl.vioms.sladesk.core.policy.SlaPolicy;
import nl.vioms.sladesk.core.time.Amsterdam;

/**
 * The instants a request names or implies: now, or a time it sends: never ahead, and back-dated
 * at most the policy's {@code backdateLimit} (default 24 h) unless operations say why (issue 15).
 */
final class RequestTimes {
    /** Events may be back-dated (a call logged afterwards) but not put in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** The field in which operations give the reason for a time further back than the limit. */
    static final String REASON = "backdateReason";

    /** Whether month-end has reported a contract's month (the Reports table has it): a closed month. */
    @FunctionalInterface
    interface ClosedMonths {
        boolean closed(String customerId, YearMonth month);
    }

    private final Clock clock;
    private final PolicySet policies;
    private final ClosedMonths closedMonths;

    RequestTimes(Clock clock, PolicySet policies, ClosedMonths closedMonths) {
        this.clock = clock;
        this.policies = policies;
        this.closedMonths = closedMonths;
    }

    /** Received now, to the millisecond (what people and logs can match). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The time of a field (ISO-8601 with offset), or now when it is absent. A time further back
     * than the policy's limit is refused (400 naming the field) unless the caller is operations and
     * gives a reason; a reason from anyone else is refused too. So is a time in a month that
     * month-end has reported for the customer (asked only for a time before this month).
     *
     * @param customer the contract the time counts for (null: none, e.g. triage), asked only when needed
     */
    Instant instant(String field, String text, Caller caller, String reason, Supplier<String> customer) {
        if (reason != null && caller.token().scope() != TokenScope.OPERATIONS) {
            throw ApiError.badRequest(REASON + " is for operations only");
        }
        if (reason != null && reason.isBlank()) {
            throw ApiError.badRequest(REASON + " must say why");
        }
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
        Duration limit = backdateLimit(now);
        if (at.isBefore(now.minus(limit)) && reason == null) {
            throw ApiError.badRequest(field + " '" + text + "' is more than " + hours(limit)
                    + " back (the policy's backdateLimit); operations may send " + REASON);
        }
        YearMonth month = YearMonth.from(at.atZone(Amsterdam.ZONE));
        if (reason == null && month.isBefore(YearMonth.from(now.atZone(Amsterdam.ZONE)))) {
            String customerId = customer.get();
            if (customerId != null && closedMonths.closed(customerId, month)) {
                throw ApiError.badRequest(field + " '" + text + "' falls in " + month
                        + ", which month-end has reported for " + customerId + "; operations may send " + REASON);
            }
        }
        return at;
    }

    /** The limit of the policy valid today; the default where none is. */
    Duration backdateLimit(Instant now) {
        return policies.find(now.atZone(Amsterdam.ZONE).toLocalDate())
                .map(SlaPolicy::backdateLimit)
                .orElse(SlaPolicy.DEFAULT_BACKDATE_LIMIT);
    }

    private static String hours(Duration limit) {
        return limit.toMinutesPart() == 0 ? limit.toHours() + " h" : limit.toMinutes() + " min";
    }
}
