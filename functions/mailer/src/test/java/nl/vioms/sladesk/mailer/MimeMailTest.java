package nl.vioms.sladesk.mailer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.vioms.sladesk.app.mail.MailKind;
import nl.vioms.sladesk.app.mail.OutboundMail;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The raw message, parsed back with mime4j as a recipient's mail program would read it. */
class MimeMailTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");

    private static OutboundMail mail(String subject, String inReplyTo, List<String> references) {
        return new OutboundMail(
                MailKind.ACKNOWLEDGEMENT,
                "VIO-2026-000123",
                null,
                0,
                null,
                "jan@bakkerij-devries.nl",
                "nl",
                subject,
                "Beste Jan,\n\nUw melding is ontvangen: één storing, prioriteit P2.\n",
                "<p>Beste Jan,</p><p>Uw melding is ontvangen: één storing, prioriteit P2.</p>",
                "<VIO-2026-000123.ack@sladesk.vioms.nl>",
                inReplyTo,
                references);
    }

    private static Message parse(byte[] raw) throws IOException {
        return new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(raw));
    }

    @Test
    void theHeadersAreThoseOfAnAutomaticReplyFromTheServicedesk() throws IOException {
        byte[] raw = MimeMail.render(
                mail(
                        "[VIO-2026-000123] Storing ontvangen",
                        "<abc@bakkerij-devries.nl>",
                        List.of("<abc@bakkerij-devries.nl>", "<VIO-2026-000123.ack@sladesk.vioms.nl>")),
                "support@vioms.nl",
                NOW);
        Message message = parse(raw);

        Mailbox from = message.getFrom().get(0);
        assertEquals("VIOMS Servicedesk", from.getName());
        assertEquals("support@vioms.nl", from.getAddress());
        assertEquals("support@vioms.nl", ((Mailbox) message.getReplyTo().get(0)).getAddress());
        assertEquals("jan@bakkerij-devries.nl", ((Mailbox) message.getTo().get(0)).getAddress());
        assertEquals("[VIO-2026-000123] Storing ontvangen", message.getSubject());
        assertEquals(NOW, message.getDate().toInstant());
        assertEquals("<VIO-2026-000123.ack@sladesk.vioms.nl>", message.getMessageId());
        var header = message.getHeader();
        assertEquals("<abc@bakkerij-devries.nl>", header.getField("In-Reply-To").getBody());
        assertEquals(
                "<abc@bakkerij-devries.nl> <VIO-2026-000123.ack@sladesk.vioms.nl>",
                header.getField("References").getBody().replaceAll("\\s+", " "));
        assertEquals("auto-replied", header.getField("Auto-Submitted").getBody());
        assertEquals("All", header.getField("X-Auto-Response-Suppress").getBody());
        assertEquals("bulk", header.getField("Precedence").getBody());
        assertEquals("support@vioms.nl", header.getField("X-Loop").getBody());
        assertEquals("nl", header.getField("Content-Language").getBody());
        assertEquals("1.0", header.getField("MIME-Version").getBody());
        assertEquals(1, header.getFields("Message-ID").size(), "one Message-ID");
    }

    @Test
    void theBodyIsAlternativeTextAndHtmlInUtf8QuotedPrintable() throws IOException {
        byte[] raw = MimeMail.render(mail("Storing ontvangen", null, List.of()), "support@vioms.nl", NOW);
        Message message = parse(raw);

        assertEquals("multipart/alternative", message.getMimeType());
        Multipart multipart = (Multipart) message.getBody();
        assertEquals(2, multipart.getBodyParts().size());
        var text = multipart.getBodyParts().get(0);
        var html = multipart.getBodyParts().get(1);
        assertEquals("text/plain", text.getMimeType());
        assertEquals("text/html", html.getMimeType());
        assertEquals("utf-8", text.getCharset().toLowerCase());
        assertEquals("quoted-printable", text.getContentTransferEncoding());
        assertEquals("quoted-printable", html.getContentTransferEncoding());
        assertEquals(
                "Beste Jan,\n\nUw melding is ontvangen: één storing, prioriteit P2.\n",
                read((TextBody) text.getBody()).replace("\r\n", "\n"));
        assertTrue(read((TextBody) html.getBody()).contains("één storing"));
        assertNull(message.getHeader().getField("In-Reply-To"), "no In-Reply-To without one");
        assertNull(message.getHeader().getField("References"), "no References without a thread");
        String wire = new String(raw, StandardCharsets.US_ASCII);
        assertFalse(wire.chars().anyMatch(c -> c > 127), "7-bit on the wire");
        assertTrue(wire.contains("=C3=A9=C3=A9n"), "é as quoted-printable UTF-8");
    }

    @Test
    void aNonAsciiSubjectIsEncodedAsRfc2047() throws IOException {
        byte[] raw = MimeMail.render(mail("Storing opgelost: géén kiestoon", null, List.of()), "support@vioms.nl", NOW);
        String wire = new String(raw, StandardCharsets.US_ASCII);

        assertTrue(
                wire.contains("Subject: =?"),
                wire.lines().filter(l -> l.startsWith("Subject")).toList().toString());
        assertEquals("Storing opgelost: géén kiestoon", parse(raw).getSubject());
    }

    @Test
    void theMessageIdSesGivesTheMailIsComputedFromItsIdAndRegion() {
        assertEquals(
                "<0107019b-abc@eu-central-1.amazonses.com>",
                Mailer.deliveredMessageId("0107019B-ABC", Region.EU_CENTRAL_1));
        assertEquals("<0100-abc@email.amazonses.com>", Mailer.deliveredMessageId("0100-abc", Region.US_EAST_1));
    }

    @Test
    void tagValuesKeepToSesCharacters() {
        assertEquals("VIO-2026-000123", Mailer.tag("ticket", "VIO-2026-000123").value());
        assertEquals(
                "maintenance_mw_1", Mailer.tag("window", "maintenance#mw.1").value());
    }

    private static String read(TextBody body) throws IOException {
        try (var reader = body.getReader()) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[1024];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }
}
