package nl.vioms.sladesk.app.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.vioms.sladesk.app.directory.InMemoryDirectoryStore;
import nl.vioms.sladesk.app.outbox.OutboxMessage;
import nl.vioms.sladesk.app.tickets.InMemoryTicketStore;
import nl.vioms.sladesk.app.tickets.SettableClock;
import nl.vioms.sladesk.app.tickets.TicketService;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.directory.ServiceRef;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.policy.PolicyLoader;
import nl.vioms.sladesk.core.policy.ServiceKind;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.PriorityClassifier;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.TicketClocks;
import nl.vioms.sladesk.core.ticket.TicketEvent;
import nl.vioms.sladesk.core.ticket.TicketKind;
import org.junit.jupiter.api.Test;

/**
 * Who is mailed what when a ticket opens or changes (issue 16), on the in-memory stores: the
 * mails are outbox messages committed with the change. Deadlines are worked out by hand from
 * SLA-RULES.md; Amsterdam is UTC+1 in November and December 2026.
 */
class TicketMailTest {
    private static final TicketClocks CLOCKS = new TicketClocks(PolicyLoader.loadDefault());
    private static final String SUPPORT = "support@vioms.nl";
    private static final String TELNET_DESK = "servicedesk@telnet-partners.nl";
    /** Level N (office hours, R5): P2 response < 4 h, restore < 8 h. */
    private static final Customer BAKERY = customer("bakkerij-devries", SlaLevel.N, "nl", "jan@bakkerij-devries.nl");
    /** Level HA (24x7 once reported by phone, R7). */
    private static final Customer HOTEL = customer("hotel-gouden-leeuw", SlaLevel.HA, "en", "receptie@goudenleeuw.nl");

    /** Thu 26 Nov 2026 10:12:30 Amsterdam: a working day, inside office hours (R3). */
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-26T09:12:30Z"));

    private final InMemoryDirectoryStore directory = new InMemoryDirectoryStore()
            .put(BAKERY)
            .put(HOTEL)
            .put(new Reseller("telnet", "TelNet Partners B.V.", Set.of(TELNET_DESK)));
    private final InMemoryTicketStore store = new InMemoryTicketStore();
    /** How many outbox messages there were before the step under test. */
    private int mark;

    private final TicketService service = new TicketService(
            store,
            CLOCKS,
            new PriorityClassifier(),
            clock,
            "https://sladesk.example",
            new MailPlanner(directory, CLOCKS, new MailSettings(SUPPORT, "088 555 0199", "https://sladesk.example")));

    @Test
    void aTrustedMailIsAcknowledgedToItsReporterAndTheResellerWithItsNumberAndDeadlines() {
        String number = service.open(
                        mail("jan@bakkerij-devries.nl", "trusted", "<abc.123@bakkerij-devries.nl>"), BAKERY, "m1")
                .ticket()
                .number();

        Map<String, OutboundMail> mails = mailsTo();
        assertEquals(Set.of("jan@bakkerij-devries.nl", TELNET_DESK), mails.keySet());
        OutboundMail ack = mails.get("jan@bakkerij-devries.nl");
        assertEquals(MailKind.ACKNOWLEDGEMENT, ack.kind());
        assertEquals("[" + number + "] Melding ontvangen: Doorverbinden lukt niet", ack.subject());
        assertEquals("nl", ack.language());
        // P2 on N (R5): response 4 office hours after 10:12:30 -> Thu 14:12; restore 8 office hours:
        // 10:12:30-17:30 is 7 h 17 m 30 s, the other 42 m 30 s from Fri 27 Nov 09:00 -> 09:42:30
        assertTrue(ack.text().contains("Reactie uiterlijk: donderdag 26 november 2026 om 14:12"), ack.text());
        assertTrue(ack.text().contains("Herstel uiterlijk: vrijdag 27 november 2026 om 09:42"), ack.text());
        assertTrue(ack.text().contains("Prioriteit: P2: primaire telefoniefuncties"), ack.text());
        assertTrue(ack.html().contains("<html lang=\"nl\">"), ack.html());
        // threading: in the reporter's thread, and under the ticket's own root id
        assertEquals("<abc.123@bakkerij-devries.nl>", ack.inReplyTo());
        assertEquals(List.of("<abc.123@bakkerij-devries.nl>", "<" + number + "@sladesk.vioms.nl>"), ack.references());
        assertTrue(ack.messageId().startsWith("<" + number + ".acknowledgement."), ack.messageId());
        assertTrue(ack.messageId().endsWith("@sladesk.vioms.nl>"), ack.messageId());
        // issue 18: the reseller's desk is pointed to the portal's ticket page; the reporter has no portal account
        String portal = "https://sladesk.example/portal/tickets/" + number;
        assertTrue(
                mails.get(TELNET_DESK).text().contains("resellerportaal: " + portal),
                mails.get(TELNET_DESK).text());
        assertFalse(ack.text().contains("/portal/"), ack.text());
        // one outbox message per recipient, of topic MAIL
        assertEquals(
                2,
                store.outbox().stream()
                        .filter(m -> m.topic() == OutboxMessage.Topic.MAIL)
                        .count());
    }

