package nl.vioms.sladesk.intake.email.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.vioms.sladesk.core.clock.Channel;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.policy.Priority;
import nl.vioms.sladesk.core.policy.SlaLevel;
import nl.vioms.sladesk.core.ticket.PriorityClassification;
import nl.vioms.sladesk.core.ticket.Report;
import nl.vioms.sladesk.core.ticket.Ticket;
import nl.vioms.sladesk.core.ticket.TicketFactory;
import nl.vioms.sladesk.core.ticket.TicketKind;
import nl.vioms.sladesk.intake.email.mail.MailTrust.Level;
import org.junit.jupiter.api.Test;

/** The pure sender-trust decision, each case worked out by hand from the policy file's rules. */
class MailTrustTest {
    private static final TrustPolicy POLICY = TrustPolicy.defaults();
    private static final Customer BAKKERIJ =
            customer("bakkerij-devries", "telnet", Set.of("jan@bakkerij-devries.nl"), Set.of("bakkerij-devries.nl"));
    private static final Customer TANDARTS =
            customer("tandarts-smit", "belwinkel", Set.of("info@tandartssmit.nl"), Set.of());
    private static final Customer HOTEL =
            customer("hotel-gouden-leeuw", "telnet", Set.of("receptie@goudenleeuw.nl"), Set.of("goudenleeuw.nl"));

    @Test
    void theProductPolicyFileCapsAtP3AndKnowsViomsDomain() {
        assertEquals(Priority.P3, POLICY.untrustedMaxPriority());
        assertEquals(Set.of("PASS"), POLICY.authenticated());
        assertEquals(Set.of("FAIL"), POLICY.unauthenticatedDmarc());
        assertEquals(Set.of("FAIL"), POLICY.unauthenticatedSpam());
        assertTrue(POLICY.supportDomains().contains("vioms.nl"));
    }

    @Test
    void aRegisteredContactWithAllPassIsTrustedAsItsCustomer() {
        MailTrust trust = decide("Jan@Bakkerij-DeVries.nl", MailVerdicts.allPass(), BAKKERIJ);

        assertEquals(Level.TRUSTED, trust.level());
        assertEquals("bakkerij-devries", trust.customer().id());
        assertEquals("registered contact of bakkerij-devries", trust.reason());
    }

    @Test
    void aForgedContactWhoseDmarcFailsIsUnauthenticated() {
        MailTrust trust = decide("jan@bakkerij-devries.nl", verdicts("PASS", "PASS", "FAIL", "PASS"), BAKKERIJ);

        assertEquals(Level.UNAUTHENTICATED, trust.level());
        assertNull(trust.customer(), "a forged contact speaks for no customer");
        assertEquals("unauthenticated: DMARC verdict FAIL", trust.reason());
    }

    @Test
    void aSpamFailIsUnauthenticatedEvenFromARegisteredContact() {
        MailTrust trust = decide("jan@bakkerij-devries.nl", verdicts("PASS", "PASS", "PASS", "FAIL"), BAKKERIJ);

        assertEquals(Level.UNAUTHENTICATED, trust.level());
        assertEquals("unauthenticated: spam verdict FAIL", trust.reason());
    }

    @Test
    void noAuthenticationAtAllIsUnauthenticated() {
        // SPF FAIL, DKIM GRAY, no DMARC verdict: none of the three PASS
        MailTrust trust = decide("jan@bakkerij-devries.nl", verdicts("FAIL", "GRAY", null, "PASS"), BAKKERIJ);

        assertEquals(Level.UNAUTHENTICATED, trust.level());
        assertEquals("unauthenticated: no authentication (SPF, DKIM and DMARC none PASS)", trust.reason());
    }

    @Test
    void aMissingReceiptIsNoAuthentication() {
        MailTrust trust = decide("jan@bakkerij-devries.nl", MailVerdicts.none(), BAKKERIJ);

        assertEquals(Level.UNAUTHENTICATED, trust.level());
    }

    @Test
    void aRegisteredContactWithSpfPassAndNoDmarcPolicyIsTrusted() {
        // the customer's domain publishes no DMARC record (GRAY), SPF passes: the exact address counts
        MailTrust trust = decide("jan@bakkerij-devries.nl", verdicts("PASS", "GRAY", "GRAY", "PASS"), BAKKERIJ);

        assertEquals(Level.TRUSTED, trust.level());
        assertEquals("bakkerij-devries", trust.customer().id());
    }

