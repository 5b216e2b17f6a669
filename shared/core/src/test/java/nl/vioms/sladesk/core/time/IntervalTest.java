package nl.vioms.sladesk.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalTest {
    private static Interval of(String from, String to) {
        return new Interval(Instant.parse(from), Instant.parse(to));
    }

    @Test
    void halfOpenIntervalsThatTouchDoNotOverlap() {
        var morning = of("2026-11-26T08:00:00Z", "2026-11-26T12:00:00Z");
        var afternoon = of("2026-11-26T12:00:00Z", "2026-11-26T16:00:00Z");

        assertFalse(morning.overlaps(afternoon));
        assertFalse(morning.contains(Instant.parse("2026-11-26T12:00:00Z")), "the end is not inside");
        assertTrue(afternoon.contains(Instant.parse("2026-11-26T12:00:00Z")), "the start is");
    }

    @Test
    void anEmptyIntervalOverlapsNothingEvenInsideAnother() {
        // found by AvailabilityPropertiesTest: an empty exclusion at 23:01 inside a down span
        var down = of("2026-10-30T23:00:00Z", "2026-10-31T23:02:00Z");
        var empty = of("2026-10-31T23:01:00Z", "2026-10-31T23:01:00Z");

        assertFalse(down.overlaps(empty));
        assertFalse(empty.overlaps(down));
    }

    @Test
    void intersectionAndDuration() {
        var a = of("2026-11-26T08:00:00Z", "2026-11-26T12:00:00Z");
        var b = of("2026-11-26T11:00:00Z", "2026-11-26T13:00:00Z");

        assertEquals(of("2026-11-26T11:00:00Z", "2026-11-26T12:00:00Z"), a.intersect(b));
        assertEquals(Duration.ofHours(4), a.duration());
        assertTrue(
                a.intersect(of("2026-11-26T13:00:00Z", "2026-11-26T14:00:00Z")).isEmpty());
    }

    @Test
    void anIntervalCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> of("2026-11-26T12:00:00Z", "2026-11-26T11:00:00Z"));
    }
}
