package nl.vioms.sladesk.app.mail;

import java.util.Locale;

/** What an outbound mail announces (issue 16). Wire names are kebab-case. */
public enum MailKind {
    /** A new incident or RFC: its number, priority and deadlines. */
    ACKNOWLEDGEMENT,
    /** First contact about progress (R13). */
    RESPONSE,
    /** VIOMS asks the customer something; the clock pauses (R16). */
    WAITING_FOR_CUSTOMER,
    /** The customer's answer was taken in; the clock runs again (R16). */
    CUSTOMER_REPLIED,
    /** The priority changed, with the reason (R17). */
    RECLASSIFIED,
    /** The fault is resolved, with the resolution. */
    RESOLVED,
    CLOSED,
    /** Text operations wrote to the customer (event {@code reply}). */
    REPLY,
    /** Planned maintenance announced to the customers it touches (R19). */
    MAINTENANCE,
    /** A major incident's opening, public update or resolution, to every affected customer (issue 19). */
    MAJOR_INCIDENT;

    /** Issue 19: notices of a major incident are not counted against the hourly limit per recipient. */
    public boolean exemptFromHourlyLimit() {
        return this == MAJOR_INCIDENT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MailKind fromWireName(String name) {
        for (MailKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown mail kind '" + name + "'");
    }
}
