package nl.vioms.sladesk.app;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Figures as the month-end reports print them in Dutch, one place for the reports and the
 * console: availability as computed ("99,6543 %", no rounding beyond the figure's own scale) and
 * money in euros ("€ 1.234,50").
 */
public final class DutchNumbers {
    public static final Locale LOCALE = new Locale("nl", "NL");

    private DutchNumbers() {}

    /** "99,6543 %" as computed, "–" for none. */
    public static String percent(BigDecimal value) {
        return value == null ? "–" : decimal(value) + " %";
    }

    /** "1.234,5" with the figure's own scale, "–" for none. */
    public static String decimal(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        // the sign apart: "-0.5" has the whole part "-0", which a long would print as "0"
        String sign = value.signum() < 0 ? "-" : "";
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : "," + plain.substring(dot + 1);
        return sign + String.format(LOCALE, "%,d", Long.parseLong(whole)) + fraction;
    }

    /** "€ 1.234,50", "–" for none. */
    public static String money(BigDecimal value) {
        return value == null ? "–" : "€ " + String.format(LOCALE, "%,.2f", value.setScale(2, RoundingMode.HALF_UP));
    }
}
