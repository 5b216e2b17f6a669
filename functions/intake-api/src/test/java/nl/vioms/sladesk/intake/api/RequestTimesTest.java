package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import nl.vioms.sladesk.core.directory.ApiToken;
import nl.vioms.sladesk.core.directory.TokenScope;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * Back-dating limits by hand (issue 15, finding 8). Now is Tue 1 Dec 2026 08:00 in Amsterdam
 * (07:00 UTC); the default policy's limit is 24 h, so the earliest time is Mon 30 Nov 08:00.
 */
class RequestTimesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    private static final Caller TELEPHONY =
            new Caller(new ApiToken("h1", TokenScope.TELEPHONY, null, "agents"), t -> true);
    private static final Caller OPERATIONS =
            new Caller(new ApiToken("h2", TokenScope.OPERATIONS, null, "noc"), t -> true);

    /** Month-end has reported November for the bakery only. */
    private final RequestTimes times = new RequestTimes(
            Clock.fixed(NOW, ZoneOffset.UTC),
            PolicyLoader.loadDefault(),
            (customer, month) -> customer.equals("bakkerij-devries") && month.equals(YearMonth.of(2026, 11)));

    @Test
    void theDefaultPolicyLimitsBackDatingToADay() {
        assertEquals(Duration.ofHours(24), times.backdateLimit(NOW));
        assertEquals(
                Instant.parse("2026-11-30T07:00:00Z"),
                times.instant("calledAt", "2026-11-30T08:00:00+01:00", TELEPHONY, null, () -> "hotel"));
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> times.instant("calledAt", "2026-11-30T07:59:59+01:00", TELEPHONY, null, () -> "hotel"));
        assertTrue(
                refused.getMessage().contains("calledAt '2026-11-30T07:59:59+01:00' is more than 24 h back"),
                refused.getMessage());
    }

    @Test
    void onlyOperationsOverrideWithAReason() {
        assertEquals(
                Instant.parse("2024-06-03T08:00:00Z"),
                times.instant("at", "2024-06-03T10:00:00+02:00", OPERATIONS, "migratie", () -> "hotel"));
        assertThrows(
                InvalidInputException.class,
                () -> times.instant("at", "2026-12-01T07:30:00+01:00", TELEPHONY, "migratie", () -> "hotel"));
        assertThrows(
                InvalidInputException.class,
                () -> times.instant("at", "2024-06-03T10:00:00+02:00", OPERATIONS, " ", () -> "hotel"));
    }

    @Test
    void aReportedMonthIsClosedForItsCustomerOnly() {
        InvalidInputException closed = assertThrows(
                InvalidInputException.class,
                () -> times.instant("at", "2026-11-30T23:59:00+01:00", TELEPHONY, null, () -> "bakkerij-devries"));
        assertTrue(closed.getMessage().contains("falls in 2026-11"), closed.getMessage());
        assertEquals(
                Instant.parse("2026-11-30T22:59:00Z"),
                times.instant("at", "2026-11-30T23:59:00+01:00", TELEPHONY, null, () -> "hotel"));
        assertEquals(
                Instant.parse("2026-11-30T23:00:00Z"),
                times.instant("at", "2026-12-01T00:00:00+01:00", TELEPHONY, null, () -> "bakkerij-devries"),
                "midnight in Amsterdam is December");
    }
}
