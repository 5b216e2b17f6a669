package nl.vioms.sladesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ./sladesk up and demo refuse bad options before they start anything. */
class UpCommandTest {
    @Test
    void anUnknownScheduleModeIsNamed() {
        var run = EmailCommandTest.sladesk("up", "--schedules", "sometimes");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--schedules 'sometimes' is not enabled, all or none"), run.err());
    }

    @Test
    void anUnknownLogFormatIsNamed() {
        var run = EmailCommandTest.sladesk("up", "--log-format", "xml");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--log-format 'xml' is not text or json"), run.err());
    }

    @Test
    void theDemoMonthMustBeAMonth() {
        var run = EmailCommandTest.sladesk("demo", "--month", "november");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--month 'november' is not a month like 2026-11"), run.err());
    }
}
