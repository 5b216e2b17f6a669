package nl.vioms.sladesk.intake.email.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.vioms.sladesk.intake.email.mail.InboundMail.Attachment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The e-mail corpus under src/test/resources/mail: each message with its expected reading. Every
 * message is read twice, as stored (LF line ends) and as SMTP delivers it (CRLF).
 */
class MailCorpusTest {
    static final String OURS = "support@vioms.nl";

    /** What a corpus message must yield. {@code ticket} null means: no ticket reference. */
    record Expected(
            String file,
            MailClass mailClass,
            String from,
            String subject,
            List<String> textContains,
            List<ExpectedAttachment> attachments,
            String ticket) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** An attachment as read from the LF and from the CRLF form (7bit text parts differ by their line ends). */
    record ExpectedAttachment(Attachment lf, long crlfSize) {
        Attachment in(String lineEnds) {
            return lineEnds.equals("CRLF")
                    ? new Attachment(lf.fileName(), lf.contentType(), crlfSize, lf.inline())
                    : lf;
        }
    }

    static ExpectedAttachment att(String name, String type, long size, boolean inline) {
        return new ExpectedAttachment(new Attachment(name, type, size, inline), size);
    }

    static ExpectedAttachment textAtt(String type, long lfSize, long crlfSize) {
        return new ExpectedAttachment(new Attachment(null, type, lfSize, false), crlfSize);
    }

