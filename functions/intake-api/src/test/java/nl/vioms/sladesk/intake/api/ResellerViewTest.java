package nl.vioms.sladesk.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.vioms.sladesk.app.Json;
import nl.vioms.sladesk.app.tickets.ResellerWords;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.clock.ClockResult;
import nl.vioms.sladesk.core.clock.TicketTimeline;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.core.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

/** The reseller's view of a ticket, built by hand: what it keeps and what it leaves out. */
class ResellerViewTest {
    private static final Instant CREATED = Instant.parse("2026-11-26T09:00:00Z");

    private static final Ticket TICKET = new Ticket(
            "VIO-2026-000042",
            TicketKind.INCIDENT,
            TicketStatus.OPEN,
            "bakkerij-devries",
            "Bakkerij De Vries",
            "telnet",
            SlaLevel.N,
            "pbx",
            ServiceKind.HOSTED_PBX,
            Priority.P2,
            "marker [P2]",
            "Geen kiestoon",
            "jan@bakkerij-devries.nl",
            false,
            TicketTimeline.created(CREATED, Channel.EMAIL, Priority.P2),
            3);

    private static final List<TicketEvent> HISTORY = List.of(
            new TicketEvent(
                    "created",
                    EventKind.CREATED,
                    CREATED,
                    "email:jan@bakkerij-devries.nl",
                    "email:ses-1",
                    Map.of("text", "Toestel 3 heeft geen kiestoon.", "reporter", "jan@bakkerij-devries.nl")),
            new TicketEvent(
                    "mail-1",
                    EventKind.EMAIL,
                    CREATED.plusSeconds(600),
                    "email:jan@bakkerij-devries.nl",
                    "email:ses-2",
                    Map.of("text", "x".repeat(700), "raw", "s3://sladesk-mail/inbound/ses-2", "from", "jan@x.nl")),
            new TicketEvent(
                    "api-1",
                    EventKind.NOTE,
                    CREATED.plusSeconds(900),
                    "operations:noc",
                    "api",
                    Map.of("text", "intern: klant belt vaak")),
            new TicketEvent(
                    "api-2",
                    EventKind.SECOND_LINE_ACK,
                    CREATED.plusSeconds(1200),
                    "second_line:second-line-helpdesk",
                    "api",
                    Map.of()));

    /** Response due 14:00, restore paused (so unknown), acknowledge due Fri 10:00; start work 12:00 internal. */
    private static final ClockResult CLOCKS = new ClockResult(
            CREATED,
            CREATED.plus(Duration.ofHours(24)),
            CREATED.plus(Duration.ofHours(4)),
            CREATED.plus(Duration.ofHours(2)),
            null,
            null,
            Duration.ofMinutes(20),
            null,
            true,
            false,
            false,
            true,
            Priority.P2,
            List.of("R5", "R16"));

