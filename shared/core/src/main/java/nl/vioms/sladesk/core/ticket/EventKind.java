package nl.vioms.sladesk.core.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.vioms.sladesk.core.error.InvalidInputException;

/** What can happen to a ticket; every one is kept in its history. Wire names are kebab-case. */
public enum EventKind {
    /** The report that opened the ticket (R8). */
    CREATED,
    /** A further e-mail from the reporter. */
    EMAIL,
    /** The fault reported by phone (R7: from then on A/HA run 24x7). */
    PHONE_REPORT,
    /** First contact with the reporter about progress (R13). */
    RESPONSE,
    /** Work on the fault started (R14, internal). */
    WORK_STARTED,
    NOTE,
    /** VIOMS waits for assistance it asked for: the clock pauses (R16). */
    WAITING_FOR_CUSTOMER,
    /** Their reply: the clock resumes (R16). */
    CUSTOMER_REPLIED,
    /** Priority changed; elapsed time and pauses are kept (R17). */
    RECLASSIFIED,
    /** VIOMS reports the fault resolved (R13: restore clock stops). */
    RESOLVED,
    CLOSED,
    /** The external second-line helpdesk took the escalation (R17). */
    SECOND_LINE_ACK,
    /**
     * Operations assign a ticket to a customer (and service): a triage ticket from an unknown
     * reporter gets the customer's level from then on; the clock start and pauses stay.
     */
    ASSIGNED,
    /** The sweep saw the 75 % restore warning pass (R17); data {@code checkpoint}. Recorded once. */
    SLA_WARNING,
    /** The sweep saw a target breached (R12-R14); data {@code checkpoint}. Recorded once. */
    SLA_BREACH,
    /**
     * Operations write to the customer: data {@code text}, optional {@code recipients} (among the
     * ticket's contacts); mailed through the outbox (issue 16). Moves no clock.
     */
    REPLY,
    /** A mail of ours was not sent on purpose (suppressed address, hourly limit); data {@code to}, {@code reason}. */
    MAIL_SKIPPED,
    /** SES reported a bounce or complaint for a mail of ours; data {@code to}, {@code type}. */
    MAIL_BOUNCED,
    /**
     * Operations declare an open P1 the major incident of a platform service (issue 19, R21): data
     * {@code service} (its key), {@code serviceName}, {@code carries} (service kinds, comma-separated).
     */
    DECLARE_MAJOR,
    /** The ticket is linked to a major incident as a child (issue 19): data {@code parent}. */
    LINK,
    /** The child is taken off its major incident (its problem is another): data {@code parent} (the former one). */
    UNLINK,
    /** Operations tell every affected customer how a major incident stands: data {@code text} (issue 19). */
    PUBLIC_UPDATE;

    /** What the mail machinery records (SLA Desk itself, never a caller; allowed on a closed ticket too). */
    public boolean isMailRecord() {
        return this == MAIL_SKIPPED || this == MAIL_BOUNCED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EventKind fromWireName(String name) {
        for (EventKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new InvalidInputException("unknown event kind '" + name + "'; the kinds: "
                + Arrays.stream(values()).map(EventKind::wireName).collect(Collectors.joining(", ")));
    }
}
