package nl.vioms.sladesk.monthend;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.core.monthend.ContractMonth;
import nl.vioms.sladesk.core.monthend.FigureDiff;
import nl.vioms.sladesk.core.monthend.Trend;

/**
 * The machine-readable month record: one JSON object per contract and version. Decimals are
 * written as they are (no exponent); the content hash is taken over the computed month alone,
 * so a re-run with the same data has the same hash whatever the run's time.
 */
final class ReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final ObjectMapper COMPACT = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ReportJson() {
    }

    /** The published document: version, what changed, the 12-month trend per service (R24), the month. */
    record Document(String customerId, String month, int version, String generatedAt, Integer previousVersion,
                    String contentHash, List<FigureDiff.Change> changes, Map<String, TrendView> trend,
                    ContractMonth report) {
    }

    /** A trend in plain values. */
    record TrendView(String from, String to, List<PointView> months, BigDecimal yearlyAverage, BigDecimal kpi,
                     Boolean kpiMet) {
        static TrendView of(Trend t) {
            return new TrendView(Trend.windowStart(t.last()).toString(), t.last().toString(), t.months().stream()
                    .map(p -> new PointView(p.month().toString(), p.availability(), p.downMinutes(), p.totalMinutes(),
                            p.kpi(), p.version())).toList(), t.yearlyAverage(), t.kpi(), t.kpiMet());
        }
    }

    record PointView(String month, BigDecimal availability, BigDecimal downMinutes, BigDecimal totalMinutes,
                     BigDecimal kpi, int version) {
    }

    static Map<String, TrendView> trendViews(Map<String, Trend> trends) {
        Map<String, TrendView> out = new LinkedHashMap<>();
        trends.forEach((k, v) -> out.put(k, TrendView.of(v)));
        return out;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 of the compact JSON of the computed month. */
    static String hash(ContractMonth month) {
        try {
            byte[] bytes = COMPACT.writeValueAsString(month).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the month of " + month.customerId(), e);
        }
    }
}
