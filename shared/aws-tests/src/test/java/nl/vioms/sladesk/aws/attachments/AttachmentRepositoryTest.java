package nl.vioms.sladesk.aws.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.vioms.sladesk.app.tickets.ResellerTickets;
import nl.vioms.sladesk.aws.Services;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.emulators.MutableClock;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A ticket's attachment items in the tickets table (issue 18, decision 32), on the emulators. */
@ExtendWith(AwsEmulators.class)
class AttachmentRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static Services services;

    @BeforeAll
    static void setUp(LocalAws aws) {
        aws.seed("demo");
        services = new Services(aws.environmentOf("PortalFunction"), aws.clients(), new MutableClock(NOW));
    }

    @Test
    void anAttachmentIsRecordedOnceListedInOrderAndLeavesTheTicketAsItWas() {
        Ticket ticket = open();
        Attachment first = attachment(ticket, "scherm.png", NOW.plusSeconds(60));
        Attachment second = attachment(ticket, "trace.log", NOW.plusSeconds(30));

        services.attachments().record(first);
        services.attachments().record(second);
        services.attachments()
                .record(new Attachment(
                        ticket.number(),
                        first.id(),
                        "anders.pdf",
                        "application/pdf",
                        9,
                        first.key(),
                        "telnet",
                        "iemand@telnet.demo",
                        NOW.plusSeconds(90)));

        List<Attachment> listed = services.attachments().of(ticket.number());
        // oldest first: trace.log at 08:00:30Z, then scherm.png at 08:01:00Z; the second record of the same id is
        // ignored
        assertEquals(
                List.of("trace.log", "scherm.png"),
                listed.stream().map(Attachment::name).toList());
        assertEquals(
                first, services.attachments().find(ticket.number(), first.id()).orElseThrow());
        assertTrue(services.attachments().find(ticket.number(), "0".repeat(32)).isEmpty());
        // the ticket's own query skips ATTACHMENT# items: its history is its created event only
        var stored = services.ticketRepository().find(ticket.number()).orElseThrow();
        assertEquals(1, stored.history().size());
        assertEquals(ticket.subject(), stored.ticket().subject());
    }

    private static Ticket open() {
        var request = new ResellerTickets.Request(
                TicketKind.INCIDENT, "Bijlagen-test", "Omschrijving", "P3", "pbx", "anna@telnet.demo", "portal");
        var customer = services.directory().customer("bakkerij-devries").orElseThrow();
        return ResellerTickets.open(
                        services.ticketService(), request, customer, NOW, "portal#telnet#" + UUID.randomUUID())
                .ticket();
    }

    private static Attachment attachment(Ticket ticket, String name, Instant at) {
        String id = UUID.randomUUID().toString().replace("-", "");
        String key = "attachments/telnet/" + ticket.number() + "/" + id + "/" + name;
        return new Attachment(ticket.number(), id, name, "text/plain", 42, key, "telnet", "anna@telnet.demo", at);
    }
}
