package nl.vioms.sladesk.core.availability;

import static nl.vioms.sladesk.core.availability.AvailabilityCalculatorTest.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.time.Interval;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 3: the KPI (R5) is judged on the exact availability, not on the 4-decimal figure
 * shown. November 2026 has 30 days = 2 592 000 s (no DST change).
 */
class KpiJudgementTest {
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    private static AvailabilityResult novemberWithDown(Duration down) {
        Instant start = ams("2026-11-02T00:00");
        return AvailabilityCalculator.calculate(
                AvailabilityInput.forMonth(NOV)
                        .outage(new Interval(start, start.plus(down)))
                        .build(),
                PolicyLoader.loadDefault().policyFor(NOV).availability());
    }

    @Test
    void justUnderTheKpiIsNotMetThoughItIsShownAsTheKpi() {
        // 99.59996 %: down 0.40004 % of 2 592 000 s = 10 369.0368 s; shown HALF_UP as 99.6000
        AvailabilityResult n = novemberWithDown(Duration.ofSeconds(10_369, 36_800_000));
        assertEquals(new BigDecimal("99.6000"), n.availabilityPercent());
        assertFalse(n.meets(new BigDecimal("99.60")), "level N, KPI 99.60 %");

        // 99.899993 %: down 0.100007 % of 2 592 000 s = 2 592.18144 s; shown as 99.9000
        AvailabilityResult a = novemberWithDown(Duration.ofSeconds(2_592, 181_440_000));
        assertEquals(new BigDecimal("99.9000"), a.availabilityPercent());
        assertFalse(a.meets(new BigDecimal("99.90")), "level A, KPI 99.90 %");
    }

    @Test
    void exactlyTheKpiIsMet() {
        // 99.60 % exactly: down 0.4 % of 2 592 000 s = 10 368 s
        assertTrue(novemberWithDown(Duration.ofSeconds(10_368)).meets(new BigDecimal("99.60")));
        // one second more is not
        assertFalse(novemberWithDown(Duration.ofSeconds(10_369)).meets(new BigDecimal("99.60")));
    }

    @Test
    void rulesAreInNumberOrderNotTextOrder() {
        AvailabilityResult r = novemberWithDown(Duration.ofMinutes(5));
        List<String> rules = List.copyOf(r.rulesApplied());
        for (int i = 1; i < rules.size(); i++) {
            int before = Integer.parseInt(rules.get(i - 1).substring(1));
            int after = Integer.parseInt(rules.get(i).substring(1));
            assertTrue(before < after, "rules in number order: " + rules);
        }
    }
}
