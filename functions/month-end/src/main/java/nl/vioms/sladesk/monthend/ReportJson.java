package nl.vioms.sladesk.monthend;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.FigureDiff;
import nl.vioms.sladesk.core.monthend.Trend;

/**
 * The machine-readable month record: one JSON object per contract and version. Decimals are
 * written as they are (no exponent); the content hash is taken over the computed month alone,
 * so a re-run with the same data has the same hash whatever the run's time. Written with the
 * functions' one JSON writer (jackson-jr: fields in alphabetical order, decision 11).
 */
final class ReportJson {

    private ReportJson() {}

    /** The published document: version, what changed, the 12-month trend per service (R24), the month. */
    record Document(
            String customerId,
            String month,
            int version,
            String generatedAt,
            Integer previousVersion,
            String contentHash,
            List<FigureDiff.Change> changes,
            Map<String, TrendView> trend,
            ContractMonth report) {}

    /** A trend in plain values. */
    record TrendView(
            String from, String to, List<PointView> months, BigDecimal yearlyAverage, BigDecimal kpi, Boolean kpiMet) {
        static TrendView of(Trend t) {
            return new TrendView(
                    Trend.windowStart(t.last()).toString(),
                    t.last().toString(),
                    t.months().stream()
                            .map(p -> new PointView(
                                    p.month().toString(),
                                    p.availability(),
                                    p.downMinutes(),
                                    p.totalMinutes(),
                                    p.kpi(),
                                    p.version()))
                            .toList(),
                    t.yearlyAverage(),
                    t.kpi(),
                    t.kpiMet());
        }
    }

    record PointView(
            String month,
            BigDecimal availability,
            BigDecimal downMinutes,
            BigDecimal totalMinutes,
            BigDecimal kpi,
            int version) {}

    static Map<String, TrendView> trendViews(Map<String, Trend> trends) {
        Map<String, TrendView> out = new LinkedHashMap<>();
        trends.forEach((k, v) -> out.put(k, TrendView.of(v)));
        return out;
    }

    static String write(Object value) {
        return Json.writePretty(value);
    }

    /** SHA-256 of the compact JSON of the computed month. */
    static String hash(ContractMonth month) {
        try {
            byte[] bytes = Json.write(month).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the month of " + month.customerId(), e);
        }
    }
}
