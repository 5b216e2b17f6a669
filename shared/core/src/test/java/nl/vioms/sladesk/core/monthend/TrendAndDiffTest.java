package nl.vioms.sladesk.core.monthend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R24: the 12-month trend is time-weighted; a recomputation's diff names every changed figure. */
class TrendAndDiffTest {
    private static Trend.Point point(String month, long total, long down, String availability) {
        return new Trend.Point(
                YearMonth.parse(month),
                BigDecimal.valueOf(total),
                BigDecimal.valueOf(down),
                new BigDecimal(availability),
                new BigDecimal("99.60"),
                1);
    }

    @Test
    void theYearlyAverageWeighsMonthsByTheirMinutesNotTheirPercentages() {
        // February 2026: 28 x 1440 = 40 320 min, 403.2 down -> 99.0000 %
        // March 2026 (clocks forward on the 29th): 31 x 1440 - 60 = 44 580 min, 0 down -> 100 %
        // mean of percentages would be 99.5; time-weighted: (84 900 - 403.2) / 84 900 = 99.525088... -> 99.5251
        Trend t = Trend.of(
                YearMonth.of(2026, 3),
                List.of(
                        new Trend.Point(
                                YearMonth.of(2026, 2),
                                BigDecimal.valueOf(40_320),
                                new BigDecimal("403.2"),
                                new BigDecimal("99.0000"),
                                new BigDecimal("99.60"),
                                1),
                        point("2026-03", 44_580, 0, "100.0000")));
        assertEquals(new BigDecimal("99.5251"), t.yearlyAverage());
        assertFalse(t.kpiMet(), "99.5251 < 99.60");
    }

    @Test
    void onlyTheTwelveMonthsEndingWithTheMonthCount() {
        // April 2025 is 12 months before April 2026's window start (May 2025): left out
        Trend t = Trend.of(
                YearMonth.of(2026, 4),
                List.of(
                        point("2025-04", 43_200, 43_200, "0.0000"),
                        point("2025-05", 44_640, 0, "100.0000"),
                        point("2026-04", 43_200, 0, "100.0000")));
        assertEquals(
                List.of(YearMonth.of(2025, 5), YearMonth.of(2026, 4)),
                t.months().stream().map(Trend.Point::month).toList());
        assertEquals(new BigDecimal("100.0000"), t.yearlyAverage());
        assertTrue(t.kpiMet());
    }

    @Test
    void withoutResultsThereIsNoAverage() {
        Trend t = Trend.of(YearMonth.of(2026, 4), List.of());
        assertNull(t.yearlyAverage());
        assertNull(t.kpiMet());
    }

    @Test
    void theDiffListsChangedNewAndGoneFiguresInOrder() {
        var changes = FigureDiff.between(
                Map.of("credit.amount", "0.00", "ticket.A.response", "open", "gone", "x"),
                Map.of("credit.amount", "12.50", "ticket.A.response", "open", "new", "y"));
        assertEquals(
                List.of(
                        new FigureDiff.Change("credit.amount", "0.00", "12.50"),
                        new FigureDiff.Change("gone", "x", null),
                        new FigureDiff.Change("new", null, "y")),
                changes);
        assertEquals(List.of(), FigureDiff.between(Map.of("a", "1"), Map.of("a", "1")));
    }
}
