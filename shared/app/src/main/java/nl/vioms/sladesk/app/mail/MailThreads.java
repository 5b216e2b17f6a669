package nl.vioms.sladesk.app.mail;

import java.util.Optional;

/**
 * Which ticket a mail of ours belongs to, by the Message-ID its recipient saw (the port; the
 * outbox repository in shared/aws implements it). SES replaces the Message-ID we write with its
 * own (decision 18), so a reply whose subject lost the ticket number is matched by its
 * In-Reply-To or References through this.
 */
@FunctionalInterface
public interface MailThreads {
    /** No mail of ours is known (tests and functions that send none). */
    MailThreads NONE = messageId -> Optional.empty();

    /** The ticket of the mail whose recipient saw this Message-ID; empty when it is none of ours or no ticket's. */
    Optional<String> ticketOf(String messageId);
}