    @Test
    void anyLocalPartWithAnAlignedDmarcPassAtTheCustomersDomainIsTrusted() {
        MailTrust trust = decide("piet@bakkerij-devries.nl", MailVerdicts.allPass(), BAKKERIJ);

        assertEquals(Level.TRUSTED, trust.level());
        assertEquals("bakkerij-devries", trust.customer().id());
        assertEquals("DMARC pass on bakkerij-devries.nl, domain of customer bakkerij-devries", trust.reason());
    }

    @Test
    void anyLocalPartAtTheCustomersDomainWithoutDmarcPassIsOnlyUnverified() {
        MailTrust trust = decide("ceo@goudenleeuw.nl", verdicts("PASS", "PASS", "GRAY", "PASS"), HOTEL);

        assertEquals(Level.UNVERIFIED, trust.level());
        assertNull(trust.customer());
        assertEquals(
                "at goudenleeuw.nl of customer hotel-gouden-leeuw but no registered contact and no DMARC pass",
                trust.reason());
    }

    @Test
    void anAuthenticatedStrangerIsUnverified() {
        MailTrust trust = MailTrust.decide("sanne@gmail.com", MailVerdicts.allPass(), Optional.empty(), POLICY);

        assertEquals(Level.UNVERIFIED, trust.level());
        assertEquals("not in the directory", trust.reason());
    }

    @Test
    void viomsStaffWithDmarcPassIsTrustedAsVioms() {
        MailTrust trust = MailTrust.decide("noc@vioms.nl", MailVerdicts.allPass(), Optional.empty(), POLICY);

        assertEquals(Level.TRUSTED, trust.level());
        assertTrue(trust.vioms());
    }

    @Test
    void aResellerDomainOfThePolicyIsTrustedAsThatReseller() {
        TrustPolicy policy = new TrustPolicy(
                Set.of("PASS"),
                Set.of("FAIL"),
                Set.of("FAIL"),
                Priority.P3,
                Set.of("vioms.nl"),
                Map.of("telnetpartners.nl", "telnet"));

        MailTrust trust =
                MailTrust.decide("support@telnetpartners.nl", MailVerdicts.allPass(), Optional.empty(), policy);

        assertEquals(Level.TRUSTED, trust.level());
        assertEquals("telnet", trust.resellerId());
        assertTrue(trust.mayJoin(ticketOf(BAKKERIJ, "jan@bakkerij-devries.nl"), policy), "telnet's customer's ticket");
        assertFalse(trust.mayJoin(ticketOf(TANDARTS, "info@tandartssmit.nl"), policy), "belwinkel's ticket");
    }

    @Test
    void aResellersRegisteredContactAnswersForItsCustomersTicketsButNotForAnothersOrForged() {
        // issue 16: the reseller's desk gets our acknowledgements and answers them (R16: its answer ends a wait)
        Reseller telnet = new Reseller("telnet", "TelNet Partners B.V.", Set.of("servicedesk@telnet-partners.nl"));
        Ticket bakkerijTicket = ticketOf(BAKKERIJ, "jan@bakkerij-devries.nl");
        MailTrust desk = MailTrust.decide(
                "ServiceDesk@TelNet-Partners.nl",
                MailVerdicts.allPass(),
                Optional.empty(),
                Optional.of(telnet),
                POLICY);

        assertEquals(MailTrust.Level.TRUSTED, desk.level());
        assertTrue(desk.mayJoin(bakkerijTicket, POLICY));
        assertTrue(desk.fromReportersSide(bakkerijTicket, POLICY));
        // belwinkel's customer's ticket is not telnet's to answer
        assertFalse(desk.mayJoin(ticketOf(TANDARTS, "info@tandartssmit.nl"), POLICY));
        // a forged From of the desk is unauthenticated, registered or not
        MailTrust forged = MailTrust.decide(
                "servicedesk@telnet-partners.nl",
                verdicts("FAIL", "FAIL", "FAIL", "PASS"),
                Optional.empty(),
                Optional.of(telnet),
                POLICY);
        assertFalse(forged.mayJoin(bakkerijTicket, POLICY));
    }

