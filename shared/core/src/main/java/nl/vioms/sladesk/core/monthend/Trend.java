package nl.vioms.sladesk.core.monthend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The 12-month trend of one service of a contract and its yearly average (R24), from the stored
 * monthly results. The average is time-weighted: (sum of total - sum of down) / sum of total over
 * the months that have a result, not the mean of monthly percentages (a February weighs less).
 * A month without data (before the contract's start, R18, or with nothing recorded) has no result:
 * it is no point here and weighs nothing in the average; a partial first month weighs its measured part.
 *
 * @param months        the months of the window that have a result, oldest first
 * @param yearlyAverage percent, 4 decimals HALF_UP; null when no month has a result
 * @param kpi           the KPI of the last month (R5), the norm that holds over the year (R24)
 * @param kpiMet        yearly average at or above the KPI; null without results
 */
public record Trend(
        YearMonth last,
        List<Point> months,
        @Nullable BigDecimal yearlyAverage,
        @Nullable BigDecimal kpi,
        @Nullable Boolean kpiMet) {

    /** One month's stored figure: minutes exact as stored, availability as reported. */
    public record Point(
            YearMonth month,
            BigDecimal totalMinutes,
            BigDecimal downMinutes,
            BigDecimal availability,
            @Nullable BigDecimal kpi,
            int version) {}

    public Trend {
        months = List.copyOf(months);
    }

    /** The first month of the 12-month window ending with {@code last}. */
    public static YearMonth windowStart(YearMonth last) {
        return last.minusMonths(11);
    }

    /** The trend of the window ending with {@code last}; points outside it are ignored. */
    public static Trend of(YearMonth last, List<Point> points) {
        YearMonth first = windowStart(last);
        List<Point> in = new ArrayList<>(points.stream()
                .filter(p -> !p.month().isBefore(first) && !p.month().isAfter(last))
                .toList());
        in.sort(Comparator.comparing(Point::month));
        if (in.isEmpty()) {
            return new Trend(last, in, null, null, null);
        }
        BigDecimal total = BigDecimal.ZERO, down = BigDecimal.ZERO;
        for (Point p : in) {
            total = total.add(p.totalMinutes());
            down = down.add(p.downMinutes());
        }
        BigDecimal average =
                total.subtract(down).multiply(BigDecimal.valueOf(100)).divide(total, 4, RoundingMode.HALF_UP);
        BigDecimal kpi = in.get(in.size() - 1).kpi();
        return new Trend(last, in, average, kpi, kpi == null ? null : average.compareTo(kpi) >= 0);
    }
}
