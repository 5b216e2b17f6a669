package nl.vioms.sladesk.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalSetsTest {

    private static Interval iv(int fromMinute, int toMinute) {
        Instant base = Instant.parse("2026-06-15T00:00:00Z");
        return new Interval(base.plusSeconds(60L * fromMinute), base.plusSeconds(60L * toMinute));
    }

    @Test
    void unionSortsMergesOverlappingAndTouchingAndDropsEmpty() {
        assertEquals(
                List.of(iv(0, 30), iv(40, 50)),
                IntervalSets.union(List.of(iv(20, 30), iv(40, 50), iv(0, 10), iv(10, 25), iv(45, 45), iv(35, 35))));
        assertEquals(List.of(), IntervalSets.union(List.of(iv(5, 5))));
    }

    @Test
    void clipCutsToBoundsAndDropsWhatLiesOutside() {
        // [0,20) -> [10,20); [50,70) -> [50,60); [60,80) touches only the end: gone
        assertEquals(
                List.of(iv(10, 20), iv(50, 60)),
                IntervalSets.clip(List.of(iv(0, 20), iv(50, 70), iv(60, 80)), iv(10, 60)));
    }

    @Test
    void minusRemovesEveryCoveredPart() {
        // [0,100) minus [10,20), [15,30), [90,120) -> [0,10), [30,90)
        assertEquals(
                List.of(iv(0, 10), iv(30, 90)),
                IntervalSets.minus(List.of(iv(0, 100)), List.of(iv(15, 30), iv(10, 20), iv(90, 120))));
        assertEquals(List.of(iv(0, 100)), IntervalSets.minus(List.of(iv(0, 50), iv(50, 100)), List.of()));
    }

    @Test
    void intersectAndTotal() {
        // ([0,30) + [40,60)) with [20,50) -> [20,30), [40,50): 20 min
        List<Interval> common = IntervalSets.intersect(List.of(iv(0, 30), iv(40, 60)), List.of(iv(20, 50)));
        assertEquals(List.of(iv(20, 30), iv(40, 50)), common);
        assertEquals(Duration.ofMinutes(20), IntervalSets.total(common));
    }
}