    @Test
    void onlyTheTicketsOwnSideMayJoinIt() {
        Ticket bakkerijTicket = ticketOf(BAKKERIJ, "jan@bakkerij-devries.nl");

        assertTrue(decide("jan@bakkerij-devries.nl", MailVerdicts.allPass(), BAKKERIJ)
                .mayJoin(bakkerijTicket, POLICY));
        assertTrue(decide("jan@bakkerij-devries.nl", MailVerdicts.allPass(), BAKKERIJ)
                .fromReportersSide(bakkerijTicket, POLICY));
        // another reseller's customer, trusted as its own contact
        MailTrust tandarts = decide("info@tandartssmit.nl", MailVerdicts.allPass(), TANDARTS);
        assertFalse(tandarts.mayJoin(bakkerijTicket, POLICY));
        // the ticket's own reporter, forged
        MailTrust forged = decide("jan@bakkerij-devries.nl", verdicts("FAIL", "FAIL", "FAIL", "FAIL"), BAKKERIJ);
        assertFalse(forged.mayJoin(bakkerijTicket, POLICY));
        assertFalse(forged.fromReportersSide(bakkerijTicket, POLICY));
        // VIOMS joins, but its mail is no reply of the customer's (R16)
        MailTrust vioms = MailTrust.decide("noc@vioms.nl", MailVerdicts.allPass(), Optional.empty(), POLICY);
        assertTrue(vioms.mayJoin(bakkerijTicket, POLICY));
        assertFalse(vioms.fromReportersSide(bakkerijTicket, POLICY));
    }

    @Test
    void aTriageTicketsReporterWithDmarcPassMayJoinIt() {
        Ticket triage = ticketOf(null, "sanne@gmail.com");

        MailTrust reporter = MailTrust.decide("sanne@gmail.com", MailVerdicts.allPass(), Optional.empty(), POLICY);
        MailTrust noDmarc =
                MailTrust.decide("sanne@gmail.com", verdicts("PASS", "PASS", "GRAY", "PASS"), Optional.empty(), POLICY);
        MailTrust other = MailTrust.decide("kees@gmail.com", MailVerdicts.allPass(), Optional.empty(), POLICY);

        assertTrue(reporter.mayJoin(triage, POLICY));
        assertFalse(noDmarc.mayJoin(triage, POLICY), "without DMARC the From address is not proven");
        assertFalse(other.mayJoin(triage, POLICY));
    }

    @Test
    void theHistoryShowsTrustReasonAndEveryVerdict() {
        MailTrust trust = decide("jan@bakkerij-devries.nl", verdicts("fail", "PASS", "FAIL", "PASS"), BAKKERIJ);

        assertEquals(
                Map.of(
                        "senderTrust", "unauthenticated",
                        "senderTrustReason", "unauthenticated: DMARC verdict FAIL",
                        "spfVerdict", "FAIL",
                        "dkimVerdict", "PASS",
                        "dmarcVerdict", "FAIL",
                        "spamVerdict", "PASS",
                        "virusVerdict", "PASS"),
                trust.asData());
    }

    private static MailTrust decide(String from, MailVerdicts verdicts, Customer match) {
        return MailTrust.decide(from, verdicts, Optional.of(match), POLICY);
    }

    private static MailVerdicts verdicts(String spf, String dkim, String dmarc, String spam) {
        return new MailVerdicts(spf, dkim, dmarc, spam, "PASS");
    }

    private static Customer customer(String id, String reseller, Set<String> addresses, Set<String> domains) {
        return new Customer(
                id,
                reseller,
                id,
                SlaLevel.N,
                List.of(),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                addresses,
                domains,
                Set.of());
    }

    private static Ticket ticketOf(Customer customer, String reporter) {
        Report report = new Report(
                TicketKind.INCIDENT,
                Channel.EMAIL,
                Instant.parse("2026-11-26T09:00:00Z"),
                reporter,
                "Storing",
                "",
                null,
                null,
                "email:test",
                "email:" + reporter);
        return TicketFactory.open(
                        "VIO-2026-000001", report, customer, new PriorityClassification(Priority.P3, "test", false))
                .ticket();
    }
}
