package nl.vioms.sladesk.app.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** A reseller's words, Dutch and English (issue 18: the portal shares them with the API's status page). */
class ResellerWordsTest {

    @Test
    void everyKindOfEventHasItsWordsInBothLanguages() {
        for (EventKind kind : EventKind.values()) {
            assertFalse(ResellerWords.event(kind, false).isBlank(), kind.wireName());
            assertFalse(ResellerWords.event(kind, true).isBlank(), kind.wireName());
        }
        assertEquals("Jouw antwoord of aanvulling", ResellerWords.event(EventKind.CUSTOMER_REPLIED));
        assertEquals("Your answer or information", ResellerWords.event(EventKind.CUSTOMER_REPLIED, true));
    }

    @Test
    void statusKindChannelAndMeaningReadInEnglishOnRequest() {
        assertEquals("wacht op jouw antwoord", ResellerWords.status(TicketStatus.WAITING));
        assertEquals("waiting for your answer", ResellerWords.status(TicketStatus.WAITING, true));
        assertEquals("request for change (RFC)", ResellerWords.kind(TicketKind.RFC, true));
        assertEquals("by phone", ResellerWords.channel(Channel.PHONE, true));
        assertEquals("the service is unavailable for all end users", ResellerWords.meaning(Priority.P1, true));
        assertEquals("Second-line helpdesk", ResellerWords.who("second_line:helpdesk", null, true));
        assertEquals("TelNet", ResellerWords.who("reseller:portal:anna@telnet.demo", "TelNet", true));
    }

    @Test
    void operationsInternalNotesAreNeverShownToAReseller() {
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        TicketEvent note = new TicketEvent("n", EventKind.NOTE, at, "operations:noc", "console", Map.of("text", "x"));
        TicketEvent reply = new TicketEvent("r", EventKind.REPLY, at, "operations:noc", "console", Map.of("text", "y"));
        assertFalse(ResellerWords.shown(note));
        assertTrue(ResellerWords.shown(reply));
        assertEquals("y", ResellerWords.text(reply));
    }
}
