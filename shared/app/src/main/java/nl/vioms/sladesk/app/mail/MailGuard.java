package nl.vioms.sladesk.app.mail;

import java.time.Instant;

/**
 * The port the mailer asks before it sends (issue 16, decision 18): which addresses may no longer
 * be mailed (a permanent bounce or a complaint put them there) and how many mails an address has
 * had this clock hour. Implemented on DynamoDB by {@code nl.vioms.sladesk.aws.mail.MailRepository}.
 */
public interface MailGuard {
    /** Whether the address is on the suppression list. */
    boolean isSuppressed(String address);

    /** Puts the address on the suppression list (repeating it keeps the first entry). */
    void suppress(String address, String reason, Instant at);

    /**
     * Counts one mail ({@code mailId}, the outbox id) to an address in the clock hour of {@code at}
     * and answers whether it stays within {@code limit}. Counting the same mail again (a retry)
     * answers as the first time did and counts nothing twice.
     */
    boolean countWithinHourlyLimit(String address, String mailId, Instant at, int limit);
}
