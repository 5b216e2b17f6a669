package nl.vioms.sladesk.core.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import nl.vioms.sladesk.core.clock.Channel;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void controlAndBidiCharactersLeaveOneLineFields() {
        assertEquals("Geen kiestoon [31m X", Texts.subject("Geen\u0000 kiestoon\u001b[31m\u202e\r\nX\u2066"));
        assertEquals("a b", Texts.oneLine("a\tb\u0085"));
        assertEquals("regel 1\nregel 2\n\tX", Texts.text("regel 1\r\nregel 2\r\t\u0000X\u202e".replace("\u0000", "")));
    }

    @Test
    void shortTextIsKeptAsItIs() {
        assertEquals("Geen kiestoon", Texts.subject("Geen kiestoon"));
    }

    @Test
    void aLongSubjectIsCutAtThreeHundredCharactersWithAnEllipsis() {
        String cut = Texts.subject("x".repeat(1000));

        assertEquals(301, cut.length());
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        // 299 ASCII characters, then an emoji (2 UTF-16 units) straddling the limit of 300
        String cut = Texts.subject("a".repeat(299) + "😟" + "b".repeat(10));

        assertEquals("a".repeat(299) + "…", cut);
    }

    @Test
    void aReportClipsWhatATicketStores() {
        var report = new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                Instant.EPOCH,
                "a@b.nl",
                "s".repeat(500),
                "t".repeat(40_000),
                null,
                null,
                "src",
                "actor");

        assertEquals(301, report.subject().length());
        assertTrue(report.text().length() < 30_100);
    }
}
