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
}
