package nl.vioms.sladesk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How one deadline shows, without AWS: amber from its warning, red once breached, and the rest. */
class DeadlineTest {
    private static final Instant DUE = Instant.parse("2026-12-01T16:00:00Z");
    private static final Instant WARNING = Instant.parse("2026-12-01T14:00:00Z");

    @Test
    void beforeTheWarningItRunsPlainWithACountdown() {
        Deadline d = Deadline.of("Herstel", DUE, null, WARNING, false, false, Instant.parse("2026-12-01T13:59:59Z"));
        assertEquals(Deadline.State.RUNNING, d.state());
        assertEquals("due", d.css());
        assertEquals("2026-12-01T16:00:00Z", d.dataDue());
        // 16:00:00 - 13:59:59 = 2 h 0 m 1 s
        assertEquals("2u 0m", d.left(Instant.parse("2026-12-01T13:59:59Z")));
        assertEquals("di 1 dec 17:00", d.text());
    }

    @Test
    void fromTheWarningOnItIsAmber() {
        Deadline d = Deadline.of("Herstel", DUE, null, WARNING, false, false, WARNING);
        assertEquals("due warning", d.css());
        assertEquals("di 1 dec 17:00 (75 % verstreken)", d.text());
    }

    @Test
    void atTheDeadlineItIsRedAndCountsOnBelowZero() {
        Instant later = Instant.parse("2026-12-01T16:12:03Z");
        Deadline d = Deadline.of("Herstel", DUE, null, WARNING, false, false, later);
        assertEquals("due breached", d.css());
        assertEquals("-12m 3s", d.left(later));
        assertEquals("verlopen di 1 dec 17:00", d.text());
    }

    @Test
    void metLateAndPausedDeadlinesDoNotCountDown() {
        Instant met = Instant.parse("2026-12-01T15:00:00Z");
        Deadline done = Deadline.of("Herstel", DUE, met, WARNING, false, false, met);
        assertEquals("gehaald di 1 dec 16:00", done.text());
        assertNull(done.dataDue());
        Deadline late = Deadline.of("Herstel", DUE, DUE.plusSeconds(60), WARNING, true, false, DUE);
        assertEquals("due breached", late.css());
        assertEquals("te laat di 1 dec 17:01", late.text());
        assertEquals(
                "gepauzeerd",
                Deadline.of("Herstel", null, null, null, false, true, DUE).text());
        assertEquals(
                "geen termijn",
                Deadline.of("Herstel", null, null, null, false, false, DUE).text());
    }
}
