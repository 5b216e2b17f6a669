package nl.vioms.sladesk.console.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import nl.vioms.sladesk.console.WebError;
import nl.vioms.sladesk.core.time.Amsterdam;

/** Times as a person at VIOMS reads and types them: Amsterdam wall-clock, Dutch day and month names. */
final class Moments {
    private static final Locale DUTCH = new Locale("nl", "NL");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", DUTCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", DUTCH);
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private Moments() {}

    /** "vr 4 dec 14:12" in Amsterdam, "–" for none. */
    static String dayTime(Instant at) {
        return at == null ? "–" : DAY_TIME.format(at.atZone(Amsterdam.ZONE)).replace(".", "");
    }

    /** "november 2026". */
    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "3 u 12 min", "45 min", "2 d 4 u". */
    static String duration(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " u";
        }
        return hours > 0 ? hours + " u " + rest + " min" : rest + " min";
    }

    /** The value of a {@code datetime-local} field for an instant, in Amsterdam. */
    static String field(Instant at) {
        return FIELD.format(at.atZone(Amsterdam.ZONE));
    }

    /** A {@code datetime-local} field (Amsterdam wall-clock, "2026-12-06T20:00") as an instant; 400 when unreadable. */
    static Instant parseField(String label, String value) {
        try {
            return LocalDateTime.parse(value.strip()).atZone(Amsterdam.ZONE).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new WebError(400, label + " is geen tijdstip zoals 2026-12-06T20:00: '" + value + "'.");
        }
    }
}
