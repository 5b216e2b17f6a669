package nl.vioms.sladesk.aws.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import nl.vioms.sladesk.app.outbox.DeliveryState;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.aws.EnvVar;
import nl.vioms.sladesk.emulators.LocalAws;
import nl.vioms.sladesk.testing.AwsEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Mail messages on the outbox table from template.yaml: thread, marks, the by-thread and by-mail-id indexes. */
@ExtendWith(AwsEmulators.class)
class OutboxMailTest {
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");
    private static OutboxRepository outbox;

    @BeforeAll
    static void setUp(LocalAws aws) {
        outbox = new OutboxRepository(
                aws.clients().dynamo(), aws.environmentOf("MailerFunction").require(EnvVar.OUTBOX_TABLE));
    }

    private static String add(String ticket, String window, Instant at) {
        String id = "mail-" + UUID.randomUUID();
        OutboundMail mail = new OutboundMail(
                window == null ? MailKind.RESPONSE : MailKind.MAINTENANCE,
                ticket,
                window,
                window == null ? 0 : 1,
                null,
                "klant@example.nl",
                "nl",
                "Onderwerp",
                "tekst",
                "<p>tekst</p>",
                "<" + id + "@sladesk.vioms.nl>",
                null,
                List.of());
        assertTrue(outbox.add(OutboxMessage.pending(id, OutboxMessage.Topic.MAIL, Map.of(), mail.toJson(), at)));
        return id;
    }

    @Test
    void theMailsOfATicketAreItsThreadOldestFirst() {
        String ticket = "VIO-2026-" + UUID.randomUUID();
        String second = add(ticket, null, AT.plusSeconds(60));
        String first = add(ticket, null, AT);
        add("VIO-2026-" + UUID.randomUUID(), null, AT);

        assertEquals(
                List.of(first, second),
                outbox.mailsOf(ticket).stream().map(m -> m.message().id()).toList());
    }

    @Test
    void aMaintenanceMailsThreadIsItsWindow() {
        String window = "platform|2026-12-10T01:00:00Z|mw-" + UUID.randomUUID();
        String id = add(null, window, AT);

        assertEquals(
                id, outbox.mailsOf("maintenance#" + window).get(0).message().id());
    }

    @Test
    void anAcceptedMailIsFoundByTheMessageIdItsRecipientSaw() {
        String id = add("VIO-2026-" + UUID.randomUUID(), null, AT);
        String seen = "<0107019B-" + UUID.randomUUID() + "@EU-CENTRAL-1.amazonses.com>";

        assertTrue(outbox.markMailAccepted(id, "0107019b-x", seen, AT.plusSeconds(2)));
        assertFalse(outbox.markMailAccepted(id, "0107019b-y", seen, AT.plusSeconds(3)), "only once");
        assertFalse(outbox.markSkipped(id, "suppressed", AT.plusSeconds(3)), "not pending any more");

        var found = outbox.byMailMessageId(seen).orElseThrow();
        assertEquals(id, found.message().id());
        assertEquals(DeliveryState.DELIVERED, found.message().state());
        assertEquals(OutboxRepository.bare(seen), found.mailMessageId());
        assertEquals("0107019b-x", found.sesMessageId());
        assertTrue(outbox.byMailMessageId("<nobody@example.nl>").isEmpty());
    }

    @Test
    void aSkippedMailKeepsItsReason() {
        String ticket = "VIO-2026-" + UUID.randomUUID();
        String id = add(ticket, null, AT);

        assertTrue(outbox.markSkipped(id, "hourly-limit", AT));

        var record = outbox.mailsOf(ticket).get(0);
        assertEquals(DeliveryState.SKIPPED, record.message().state());
        assertEquals("hourly-limit", record.skipReason());
    }
}
