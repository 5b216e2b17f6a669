package nl.vioms.sladesk.intake.email.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import nl.vioms.sladesk.intake.email.mail.InboundMail.Attachment;
import org.junit.jupiter.api.Test;

/** Robustness of {@link MailParser}: sizes, limits, broken input, charsets. Messages built in code. */
class MailParserTest {

    private static final String HEAD = """
            From: Jan de Vries <jan@bakkerij-devries.nl>
            To: support@vioms.nl
            Subject: Storing
            Date: Thu, 26 Nov 2026 10:00:00 +0100
            Message-ID: <t-1@bakkerij-devries.nl>
            MIME-Version: 1.0
            """;

    private static byte[] bytes(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hugeAttachmentIsMeasuredNotKeptAndTheTextStillRead() throws Exception {
        byte[] zip = new byte[5 * 1024 * 1024 + 17];
        new Random(7).nextBytes(zip);
        ByteArrayOutputStream raw = new ByteArrayOutputStream(7_500_000);
        raw.writeBytes(bytes(HEAD + """
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                In de bijlage de logbestanden van de centrale.
                --b1
                Content-Type: application/zip; name="logs centrale.zip"
                Content-Disposition: attachment; filename="logs centrale.zip"
                Content-Transfer-Encoding: base64

                """));
        raw.writeBytes(Base64.getMimeEncoder().encode(zip)); // 76-character lines, CRLF
        raw.writeBytes(bytes("\n--b1--\n"));
        assertTrue(raw.size() > 7_000_000, "the raw message is over 7 MB");

        InboundMail m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MailParser.parse(raw.toByteArray()));

        assertEquals("In de bijlage de logbestanden van de centrale.", m.text());
        assertEquals(
                List.of(new Attachment("logs centrale.zip", "application/zip", zip.length, false)), m.attachments());
        assertFalse(m.textTruncated());
    }

    @Test
    void anAttachmentInAMultipartCutOffBeforeItsClosingBoundaryIsStillRecorded() throws Exception {
        // issue 20, item 13: the mail was cut in transit; the last part never sees "--b--"
        String raw = HEAD
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain; charset=utf-8\n\nToestel 12 geeft geen kiestoon.\n"
                + "--b\nContent-Type: application/pdf; name=\"factuur.pdf\"\n"
                + "Content-Disposition: attachment; filename=\"factuur.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcfs\nj6IKMSAwIG9iago8PA";
        InboundMail m = MailParser.parse(bytes(raw));

        assertTrue(m.text().contains("Toestel 12 geeft geen kiestoon."), m.text());
        assertEquals(1, m.attachments().size(), String.valueOf(m.attachments()));
        assertEquals("factuur.pdf", m.attachments().get(0).fileName());
        assertEquals("application/pdf", m.attachments().get(0).contentType());
    }

    @Test
    void longTextIsCutAtTheLimitAndFlagged() throws Exception {
        String line = "Regel met logregels van de centrale, keer op keer herhaald. 😀\n";
        String body = line.repeat(300_000 / line.length() + 1);
        InboundMail m = MailParser.parse(bytes(HEAD + "Content-Type: text/plain; charset=utf-8\n\n" + body));
        assertTrue(m.textTruncated());
        assertTrue(m.text().length() <= MailParser.MAX_TEXT_CHARS);
        assertTrue(m.text().length() > MailParser.MAX_TEXT_CHARS - 2);
        assertFalse(Character.isHighSurrogate(m.text().charAt(m.text().length() - 1)), "never half an emoji");
        assertEquals("Storing", m.subject());
    }

    @Test
    void tooManyHeaderFieldsStillYieldSubjectSenderAndText() throws Exception {
        String received = "Received: from relay.example.net by relay.example.net; Thu, 26 Nov 2026 10:00:00 +0100\n";
        byte[] raw = bytes(received.repeat(MailParser.MAX_HEADER_COUNT + 500) + HEAD
                + "Content-Type: text/plain; charset=utf-8\n\nDe centrale is onbereikbaar.\n");
        InboundMail m = MailParser.parse(raw);
        assertEquals("Storing", m.subject());
        assertEquals("jan@bakkerij-devries.nl", m.fromAddress());
        assertEquals("t-1@bakkerij-devries.nl", m.messageId());
        assertTrue(m.text().contains("De centrale is onbereikbaar."), m.text());
        assertTrue(
                m.defects().stream().anyMatch(d -> d.contains("MIME structure unreadable")),
                m.defects().toString());
    }

