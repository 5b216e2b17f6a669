package nl.vioms.sladesk.app;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Figures as {@link DutchNumbers} prints them, for a reader who chose English (the reseller portal,
 * issue 18): availability as computed ("99.6543%", no rounding beyond the figure's own scale) and money
 * in euros ("€1,234.50").
 */
public final class EnglishNumbers {
    public static final Locale LOCALE = Locale.UK;

    private EnglishNumbers() {}

    /** "99.6543%" as computed, "–" for none. */
    public static String percent(BigDecimal value) {
        return value == null ? "–" : decimal(value) + "%";
    }

    /** "1,234.5" with the figure's own scale, "–" for none. */
    public static String decimal(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        String plain = value.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        String sign = whole.startsWith("-") ? "-" : "";
        return sign + String.format(LOCALE, "%,d", Math.abs(Long.parseLong(whole))) + fraction;
    }

    /** "€1,234.50" ("-€12.50" for a negative amount), "–" for none. */
    public static String money(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal cents = value.setScale(2, RoundingMode.HALF_UP);
        String sign = cents.signum() < 0 ? "-" : "";
        return sign + "€" + String.format(LOCALE, "%,.2f", cents.abs());
    }
}
