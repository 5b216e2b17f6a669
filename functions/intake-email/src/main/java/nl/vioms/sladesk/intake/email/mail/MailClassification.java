package nl.vioms.sladesk.intake.email.mail;

import java.util.Objects;

/**
 * The class of an inbound mail and why, e.g. {@code AUTO_REPLY} because of
 * {@code "Auto-Submitted: auto-replied"}. The reason is for logs and for the ticket's history.
 *
 * @param mailClass the class
 * @param reason    the signal that decided it, human-readable
 */
public record MailClassification(MailClass mailClass, String reason) {
    public MailClassification {
        Objects.requireNonNull(mailClass, "mailClass");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when this mail may open or update a ticket. */
    public boolean isNormal() {
        return mailClass == MailClass.NORMAL;
    }
}
