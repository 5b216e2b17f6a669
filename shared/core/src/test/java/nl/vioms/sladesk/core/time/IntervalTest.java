package nl.vioms.sladesk.core.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IntervalTest {

    private static Interval iv(String from, String to) {
        return new Interval(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void overlapsMeansSharingAnInstant() {
        Interval nineToEleven = iv("2026-11-01T09:00:00Z", "2026-11-01T11:00:00Z");
        assertTrue(nineToEleven.overlaps(iv("2026-11-01T10:59:00Z", "2026-11-01T12:00:00Z")));
        // half-open: [09:00, 11:00) and [11:00, 12:00) touch but share no instant
        assertFalse(nineToEleven.overlaps(iv("2026-11-01T11:00:00Z", "2026-11-01T12:00:00Z")));
    }

    @Test
    void anEmptyIntervalOverlapsNothing() {
        // [10:00, 10:00) holds no instant, so it shares none with [09:00, 11:00), in either order
        // (found by AvailabilityPropertiesTest: an empty force-majeure span "overlapped" a down interval)
        Interval empty = iv("2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z");
        Interval nineToEleven = iv("2026-11-01T09:00:00Z", "2026-11-01T11:00:00Z");
        assertFalse(empty.overlaps(nineToEleven));
        assertFalse(nineToEleven.overlaps(empty));
        assertFalse(empty.overlaps(empty));
    }
}
