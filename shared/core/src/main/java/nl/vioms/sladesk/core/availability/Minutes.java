package nl.vioms.sladesk.core.availability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** Durations shown as minutes. */
public final class Minutes {

    private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);

    private Minutes() {}

    /**
     * Minutes of a duration: exact when the decimal ends (every whole second that is a multiple of
     * 3 s, every half minute...), otherwise rounded HALF_UP to 6 decimals (e.g. 1 s). No trailing
     * zeros: 90 s is 1.5, 3600 s is 60.
     */
    public static BigDecimal of(Duration d) {
        BigDecimal value;
        try {
            value = nanos(d).divide(NANOS_PER_MINUTE);
        } catch (ArithmeticException nonTerminating) {
            value = nanos(d).divide(NANOS_PER_MINUTE, 6, RoundingMode.HALF_UP);
        }
        value = value.stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static BigDecimal nanos(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).movePointRight(9).add(BigDecimal.valueOf(d.getNano()));
    }
}