    static List<Expected> corpus() {
        return List.of(
                new Expected(
                        "01-outlook-alternative.eml",
                        MailClass.NORMAL,
                        "jan@bakkerij-devries.nl",
                        "Telefooncentrale reageert niet meer",
                        List.of(
                                "Sinds vanochtend 08:15 reageert onze telefooncentrale niet meer.",
                                "Bakkerij De Vries B.V. – Utrecht"),
                        List.of(),
                        null),
                new Expected(
                        "02-gmail-emoji.eml",
                        MailClass.NORMAL,
                        "sanne.kapsalon.knip@gmail.com",
                        "Doorschakeling werkt niet 😟",
                        List.of("werkt sinds gisteren niet meer 😟", "Bedankt alvast 🙏"),
                        List.of(),
                        null),
                new Expected(
                        "03-applemail-mixed.eml",
                        MailClass.NORMAL,
                        "m.jansen@tandartspraktijk-jansen.nl",
                        "Display toestel receptie blijft zwart",
                        List.of(
                                "blijft zwart, zie foto:",
                                "Het storingsrapport van de installateur zit in de bijlage."),
                        List.of(
                                att("IMG_0042.png", "image/png", 2345, true),
                                att("Storingsrapport receptie café.pdf", "application/pdf", 7000, false)),
                        null),
                new Expected(
                        "04-iso-8859-1-dutch.eml",
                        MailClass.NORMAL,
                        "zoe@cafe-thoekje.nl",
                        "Storing café: geïnstalleerde toestellen onbereikbaar, ideeën?",
                        List.of(
                                "In ons café zijn de geïnstalleerde toestellen",
                                "Hebben jullie ideeën",
                                "Zoë Hendriks"),
                        List.of(),
                        null),
                new Expected(
                        "05-windows-1252.eml",
                        MailClass.NORMAL,
                        "henk@smit-installatie.nl",
                        "Wachtrij speelt geen muziek meer af",
                        List.of(
                                "Onze “wachtrij” voor de klantenservice",
                                "muziek meer af – bellers",
                                "(ca. € 500 per dag)"),
                        List.of(),
                        null),
                new Expected(
                        "06-html-only.eml",
                        MailClass.NORMAL,
                        "kees@fietsenmakerbos.nl",
                        "Geen inkomende gesprekken op 020 765 4321",
                        List.of(
                                "Storingsmelding\n\nBeste support,\n\nOp de volgende nummers komen geen "
                                        + "gesprekken binnen:",
                                "- 020 765 4321\n- 020 765 4322",
                                "Klant: Fietsenmaker Bos",
                                "Groet,\nKees Bos\nFietsenmaker Bos"),
                        List.of(),
                        null),
                new Expected(
                        "07-forwarded-rfc822.eml",
                        MailClass.NORMAL,
                        "helpdesk@belpartners.nl",
                        "Fwd: Geen kiestoon op toestel 204",
                        List.of(
                                "Zie onderstaande melding van onze klant Hotel Zeezicht.",
                                "---------- Forwarded message ----------",
                                "From: Receptie Hotel Zeezicht <receptie@hotelzeezicht.nl>",
                                "Op kamer 204 is geen kiestoon. Gasten kunnen de receptie niet bellen.\nHet "
                                        + "toestel is al opnieuw opgestart."),
                        List.of(att("kamerlijst.pdf", "application/pdf", 1500, false)),
                        null),
                new Expected(
                        "08-reply-ticket.eml",
                        MailClass.NORMAL,
                        "jan@bakkerij-devries.nl",
                        "RE: [VIO-2026-000123] Geen kiestoon",
                        List.of("Het werkt weer, dank jullie wel!"),
                        List.of(),
                        "VIO-2026-000123"),
                new Expected(
                        "09-reply-references-only.eml",
                        MailClass.NORMAL,
                        "sanne.kapsalon.knip@gmail.com",
                        "Re: uw melding",
                        List.of("de doorschakeling doet het nog steeds niet"),
                        List.of(),
                        "VIO-2026-000456"),
                new Expected(
                        "10-auto-reply-afwezig.eml",
                        MailClass.AUTO_REPLY,
                        "jan@bakkerij-devries.nl",
                        "Afwezig: [VIO-2026-000123] Geen kiestoon",
                        List.of("Ik ben afwezig tot en met maandag 30 november."),
                        List.of(),
                        "VIO-2026-000123"),
                new Expected(
                        "11-exchange-ooo.eml",
                        MailClass.AUTO_REPLY,
                        "m.jansen@tandartspraktijk-jansen.nl",
                        "Automatisch antwoord: [VIO-2026-000200] Display toestel receptie blijft zwart",
                        List.of("Ik ben op vakantie tot 7 december"),
                        List.of(),
                        "VIO-2026-000200"),
                new Expected(
                        "12-bounce-dsn.eml",
                        MailClass.BOUNCE,
                        "mailer-daemon@mail.bakkerij-devries.nl",
                        "Undelivered Mail Returned to Sender",
                        List.of("could not\nbe delivered", "Status: 5.1.1"),
                        List.of(textAtt("text/rfc822-headers", 178, 182)),
                        null),
                new Expected(
                        "13-bulk-newsletter.eml",
                        MailClass.BULK,
                        "nieuwsbrief@telecomdeals.nl",
                        "De beste toesteldeals van november 📞",
                        List.of("Novemberdeals\n\nNu 20% korting op alle DECT-toestellen."),
                        List.of(),
                        null),
                new Expected(
                        "14-loop-own-address.eml",
                        MailClass.LOOP,
                        "support@vioms.nl",
                        "[VIO-2026-000123] Uw melding is ontvangen",
                        List.of("Wij hebben uw melding ontvangen"),
                        List.of(),
                        "VIO-2026-000123"),
                new Expected(
                        "15-malformed.eml",
                        MailClass.NORMAL,
                        "info@garage-mulder.nl",
                        "Telefoon valt steeds weg – dringend",
                        List.of(
                                "Bij elk gesprek valt de verbinding na precies 30 seconden weg.",
                                "Als je dit leest, is base64 goed gedecodeerd."),
                        List.of(),
                        null),
                new Expected(
                        "16-priority-p1.eml",
                        MailClass.NORMAL,
                        "it@hotelzeezicht.nl",
                        "[P1] Volledige uitval telefonie alle vestigingen",
                        List.of("Alle vestigingen zijn onbereikbaar"),
                        List.of(),
                        null),
                new Expected(
                        "17-raw-utf8-header.eml",
                        MailClass.NORMAL,
                        "info@bloemenzee.nl",
                        "Storing in café – geen verbinding",
                        List.of("De telefoons in het café hebben geen verbinding."),
                        List.of(),
                        null),
                new Expected(
                        "18-read-receipt.eml",
                        MailClass.AUTO_REPLY,
                        "henk@smit-installatie.nl",
                        "Gelezen: [VIO-2026-000321] Wachtrij speelt geen muziek meer af",
                        List.of("Uw bericht is gelezen"),
                        List.of(textAtt("message/disposition-notification", 212, 216)),
                        "VIO-2026-000321"));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Expected e : corpus()) {
            out.add(Arguments.of(e, "LF"));
            out.add(Arguments.of(e, "CRLF"));
        }
        return out.stream();
    }

    static byte[] load(String file) throws IOException {
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail/" + file)) {
            if (in == null) {
                throw new IOException("corpus file missing: " + file);
            }
            return in.readAllBytes();
        }
    }

    static byte[] crlf(byte[] lf) {
        // every corpus byte is LF-only, so this is SMTP's form of the same message
        return new String(lf, StandardCharsets.ISO_8859_1).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void corpusMessageReadsAsExpected(Expected e, String lineEnds) throws Exception {
        byte[] raw = load(e.file());
        InboundMail mail = MailParser.parse(lineEnds.equals("CRLF") ? crlf(raw) : raw);

        MailClassification c = MailClassifier.classify(mail, OURS);
        assertEquals(e.mailClass(), c.mailClass(), () -> "class, reason: " + c.reason());
        assertEquals(e.from(), mail.fromAddress());
        assertEquals(e.subject(), mail.subject());
        for (String key : e.textContains()) {
            assertTrue(mail.text().contains(key), () -> "text lacks \"" + key + "\":\n" + mail.text());
        }
        assertEquals(e.attachments().stream().map(a -> a.in(lineEnds)).toList(), mail.attachments());
        assertEquals(Optional.ofNullable(e.ticket()), TicketReference.find(mail));
        assertFalse(mail.textTruncated());
        assertFalse(mail.text().contains("\r"), "line ends are normalised to LF");
    }

    @Test
    void outlookMessageKeepsAllHeaderFields() throws Exception {
        InboundMail m = MailParser.parse(load("01-outlook-alternative.eml"));
        assertEquals("AM7PR03MB6512D1E2F3A4B5C6D7E8F9A0B1C2@AM7PR03MB6512.eurprd03.prod.outlook.com", m.messageId());
        assertEquals("Jan de Vries", m.fromName());
        assertEquals(List.of("support@vioms.nl"), m.to());
        assertEquals(List.of("petra@bakkerij-devries.nl"), m.cc());
        assertEquals(Instant.parse("2026-11-26T08:21:03Z"), m.date());
        assertEquals("multipart/alternative", m.mimeType());
        assertFalse(m.text().contains("MsoNormal"), "the plain part is chosen, never the CSS");
        assertEquals(List.of(), m.defects(), "a clean message has no defects");
    }

    @Test
    void dutchDisplayNamesAndDatesDecode() throws Exception {
        InboundMail m = MailParser.parse(load("04-iso-8859-1-dutch.eml"));
        assertEquals("Zoë Hendriks", m.fromName());
        assertEquals(Instant.parse("2026-11-26T14:10:00Z"), m.date());
        InboundMail raw8 = MailParser.parse(load("17-raw-utf8-header.eml"));
        assertEquals("Bloëmenzee B.V.", raw8.fromName());
        assertEquals(List.of("support@vioms.nl", "zoe@cafe-thoekje.nl"), raw8.to());
        assertEquals(List.of("planning@bloemenzee.nl"), raw8.replyTo());
    }

    @Test
    void repliesCarryTheirThreadIds() throws Exception {
        InboundMail m = MailParser.parse(load("08-reply-ticket.eml"));
        assertEquals("VIO-2026-000123.1764151200.a1b2c3@sladesk.vioms.nl", m.inReplyTo());
        assertEquals(
                List.of(
                        "VIO-2026-000123.1764140000.0f0e0d@sladesk.vioms.nl",
                        "VIO-2026-000123.1764151200.a1b2c3@sladesk.vioms.nl"),
                m.references());
    }

    @Test
    void malformedMessageIsReadAsFarAsPossibleAndSaysWhatWasOdd() throws Exception {
        InboundMail m = MailParser.parse(load("15-malformed.eml"));
        assertEquals(null, m.messageId());
        assertEquals(null, m.date(), "a Date a person typed is no date");
        assertEquals(List.of("support@vioms.nl"), m.to(), "headers after the line without colon are kept");
        assertFalse(m.defects().isEmpty());
    }

    @Test
    void classificationHeadersAreKept() throws Exception {
        InboundMail m = MailParser.parse(load("10-auto-reply-afwezig.eml"));
        assertEquals(Optional.of("auto-replied"), m.header("Auto-Submitted"));
        assertEquals(Optional.of("<>"), m.header("return-path"));
        assertEquals(Optional.of("bulk"), m.header("PRECEDENCE"));
        InboundMail list = MailParser.parse(load("13-bulk-newsletter.eml"));
        assertEquals(Optional.of("TelecomDeals nieuwsbrief <nieuwsbrief.telecomdeals.nl>"), list.header("list-id"));
    }
}
