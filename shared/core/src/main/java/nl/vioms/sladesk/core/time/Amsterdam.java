package nl.vioms.sladesk.core.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Amsterdam time at the edges: what people read and type (storage stays UTC). */
public final class Amsterdam {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", new Locale("nl", "NL"));
    private static final DateTimeFormatter READABLE_ENGLISH =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    private Amsterdam() {}

    /** ISO-8601 with the Amsterdam offset, e.g. 2026-12-28T16:00:00+01:00; null stays null. */
    public static @Nullable String iso(@Nullable Instant instant) {
        return instant == null
                ? null
                : instant.atZone(ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** For people, in Dutch: "ma 28 dec. 2026 16:00". */
    public static String readable(@Nullable Instant instant) {
        return instant == null ? "" : READABLE.format(instant.atZone(ZONE));
    }

    /**
     * For people in their language (the portal's English pages, issue 18): "Mon 28 Dec 2026 16:00"
     * in English, {@link #readable(Instant)} for any other language; still Amsterdam's wall clock.
     */
    public static String readable(@Nullable Instant instant, Locale language) {
        if (!"en".equals(language.getLanguage())) {
            return readable(instant);
        }
        return instant == null ? "" : READABLE_ENGLISH.format(instant.atZone(ZONE));
    }
}
