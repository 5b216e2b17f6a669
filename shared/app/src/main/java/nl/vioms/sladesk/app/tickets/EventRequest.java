package nl.vioms.sladesk.app.tickets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.vioms.sladesk.app.directory.DirectoryStore;
import nl.vioms.sladesk.app.mail.EmailAddresses;
import nl.vioms.sladesk.app.mail.MailPlanner;
import nl.vioms.sladesk.core.directory.Customer;
import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;
import nl.vioms.sladesk.core.ticket.EventKind;
import nl.vioms.sladesk.core.ticket.Texts;

/**
 * What a person asks to record on a ticket, from the API's {@code POST /tickets/{number}/events}
 * or a console form: checked here, in one place, so both refuse the same input with the same
 * meaning (400 / 404) before anything is stored. The lifecycle ({@code TicketLifecycle}) judges
 * the rest when the event is applied.
 *
 * @param text       a note, reply, question or resolution; null when none
 * @param priority   RECLASSIFIED's new priority (any case); null when none
 * @param reason     why (a reclassification); null when none
 * @param customer   ASSIGNED's customer id; null otherwise
 * @param service    ASSIGNED's service id; null: the customer's main service
 * @param recipients REPLY's addresses among the ticket's contacts; null: the usual recipients
 */
public record EventRequest(
        EventKind kind,
        String text,
        String priority,
        String reason,
        String customer,
        String service,
        List<String> recipients) {

    /** A reply names at most this many of the ticket's contacts. */
    public static final int MAX_RECIPIENTS = 10;

    /** A kind a person may record: not the ones SLA Desk records itself. */
    public static EventKind recordable(String wireName) {
        if (wireName == null) {
            throw new InvalidInputException("kind is required");
        }
        EventKind kind = EventKind.fromWireName(wireName);
        if (kind == EventKind.CREATED
                || kind == EventKind.SLA_WARNING
                || kind == EventKind.SLA_BREACH
                || kind.isMailRecord()) {
            throw new InvalidInputException("kind " + kind.wireName() + " is recorded by SLA Desk itself");
        }
        return kind;
    }

    /** The event's data: text, recipients, priority, reason and, for an assignment, the directory's facts. */
    public Map<String, String> data(DirectoryStore directory) {
        Map<String, String> data = new LinkedHashMap<>();
        if (text != null) {
            data.put("text", text);
        }
        if (recipients != null) {
            data.put(MailPlanner.RECIPIENTS, checkedRecipients());
        }
        if (priority != null) {
            data.put("priority", priority.toUpperCase(Locale.ROOT));
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        if (kind == EventKind.ASSIGNED) {
            data.putAll(assignment(directory));
        }
        return data;
    }

    /** A reply's recipients, checked as addresses here; the ticket service checks they are the ticket's contacts. */
    private String checkedRecipients() {
        if (kind != EventKind.REPLY) {
            throw new InvalidInputException("recipients belong to a reply only");
        }
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("recipients: 1 to " + MAX_RECIPIENTS + " addresses, or leave it out");
        }
        for (String address : recipients) {
            if (address == null || !EmailAddresses.plausible(address.strip())) {
                throw new InvalidInputException(
                        "recipients: '" + Texts.oneLine(String.valueOf(address)) + "' is not an e-mail address");
            }
        }
        return String.join(",", recipients.stream().map(EmailAddresses::normal).toList());
    }

    /** The directory's facts an assignment carries, so the history alone rebuilds the ticket. */
    private Map<String, String> assignment(DirectoryStore directory) {
        if (customer == null) {
            throw new InvalidInputException("assigned needs customer");
        }
        Customer found =
                directory.customer(customer).orElseThrow(() -> new NotFoundException("no customer " + customer));
        var chosen = service != null
                ? found.service(service)
                        .orElseThrow(() ->
                                new InvalidInputException("customer " + found.id() + " has no service " + service))
                : found.mainService()
                        .orElseThrow(() -> new InvalidInputException("customer " + found.id() + " has no service"));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("customer", found.id());
        data.put("customerName", found.name());
        data.put("reseller", found.resellerId());
        data.put("level", found.level().name());
        data.put("service", chosen.id());
        data.put("serviceKind", chosen.kind().wireName());
        return data;
    }
}
