package nl.vioms.sladesk.portal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.vioms.sladesk.app.DutchNumbers;
import nl.vioms.sladesk.app.EnglishNumbers;
import nl.vioms.sladesk.console.Language;

/**
 * Figures and months as the portal's reader reads them, in one place: Dutch ("€ 1.234,50",
 * "99,6544 %", "september 2026") or English ("€1,234.50", "99.6544%", "September 2026").
 */
record Figures(Language lang) {
    private static final DateTimeFormatter MONTH_NL = DateTimeFormatter.ofPattern("MMMM yyyy", new Locale("nl", "NL"));
    private static final DateTimeFormatter MONTH_EN = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** Euros, "–" for none. */
    String money(BigDecimal value) {
        return lang == Language.EN ? EnglishNumbers.money(value) : DutchNumbers.money(value);
    }

    /** A percentage with the figure's own decimals, "–" for none. */
    String percent(BigDecimal value) {
        return lang == Language.EN ? EnglishNumbers.percent(value) : DutchNumbers.percent(value);
    }

    /** Minutes with the figure's own decimals: "1.080 min" / "1,080 min"; "–" for none. */
    String minutes(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        return (lang == Language.EN ? EnglishNumbers.decimal(value) : DutchNumbers.decimal(value)) + " min";
    }

    String month(YearMonth month) {
        return (lang == Language.EN ? MONTH_EN : MONTH_NL).format(month);
    }
}
