package nl.vioms.sladesk.monthend;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.vioms.sladesk.app.DutchNumbers;
import nl.vioms.sladesk.app.Html;
import nl.vioms.sladesk.core.monthend.ContractMonth.ServiceMonth;
import nl.vioms.sladesk.core.time.Amsterdam;

/** Dutch formatting for the reports people read (the status page is Dutch too). */
final class Nl {
    static final Locale LOCALE = DutchNumbers.LOCALE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", LOCALE);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM ''yy", LOCALE);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", LOCALE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);

    /** What a month without data shows instead of a figure (R18, issue 20). */
    static final String NO_DATA = "geen gegevens";

    private Nl() {}

    /** A service's availability, or "geen gegevens" for a month without data. */
    static String availability(ServiceMonth s) {
        return s.hasData() ? percent(s.availability()) : NO_DATA;
    }

    /** The CSS class of a service's figure: met, missed, or no verdict. */
    static String verdictClass(ServiceMonth s) {
        return s.kpiMet() == null ? "muted" : s.kpiMet() ? "ok" : "bad";
    }

    /** " – gehaald", " – niet gehaald", or " – geen oordeel" without data. */
    static String verdict(ServiceMonth s) {
        return s.kpiMet() == null ? " – geen oordeel" : s.kpiMet() ? " – gehaald" : " – niet gehaald";
    }

    /** "gedeeltelijke maand vanaf 9 november 2026" for a month the contract started in (R18), else empty. */
    static String partial(ServiceMonth s) {
        return ServiceMonth.PARTIAL.equals(s.data())
                ? "gedeeltelijke maand vanaf " + DATE.format(OffsetDateTime.parse(s.measuredFrom()))
                : "";
    }

    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    static String shortMonth(YearMonth month) {
        return SHORT_MONTH.format(month).replace(".", "");
    }

    /** "99,6543 %" as computed (no rounding beyond the figure's own scale). */
    static String percent(BigDecimal value) {
        return DutchNumbers.percent(value);
    }

    static String decimal(BigDecimal value) {
        return DutchNumbers.decimal(value);
    }

    /** "€ 1.234,50". */
    static String money(BigDecimal value) {
        return DutchNumbers.money(value);
    }

    /** "272,5 min (4 u 32,5 min)" for spans of an hour or more. */
    static String minutes(BigDecimal minutes) {
        if (minutes == null) {
            return "–";
        }
        String text =
                decimal(minutes.stripTrailingZeros().scale() < 0 ? minutes.setScale(0) : minutes.stripTrailingZeros())
                        + " min";
        if (minutes.compareTo(BigDecimal.valueOf(60)) >= 0) {
            BigDecimal[] hm = minutes.divideAndRemainder(BigDecimal.valueOf(60));
            BigDecimal rest = hm[1].stripTrailingZeros();
            text += " (" + hm[0].toBigInteger() + " u"
                    + (rest.signum() == 0 ? "" : " " + decimal(rest.scale() < 0 ? rest.setScale(0) : rest) + " min")
                    + ")";
        }
        return text;
    }

    /** An ISO instant of a report as "di 10 nov 14:30" (Amsterdam). */
    static String moment(String iso) {
        return iso == null
                ? "–"
                : DAY_TIME.format(instant(iso).atZone(Amsterdam.ZONE)).replace(".", "");
    }

    static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    static String status(String status) {
        return switch (status) {
            case "met" -> "gehaald";
            case "breached" -> "niet gehaald";
            case "open" -> "open";
            default -> "geen norm";
        };
    }

    static String rounding(String mode) {
        return switch (mode) {
            case "whole" -> "alleen hele procentpunten (naar beneden afgerond)";
            case "started" -> "elk begonnen procentpunt (naar boven afgerond)";
            default -> "naar rato (exacte fractie)";
        };
    }

    static String exclusion(String kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case "regular-service-window" -> "vast servicevenster (za/zo 01:00–05:00)";
            case "planned-maintenance" -> "aangekondigd onderhoud";
            case "emergency-maintenance" -> "spoedonderhoud, door operations uitgesloten";
            case "force-majeure" -> "overmacht";
            case "customer-caused" -> "veroorzaakt door klant of reseller";
            case "administrative-block" -> "administratieve blokkade";
            case "connection-outage" -> "verbindingsstoring (lokale aansluiting)";
            case "not-delivered" -> "nog niet opgeleverd";
            default -> kind;
        };
    }

    /** HTML text escaping. */
    static String esc(String text) {
        return Html.escape(text);
    }
}