    @Test
    void nothingUsableThrowsAClearException() {
        assertThrows(MalformedMailException.class, () -> MailParser.parse(new byte[0]));
        assertThrows(MalformedMailException.class, () -> MailParser.parse(null));
        assertThrows(MalformedMailException.class, () -> MailParser.parse(bytes("   \n\n  \n")));
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == ':') {
                garbage[i] = '.'; // no colon: no header field can be read
            }
        }
        MalformedMailException e = assertThrows(MalformedMailException.class, () -> MailParser.parse(garbage));
        assertTrue(e.getMessage().contains("no header field"), e.getMessage());
    }

    @Test
    void aMessageCutAnywhereNeverThrowsAnythingButMalformedMail() throws Exception {
        for (String file : List.of(
                "01-outlook-alternative.eml",
                "03-applemail-mixed.eml",
                "07-forwarded-rfc822.eml",
                "12-bounce-dsn.eml",
                "15-malformed.eml")) {
            byte[] raw = MailCorpusTest.load(file);
            for (int cut = 1; cut < raw.length; cut += 13) {
                byte[] prefix = Arrays.copyOf(raw, cut);
                try {
                    InboundMail m = MailParser.parse(prefix);
                    assertNotNull(m.text());
                } catch (MalformedMailException expectedForTinyPrefixes) {
                    assertTrue(cut < 200, file + " cut at " + cut + ": " + expectedForTinyPrefixes.getMessage());
                }
            }
        }
    }

    @Test
    void flippedBytesNeverBreakTheParser() throws Exception {
        Random random = new Random(2026);
        for (String file : List.of("02-gmail-emoji.eml", "03-applemail-mixed.eml", "07-forwarded-rfc822.eml")) {
            byte[] raw = MailCorpusTest.load(file);
            for (int round = 0; round < 200; round++) {
                byte[] damaged = raw.clone();
                for (int k = 0; k < 10; k++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                try {
                    MailParser.parse(damaged);
                } catch (MalformedMailException acceptable) {
                    // only when every header line was hit; never another exception
                }
            }
        }
    }

    @Test
    void deepNestingIsCutOffNotAStackOverflow() throws Exception {
        int depth = 200;
        StringBuilder sb = new StringBuilder(HEAD).append("Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 1; i <= depth; i++) {
            sb.append("--b")
                    .append(i - 1)
                    .append("\nContent-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\n\n");
        }
        sb.append("--b").append(depth).append("\nContent-Type: text/plain\n\ndiep verstopt\n");
        for (int i = depth; i >= 0; i--) {
            sb.append("--b").append(i).append("--\n");
        }
        InboundMail m = MailParser.parse(bytes(sb.toString()));
        assertEquals("Storing", m.subject());
        assertTrue(
                m.defects().stream().anyMatch(d -> d.contains("nesting")),
                m.defects().toString());
    }

    @Test
    void latin1LabelIsReadAsWindows1252LikeBrowsersDo() throws Exception {
        byte[] body = "Kosten: € 12,50 “per maand”".getBytes(Charset.forName("windows-1252"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(
                bytes(HEAD + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"));
        raw.writeBytes(body);
        assertEquals(
                "Kosten: € 12,50 “per maand”",
                MailParser.parse(raw.toByteArray()).text());
    }

    @Test
    void undeclaredCharsetIsUtf8WhenValidElseWindows1252() throws Exception {
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.writeBytes(bytes(HEAD + "\n"));
        utf8.writeBytes("Geen verbinding in het café".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "Geen verbinding in het café",
                MailParser.parse(utf8.toByteArray()).text());

        ByteArrayOutputStream cp = new ByteArrayOutputStream();
        cp.writeBytes(bytes(HEAD + "Content-Type: text/plain; charset=\"x-unknown-charset\"\n\n"));
        cp.writeBytes("Geen verbinding in het café".getBytes(Charset.forName("windows-1252")));
        assertEquals(
                "Geen verbinding in het café",
                MailParser.parse(cp.toByteArray()).text());
    }

    @Test
    void blankPlainAlternativeFallsBackToHtml() throws Exception {
        InboundMail m = MailParser.parse(bytes(HEAD + """
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                \s
                --alt
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8

                <p>Toestel <b>204</b> piept.</p><p><img src="cid:logo"></p>
                --rel
                Content-Type: image/gif
                Content-ID: <logo>
                Content-Transfer-Encoding: base64

                R0lGODlhAQABAAAAACw=
                --rel--
                --alt--
                """));
        assertEquals("Toestel 204 piept.", m.text());
        assertEquals(List.of(new Attachment(null, "image/gif", 14, true)), m.attachments());
    }

    @Test
    void attachedTextFileIsAnAttachmentNotBodyText() throws Exception {
        InboundMail m = MailParser.parse(bytes(HEAD + """
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain; charset=utf-8

                Zie log.
                --m
                Content-Type: text/plain; charset=utf-8; name="sip.log"
                Content-Disposition: attachment; filename="sip.log"

                INVITE sip:204@pbx
                --m--
                """));
        assertEquals("Zie log.", m.text());
        assertEquals(1, m.attachments().size());
        assertEquals("sip.log", m.attachments().get(0).fileName());
    }

    @Test
    void senderWithoutProperAddressSyntaxIsStillFound() throws Exception {
        InboundMail m = MailParser.parse(bytes("""
                From: "Jan de Vries jan@Bakkerij-DeVries.nl
                Subject: =?unknown-8bit?Q?Storing?=

                tekst
                """));
        assertEquals("jan@bakkerij-devries.nl", m.fromAddress());
        assertEquals("text/plain", m.mimeType());
        assertEquals("tekst", m.text());
        assertNotNull(m.subject());
    }

    @Test
    void headerOnlyMessageHasEmptyText() throws Exception {
        InboundMail m = MailParser.parse(bytes("Subject: alleen een onderwerp\n"));
        assertEquals("alleen een onderwerp", m.subject());
        assertEquals("", m.text());
        assertEquals(null, m.fromAddress());
    }
}
