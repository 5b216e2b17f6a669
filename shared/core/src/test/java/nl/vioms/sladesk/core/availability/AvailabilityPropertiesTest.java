package nl.vioms.sladesk.core.availability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.vioms.sladesk.core.policy.AvailabilityPolicy;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.time.Interval;
import nl.vioms.sladesk.core.time.IntervalSets;

/** Invariants of R23 over random outages and exclusions around November 2026. */
class AvailabilityPropertiesTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final Interval MONTH = AvailabilityCalculator.monthInterval(NOV);
    private static final AvailabilityPolicy POLICY =
            PolicyLoader.loadDefault().policyFor(NOV).availability();

    @Provide
    Arbitrary<List<Interval>> spans() {
        // starts from a day before to a day after the month, lengths up to 30 h, minute grid
        long from = MONTH.start().getEpochSecond() - 86_400;
        long minutes = MONTH.duration().toMinutes() + 2 * 1440;
        Arbitrary<Interval> one = Arbitraries.longs()
                .between(0, minutes)
                .flatMap(s -> Arbitraries.longs()
                        .between(0, 1800)
                        .map(len -> new Interval(
                                Instant.ofEpochSecond(from + s * 60), Instant.ofEpochSecond(from + (s + len) * 60))));
        return one.list().ofMaxSize(12);
    }

    @Property(tries = 300)
    void downPlusExcludedIsTheOutageTimeInTheMonth(
            @ForAll("spans") List<Interval> outages, @ForAll("spans") List<Interval> forceMajeure) {
        AvailabilityInput.Builder in = AvailabilityInput.forMonth(NOV);
        outages.forEach(in::outage);
        forceMajeure.forEach(x -> in.exclusion(new Exclusion(x, ExclusionKind.FORCE_MAJEURE, "test")));
        AvailabilityResult r = AvailabilityCalculator.calculate(in.build(), POLICY);

        Duration outageInMonth = IntervalSets.total(IntervalSets.union(IntervalSets.clip(outages, MONTH)));
        assertEquals(outageInMonth, r.down().plus(r.excluded()));
        List<Interval> exclusions = new ArrayList<>(IntervalSets.clip(forceMajeure, MONTH));
        exclusions.addAll(AvailabilityCalculator.serviceWindows(NOV, POLICY.regularServiceWindows()));
        for (DownInterval d : r.downIntervals()) {
            assertTrue(MONTH.start().compareTo(d.interval().start()) <= 0
                    && MONTH.end().compareTo(d.interval().end()) >= 0);
            assertFalse(exclusions.stream().anyMatch(x -> x.overlaps(d.interval())), "down inside an exclusion");
        }
        BigDecimal pct = r.availabilityPercent();
        assertTrue(pct.signum() >= 0 && pct.compareTo(BigDecimal.valueOf(100)) <= 0);
    }

    @Example
    void emptyExclusionInsideADownInterval() {
        // the sample that once failed: an empty force-majeure span [04:01Z, 04:01Z) inside the down part
        // [04:00Z, 04:02Z) after Sunday 1 November's service window; an empty span overlaps nothing
        downPlusExcludedIsTheOutageTimeInTheMonth(
                List.of(new Interval(Instant.parse("2026-10-30T23:00:00Z"), Instant.parse("2026-11-01T04:02:00Z"))),
                List.of(new Interval(Instant.parse("2026-11-01T04:01:00Z"), Instant.parse("2026-11-01T04:01:00Z"))));
    }
}