    @Test
    void anUnauthenticatedSenderIsNeverMailedOnlyTheReseller() {
        // a forged From must not make SES a backscatter source
        service.open(mail("jan@bakkerij-devries.nl", "unauthenticated", "<x@forged>"), BAKERY, "m1");

        assertEquals(Set.of(TELNET_DESK), mailsTo().keySet());
    }

    @Test
    void ourOwnAddressAndAnUnsafeMessageIdAreNeverUsed() {
        service.open(mail(SUPPORT, "trusted", "<a@b>\r\nBcc: victim@example.com"), BAKERY, "m1");

        Map<String, OutboundMail> mails = mailsTo();
        assertEquals(Set.of(TELNET_DESK), mails.keySet());
        OutboundMail ack = mails.get(TELNET_DESK);
        assertEquals(null, ack.inReplyTo());
        assertFalse(String.join(" ", ack.references()).contains("victim"));
    }

    @Test
    void aP1OnAnHaContractMailedOutsideOfficeHoursNamesTheOutOfHoursNumberInTheCustomersLanguage() {
        // Sat 28 Nov 2026 03:00 Amsterdam, by mail only: R7 keeps it on office hours until a phone
        // report, so response 2 h from Mon 30 Nov 09:00 -> 11:00 and restore 8 h -> 17:00
        clock.set(Instant.parse("2026-11-28T02:00:00Z"));
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                clock.instant(),
                "receptie@goudenleeuw.nl",
                "P1: niemand kan bellen",
                "Alle toestellen zijn uitgevallen.",
                null,
                null,
                "email:x",
                "email:receptie@goudenleeuw.nl",
                Map.of("senderTrust", "trusted"));
        service.open(report, HOTEL, "m-hotel");