    @Test
    void theResellerJsonKeepsThePagesFactsAndLeavesOutNotesTokenNamesAndTheRawMail() {
        var view = new TicketService.View(TICKET, HISTORY, CLOCKS);
        Map<String, Object> json = ResellerView.json(view, ResellerView.Names.NONE);
        String text = Json.write(json);

        for (String internal : List.of(
                "intern",
                "operations:",
                "noc",
                "s3://",
                "raw",
                "second-line-helpdesk",
                "reporter",
                "startWork",
                "R16")) {
            assertFalse(text.contains(internal), internal + " in " + text);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> clocks = (Map<String, Object>) json.get("clocks");
        assertEquals("2026-11-26T14:00:00+01:00", clocks.get("responseDue"));
        assertEquals(true, clocks.get("responseBreached"));
        assertNull(clocks.get("restoreDue"));
        assertEquals(true, clocks.get("paused"));
        assertEquals("2026-11-27T10:00:00+01:00", clocks.get("acknowledgeDue"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) json.get("history");
        assertEquals(
                List.of("created", "email", "second-line-ack"),
                history.stream().map(h -> h.get("kind")).toList());
        assertEquals("x".repeat(600) + "…", history.get(1).get("text"), "600 characters, as on the page");
        assertEquals("Tweedelijns helpdesk", history.get(2).get("by"));
        assertNull(history.get(2).get("text"));
    }

    @Test
    void thePageShowsWhatTheJsonSaysAndNoMore() {
        String page = StatusPage.render(new TicketService.View(TICKET, HISTORY, CLOCKS));

        assertTrue(page.contains("do 26 nov. 2026 14:00 (verlopen)"), page);
        assertTrue(page.contains("klok gepauzeerd"), page);
        assertTrue(page.contains("Bakkerij De Vries (bakkerij-devries)"), page);
        assertTrue(page.contains("N · hosted-pbx</td>"), page);
        assertTrue(page.contains("<th>Dienst</th><td>pbx</td>"), "without a name in the directory, the id");
        assertTrue(page.contains("x".repeat(600) + "…"), page);
        assertTrue(page.contains("Tweedelijns helpdesk</strong>") || page.contains("· Tweedelijns helpdesk"), page);
        for (String internal :
                List.of("intern", "operations:", "s3://", "second-line-helpdesk", "do 26 nov. 2026 12:00")) {
            assertFalse(page.contains(internal), internal + " on the page");
        }
    }

    @Test
    void staffAndSlaDeskItselfAppearAsViomsAndTheResellerByItsName() {
        assertEquals("VIOMS", ResellerWords.who("operations:noc", "TelNet Partners B.V."));
        assertEquals("VIOMS", ResellerWords.who("telephony:phone-agents", null));
        assertEquals("VIOMS", ResellerWords.who("monitoring:probe", null));
        assertEquals("VIOMS", ResellerWords.who("sla-check", null));
        assertEquals("VIOMS", ResellerWords.who("mailer", null));
        assertEquals("Tweedelijns helpdesk", ResellerWords.who("second_line:second-line-helpdesk", null));
        assertEquals("TelNet Partners B.V.", ResellerWords.who("reseller:telnet-portal", "TelNet Partners B.V."));
        assertEquals("jij", ResellerWords.who("reseller:telnet-portal", null));
        assertEquals("jan@bakkerij-devries.nl", ResellerWords.who("email:jan@bakkerij-devries.nl", null));
        assertEquals("onbekende afzender", ResellerWords.who("email:unknown", null));
    }

    @Test
    void theClassifiersReasonsReadInDutch() {
        assertEquals(
                "herkend aan de woorden \u201cgeen kiestoon\u201d",
                ResellerWords.priorityReason("rule P2 \"geen kiestoon\"", null));
        assertEquals("prioriteit in het onderwerp ([P1])", ResellerWords.priorityReason("subject tag [P1]", null));
        assertEquals("prioriteit in het onderwerp (P2:)", ResellerWords.priorityReason("subject prefix \"P2:\"", null));
        assertEquals(
                "prioriteit in de tekst (\u201cprio 1\u201d)",
                ResellerWords.priorityReason("body marker \"prio 1\"", null));
        assertEquals(
                "prioriteit P1 bij de melding opgegeven",
                ResellerWords.priorityReason("requested priority field \"P1\"", null));
        assertEquals(
                "herkend aan de woorden \u201cgeen kiestoon\u201d (\u201calle toestellen\u201d telt niet door "
                        + "\u201cniet\u201d; opgegeven prioriteit \u201cP7\u201d genegeerd (geen P1, P2 of P3))",
                ResellerWords.priorityReason(
                        "rule P2 \"geen kiestoon\" (rule P1 \"alle toestellen\" ignored: negated by \"niet\")"
                                + "; requested priority \"P7\" ignored (not P1, P2 or P3)",
                        null));
        assertEquals(
                "geen kenmerk herkend: standaardprioriteit, VIOMS beoordeelt de melding",
                ResellerWords.priorityReason(PriorityClassifier.NO_MATCH, null));
        assertEquals(
                "gewijzigd door VIOMS: hele vestiging plat",
                ResellerWords.priorityReason("reclassified by operations:noc: hele vestiging plat", null));
        assertEquals("gewijzigd door VIOMS", ResellerWords.priorityReason("reclassified by operations:noc", null));
    }

    @Test
    void theStatusPageIsDutchThroughout() {
        Ticket waiting = new Ticket(
                "VIO-2026-000043",
                TicketKind.INCIDENT,
                TicketStatus.WAITING,
                "bakkerij-devries",
                "Bakkerij De Vries",
                "telnet",
                SlaLevel.N,
                "pbx",
                ServiceKind.HOSTED_PBX,
                Priority.P2,
                "rule P2 \"geen kiestoon\"",
                "Geen kiestoon",
                null,
                false,
                TicketTimeline.created(CREATED, Channel.API, Priority.P2).withPause(CREATED.plusSeconds(600), null),
                3);
        var history = List.of(new TicketEvent(
                "created",
                EventKind.CREATED,
                CREATED,
                "reseller:telnet-portal",
                "api",
                Map.of("text", "Geen kiestoon")));
        String page = StatusPage.render(
                new TicketService.View(waiting, history, CLOCKS),
                new ResellerView.Names("TelNet Partners B.V.", "Hosted PBX kantoor"));

        assertTrue(page.contains("<span class=\"badge\">wacht op jouw antwoord</span>"), page);
        // issue 18: the page points to the portal's ticket page (same host)
        assertTrue(page.contains("<a href=\"/portal/tickets/VIO-2026-000043\">"), page);
        assertTrue(page.contains("<th>Soort</th><td>storing</td>"), page);
        assertTrue(page.contains(" via het portaal/API</p>"), page);
        assertTrue(page.contains("P2</span> herkend aan de woorden \u201cgeen kiestoon\u201d"), page);
        assertTrue(page.contains("<th>Dienst</th><td>Hosted PBX kantoor</td>"), page);
        assertTrue(page.contains("<strong>Gemeld</strong> · TelNet Partners B.V."), page);
        for (String english : List.of("waiting", "rule P2", "via api", "reseller:", "telnet-portal", "incident")) {
            assertFalse(page.contains(english), english + " on the page");
        }
        String rfc = StatusPage.render(new TicketService.View(
                new Ticket(
                        "VIO-2026-000044",
                        TicketKind.RFC,
                        TicketStatus.CLOSED,
                        "bakkerij-devries",
                        "Bakkerij De Vries",
                        "telnet",
                        SlaLevel.N,
                        "pbx",
                        ServiceKind.HOSTED_PBX,
                        Priority.P3,
                        PriorityClassifier.NO_MATCH,
                        "Extra toestel",
                        null,
                        false,
                        TicketTimeline.created(CREATED, Channel.EMAIL, Priority.P3)
                                .withResolution(CREATED.plusSeconds(3600)),
                        1),
                List.of(),
                null));
        assertTrue(rfc.contains("<span class=\"badge\">gesloten</span>"), rfc);
        assertTrue(rfc.contains("<th>Soort</th><td>wijzigingsverzoek (RFC)</td>"), rfc);
        assertTrue(rfc.contains(" via e-mail</p>"), rfc);
        assertTrue(rfc.contains("<th>Opgelost</th><td>do 26 nov. 2026 11:00</td>"), rfc);
    }
}
