package nl.vioms.sladesk.intake.email.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Classification signals one at a time, including the ones that must NOT fire. */
class MailClassifierTest {

    static InboundMail mail(String from, String subject, String extraHeaders) throws MalformedMailException {
        String raw = "From: " + from + "\r\nTo: support@vioms.nl\r\nSubject: " + subject + "\r\n"
                + extraHeaders.replace("|", "\r\n") + (extraHeaders.isEmpty() ? "" : "\r\n")
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nTekst\r\n";
        return MailParser.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{3}: {1} / {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                // from; subject; extra headers (| separates lines); expected
                "jan@bakkerij-devries.nl; Kiestoon afwezig sinds 9:00; ; NORMAL",
                "jan@bakkerij-devries.nl; Storing; Auto-Submitted: no; NORMAL",
                "jan@bakkerij-devries.nl; Storing; X-Auto-Response-Suppress: All; NORMAL",
                "jan@bakkerij-devries.nl; RE: Out of office melding klopt niet; ; NORMAL",
                "jan@bakkerij-devries.nl; Storing; Auto-Submitted: auto-generated; AUTO_REPLY",
                "jan@bakkerij-devries.nl; Storing; X-Autorespond: vacation; AUTO_REPLY",
                "jan@bakkerij-devries.nl; Out of Office: Storing; ; AUTO_REPLY",
                "jan@bakkerij-devries.nl; Automatic reply: Storing; ; AUTO_REPLY",
                // "absence" words alone are also how people report faults: an extra ticket beats a lost report
                "jan@bakkerij-devries.nl; AFWEZIG tot 1 december; ; NORMAL",
                "jan@bakkerij-devries.nl; Afwezigheid kiestoon op alle toestellen; ; NORMAL",
                "jan@bakkerij-devries.nl; Absence of dial tone on all phones; ; NORMAL",
                "jan@bakkerij-devries.nl; AFWEZIG tot 1 december; Return-Path: <>; AUTO_REPLY",
                "jan@bakkerij-devries.nl; Absence: back on Monday; X-Auto-Response-Suppress: All; AUTO_REPLY",
                "jan@bakkerij-devries.nl; Storing; Precedence: auto_reply; AUTO_REPLY",
                "jan@bakkerij-devries.nl; Storing; Return-Path: < >; BOUNCE",
                "Postmaster@bakkerij-devries.nl; Delivery failure; ; BOUNCE",
                "jan@bakkerij-devries.nl; Storing; X-Failed-Recipients: p@x.nl; BOUNCE",
                "jan@bakkerij-devries.nl; Storing; Precedence: junk; BULK",
                "jan@bakkerij-devries.nl; Storing; Precedence: list; BULK",
                "jan@bakkerij-devries.nl; Storing; List-Id: <klanten.vioms.nl>; BULK",
                "SUPPORT@vioms.nl; Storing; ; LOOP",
                "jan@bakkerij-devries.nl; Storing; X-Loop: Support@VIOMS.nl; LOOP",
                "jan@bakkerij-devries.nl; Storing; X-Loop: other-helpdesk@example.nl; NORMAL",
                "jan@bakkerij-devries.nl; Storing; Message-ID: <VIO-2026-000001.x@sladesk.vioms.nl>; LOOP",
                "jan@bakkerij-devries.nl; Storing; Return-Path: <>|Auto-Submitted: auto-replied; AUTO_REPLY",
                "mailer-daemon@x.nl; Afwezig; Auto-Submitted: auto-replied; BOUNCE",
            })
    void classifies(String from, String subject, String extra, MailClass expected) throws Exception {
        InboundMail m = mail(from, subject, extra == null ? "" : extra);
        MailClassification c = MailClassifier.classify(m, "support@vioms.nl");
        assertEquals(expected, c.mailClass(), c.reason());
        assertEquals(expected == MailClass.NORMAL, c.isNormal());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "RE: [VIO-2026-000123] Geen kiestoon; VIO-2026-000123",
                "re: [vio-2026-000123] geen kiestoon; VIO-2026-000123",
                "Fwd: VIO-2026-000777 en VIO-2026-000778; VIO-2026-000777",
                "[VIO-2026-0001234] zeven cijfers; ",
                "XVIO-2026-000123 geen woordgrens; ",
                "Geen nummer; ",
            })
    void ticketNumberInSubject(String subject, String expected) throws Exception {
        assertEquals(Optional.ofNullable(expected), TicketReference.find(mail("jan@bakkerij-devries.nl", subject, "")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "In-Reply-To: <VIO-2026-000123.abc@sladesk.vioms.nl>; VIO-2026-000123",
                "References: <VIO-2026-000001.a@sladesk.vioms.nl> <VIO-2026-000002.b@sladesk.vioms.nl> "
                        + "<x@gmail.com>; VIO-2026-000002",
                "In-Reply-To: <x@gmail.com>|References: <VIO-2026-000009.z@sladesk.vioms.nl>; VIO-2026-000009",
                "References: <a@b.nl>; ",
            })
    void ticketNumberInThreadHeaders(String headers, String expected) throws Exception {
        assertEquals(
                Optional.ofNullable(expected),
                TicketReference.find(mail("jan@bakkerij-devries.nl", "Re: uw melding", headers)));
    }

    @ParameterizedTest
    @CsvSource({"VIO-2026-000123, abc", "vio-2026-000123, 1764151200.a1b2"})
    void ourMessageIdsLeadBackToTheirTicket(String ticket, String unique) throws Exception {
        String id = TicketReference.messageIdFor(ticket, unique);
        assertEquals("<VIO-2026-000123." + unique + "@sladesk.vioms.nl>", id);
        assertEquals(
                Optional.of("VIO-2026-000123"),
                TicketReference.find(mail("jan@bakkerij-devries.nl", "Re: melding", "In-Reply-To: " + id)));
    }
}
