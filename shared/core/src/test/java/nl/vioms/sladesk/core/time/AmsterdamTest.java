package nl.vioms.sladesk.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AmsterdamTest {
    /** 28 Dec 2026 15:00 UTC is 16:00 in Amsterdam (CET, UTC+1): a Monday. */
    private static final Instant WINTER = Instant.parse("2026-12-28T15:00:00Z");

    /** 1 Jul 2026 14:00 UTC is 16:00 in Amsterdam (CEST, UTC+2): a Wednesday. */
    private static final Instant SUMMER = Instant.parse("2026-07-01T14:00:00Z");

    @Test
    void peopleReadAmsterdamsWallClockInDutchByDefault() {
        assertEquals("ma 28 dec. 2026 16:00", Amsterdam.readable(WINTER));
        assertEquals("ma 28 dec. 2026 16:00", Amsterdam.readable(WINTER, new Locale("nl", "NL")));
    }

    @Test
    void thePortalsEnglishPagesReadTheSameMomentInEnglish() {
        assertEquals("Mon 28 Dec 2026 16:00", Amsterdam.readable(WINTER, Locale.ENGLISH));
        assertEquals("Wed 1 Jul 2026 16:00", Amsterdam.readable(SUMMER, Locale.ENGLISH));
        assertEquals("", Amsterdam.readable(null, Locale.ENGLISH));
    }
}