        Map<String, OutboundMail> mails = mailsTo();
        OutboundMail guest = mails.get("receptie@goudenleeuw.nl");
        assertEquals("en", guest.language());
        assertTrue(guest.subject().contains("] Report received: P1: niemand kan bellen"), guest.subject());
        assertTrue(guest.text().contains("Response by: Monday 30 November 2026 at 11:00"), guest.text());
        assertTrue(guest.text().contains("Restore by: Monday 30 November 2026 at 17:00"), guest.text());
        assertTrue(guest.text().contains("out-of-hours number 088 555 0199 (R7)"), guest.text());
        // the reseller reads Dutch
        OutboundMail desk = mails.get(TELNET_DESK);
        assertTrue(desk.text().contains("storingsnummer 088 555 0199 (R7)"), desk.text());
    }

    @Test
    void aP1ReportedByPhoneOutsideOfficeHoursNeedsNoAdviceToCall() {
        clock.set(Instant.parse("2026-11-28T02:00:00Z"));
        Report call = new Report(
                TicketKind.INCIDENT,
                Channel.PHONE,
                clock.instant(),
                "+31307654321",
                "niemand kan bellen",
                "",
                "P1",
                null,
                "phone:out-of-hours",
                "telephony:agent");
        service.open(call, HOTEL, "call-1");

        OutboundMail desk = mailsTo().get(TELNET_DESK);
        // 24x7 from the call on (R7): response 03:00 + 2 h = 05:00 on Saturday
        assertTrue(desk.text().contains("Reactie uiterlijk: zaterdag 28 november 2026 om 05:00"), desk.text());
        assertFalse(desk.text().contains("storingsnummer"), desk.text());
        // a phone number is no address: the reseller alone hears of it
        assertEquals(Set.of(TELNET_DESK), mailsTo().keySet());
    }

    @Test
    void eachUpdateIsMailedOnceAndAnEventThatChangesNothingIsNot() {
        String number = service.open(mail("jan@bakkerij-devries.nl", "trusted", "<m@b>"), BAKERY, "m1")
                .ticket()
                .number();
        mark = store.outbox().size();

        record(number, "e1", EventKind.WAITING_FOR_CUSTOMER, Map.of("text", "Welk toestel heeft geen kiestoon?"));
        record(number, "e1", EventKind.WAITING_FOR_CUSTOMER, Map.of("text", "Welk toestel heeft geen kiestoon?"));
        OutboundMail question = mailsTo().get("jan@bakkerij-devries.nl");
        assertEquals(MailKind.WAITING_FOR_CUSTOMER, question.kind());
        assertTrue(question.text().contains("> Welk toestel heeft geen kiestoon?"), question.text());
        assertEquals(2, store.outbox().size() - mark, "redelivered event: no second mail");

        mark = store.outbox().size();
        record(number, "e2", EventKind.NOTE, Map.of("text", "intern"));
        assertEquals(0, store.outbox().size() - mark, "an internal note is not mailed");
        record(number, "e3", EventKind.RESPONSE, Map.of());
        record(number, "e4", EventKind.RESPONSE, Map.of());
        assertEquals(2, store.outbox().size() - mark, "only the first response changes the ticket");

        mark = store.outbox().size();
        record(number, "e5", EventKind.RESOLVED, Map.of("text", "Toestel opnieuw geregistreerd."));
        OutboundMail resolved = mailsTo().get("jan@bakkerij-devries.nl");
        assertEquals("[" + number + "] Opgelost: Doorverbinden lukt niet", resolved.subject());
        assertTrue(resolved.text().contains("> Toestel opnieuw geregistreerd."), resolved.text());
    }

    @Test
    void aReplyGoesToTheContactsItNamesAndNeverToAStranger() {
        String number = service.open(mail("jan@bakkerij-devries.nl", "trusted", "<m@b>"), BAKERY, "m1")
                .ticket()
                .number();
        mark = store.outbox().size();

        var stranger = assertThrows(
                InvalidInputException.class,
                () -> record(number, "r1", EventKind.REPLY, Map.of("text", "Hallo", "recipients", "boef@example.com")));
        assertTrue(stranger.getMessage().contains("is not a contact of ticket " + number), stranger.getMessage());
        assertEquals(0, store.outbox().size() - mark);
        assertFalse(service.view(number).orElseThrow().history().stream().anyMatch(e -> e.id().equals("r1")));

        assertThrows(InvalidInputException.class, () -> record(number, "r2", EventKind.REPLY, Map.of("text", " ")));

        record(
                number,
                "r3",
                EventKind.REPLY,
                Map.of("text", "Wij komen morgen langs.", "recipients", "JAN@bakkerij-devries.nl"));
        Map<String, OutboundMail> mails = mailsTo();
        assertEquals(Set.of("jan@bakkerij-devries.nl"), mails.keySet());
        assertTrue(mails.get("jan@bakkerij-devries.nl").text().contains("> Wij komen morgen langs."));
    }

    private void record(String number, String id, EventKind kind, Map<String, String> data) {
        clock.set(clock.instant().plusSeconds(60));
        service.record(number, new TicketEvent(id, kind, clock.instant(), "operations:noc", "api", data));
    }

    /** The mails in the outbox, by recipient. */
    private Map<String, OutboundMail> mailsTo() {
        Map<String, OutboundMail> out = new HashMap<>();
        for (OutboxMessage m : store.outbox().subList(mark, store.outbox().size())) {
            if (m.topic() == OutboxMessage.Topic.MAIL) {
                OutboundMail mail = OutboundMail.fromJson(m.body());
                out.put(mail.to(), mail);
            }
        }
        return out;
    }

    private Report mail(String from, String trust, String messageId) {
        return new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                clock.instant(),
                from,
                "Doorverbinden lukt niet",
                "Sinds vanochtend werkt doorverbinden niet.",
                null,
                null,
                "email:ses-1",
                "email:" + from,
                Map.of("senderTrust", trust, MailPlanner.MESSAGE_ID, messageId));
    }

    private static Customer customer(String id, SlaLevel level, String language, String address) {
        return new Customer(
                id,
                "telnet",
                id,
                level,
                List.of(new ServiceRef("pbx", ServiceKind.HOSTED_PBX, "PBX")),
                new BigDecimal("250.00"),
                new BigDecimal("0.00"),
                Set.of(address),
                Set.of(),
                Set.of(),
                language);
    }
}
