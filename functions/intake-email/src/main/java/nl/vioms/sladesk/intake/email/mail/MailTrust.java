package nl.vioms.sladesk.intake.email.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.directory.Reseller;
import nl.vioms.sladesk.core.ticket.Ticket;

/**
 * The sender-trust decision on one received mail (issue 15): pure, from the From address, SES's
 * verdicts, the directory's customer for that address and the {@link TrustPolicy}. The rules are
 * written down in the policy file ({@link TrustPolicy#DEFAULT_RESOURCE}).
 *
 * @param level      what the mail may do
 * @param customer   the customer the sender speaks for (only when TRUSTED as its contact or domain)
 * @param resellerId the reseller whose domain the sender is at (only when TRUSTED as a reseller)
 * @param vioms      TRUSTED as VIOMS's own staff (a support domain)
 * @param from       the From address, lower case, or null
 * @param verdicts   SES's verdicts
 * @param reason     why, for the history and the logs
 */
public record MailTrust(
        Level level,
        Customer customer,
        String resellerId,
        boolean vioms,
        String from,
        MailVerdicts verdicts,
        String reason) {

    /** What a mail may do. */
    public enum Level {
        /** A registered contact, or an aligned DMARC pass on a customer's, reseller's or VIOMS's domain. */
        TRUSTED,
        /** Authenticated, but bound to no customer, reseller or VIOMS: a triage ticket, as an unknown sender. */
        UNVERIFIED,
        /** DMARC FAIL, spam FAIL, or no authentication at all: kept, triage, capped, joins and ends nothing. */
        UNAUTHENTICATED
    }

    /**
     * @param from           the From address, or null
     * @param directoryMatch the directory's customer for {@code from} (exact address, else domain)
     */
    public static MailTrust decide(
            String from, MailVerdicts verdicts, Optional<Customer> directoryMatch, TrustPolicy policy) {
        return decide(from, verdicts, directoryMatch, Optional.empty(), policy);
    }

    /**
     * @param resellerContact the reseller whose registered contact {@code from} is (its service
     *                        desk, which gets our acknowledgements and answers them), if any
     */
    public static MailTrust decide(
            String from,
            MailVerdicts verdicts,
            Optional<Customer> directoryMatch,
            Optional<Reseller> resellerContact,
            TrustPolicy policy) {
        String address = from == null || from.isBlank() ? null : from.trim().toLowerCase(Locale.ROOT);
        if (policy.unauthenticatedSpam().contains(verdicts.spam())) {
            return unauthenticated(address, verdicts, "spam verdict " + verdicts.spam());
        }
        if (policy.unauthenticatedDmarc().contains(verdicts.dmarc())) {
            return unauthenticated(address, verdicts, "DMARC verdict " + verdicts.dmarc());
        }
        boolean authenticated = policy.authenticated().contains(verdicts.spf())
                || policy.authenticated().contains(verdicts.dkim())
                || policy.authenticated().contains(verdicts.dmarc());
        if (!authenticated) {
            return unauthenticated(address, verdicts, "no authentication (SPF, DKIM and DMARC none PASS)");
        }
        if (address == null) {
            return new MailTrust(Level.UNVERIFIED, null, null, false, null, verdicts, "no From address");
        }
        Customer customer = directoryMatch.orElse(null);
        if (customer != null && customer.emailAddresses().stream().anyMatch(a -> a.equalsIgnoreCase(address))) {
            return new MailTrust(
                    Level.TRUSTED, customer, null, false, address, verdicts, "registered contact of " + customer.id());
        }
        Reseller desk = resellerContact.orElse(null);
        if (desk != null && desk.contacts().contains(address)) {
            return new MailTrust(
                    Level.TRUSTED,
                    null,
                    desk.id(),
                    false,
                    address,
                    verdicts,
                    "registered contact of reseller " + desk.id());
        }
        boolean dmarcPass = policy.authenticated().contains(verdicts.dmarc());
        String domain = domainOf(address);
        if (dmarcPass
                && customer != null
                && customer.emailDomains().stream().anyMatch(d -> d.equalsIgnoreCase(domain))) {
            return new MailTrust(
                    Level.TRUSTED,
                    customer,
                    null,
                    false,
                    address,
                    verdicts,
                    "DMARC pass on " + domain + ", domain of customer " + customer.id());
        }
        if (dmarcPass && policy.supportDomains().contains(domain)) {
            return new MailTrust(Level.TRUSTED, null, null, true, address, verdicts, "DMARC pass on VIOMS's " + domain);
        }
        if (dmarcPass && policy.resellerByDomain().containsKey(domain)) {
            String reseller = policy.resellerByDomain().get(domain);
            return new MailTrust(
                    Level.TRUSTED,
                    null,
                    reseller,
                    false,
                    address,
                    verdicts,
                    "DMARC pass on " + domain + ", domain of reseller " + reseller);
        }
        return new MailTrust(
                Level.UNVERIFIED,
                null,
                null,
                false,
                address,
                verdicts,
                customer == null
                        ? "not in the directory"
                        : "at " + domain + " of customer " + customer.id()
                                + " but no registered contact and no DMARC pass");
    }

    private static MailTrust unauthenticated(String address, MailVerdicts verdicts, String why) {
        return new MailTrust(Level.UNAUTHENTICATED, null, null, false, address, verdicts, "unauthenticated: " + why);
    }

    public boolean trusted() {
        return level == Level.TRUSTED;
    }

    /**
     * Whether this mail may join {@code ticket}'s history (finding 3): a trusted sender of the
     * ticket's customer, its reseller or VIOMS, or the ticket's own reporter (exact address) with an
     * aligned DMARC pass (a triage ticket's reporter has no customer to belong to).
     */
    public boolean mayJoin(Ticket ticket, TrustPolicy policy) {
        if (level == Level.UNAUTHENTICATED) {
            return false;
        }
        return (trusted() && (vioms || ofTicketsSide(ticket))) || reporterWithDmarcPass(ticket, policy);
    }

    /**
     * Whether this mail is the reply VIOMS waits for (R16): from the ticket's customer or reseller,
     * or its reporter with an aligned DMARC pass; VIOMS's own mail is no reply.
     */
    public boolean fromReportersSide(Ticket ticket, TrustPolicy policy) {
        if (level == Level.UNAUTHENTICATED) {
            return false;
        }
        return (trusted() && ofTicketsSide(ticket)) || reporterWithDmarcPass(ticket, policy);
    }

    private boolean ofTicketsSide(Ticket ticket) {
        return (customer != null && customer.id().equals(ticket.customerId()))
                || (resellerId != null && resellerId.equals(ticket.resellerId()));
    }

    private boolean reporterWithDmarcPass(Ticket ticket, TrustPolicy policy) {
        return from != null
                && from.equalsIgnoreCase(ticket.reporter())
                && policy.authenticated().contains(verdicts.dmarc());
    }

    /** The history's view of this decision: trust, reason and each verdict (keys prefixed mail). */
    public Map<String, String> asData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("senderTrust", level.name().toLowerCase(Locale.ROOT));
        data.put("senderTrustReason", reason);
        verdicts.asData().forEach((k, v) -> data.put(k + "Verdict", v));
        return data;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
