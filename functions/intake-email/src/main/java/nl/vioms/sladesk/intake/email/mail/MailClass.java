package nl.vioms.sladesk.intake.email.mail;

/** What kind of e-mail arrived. Only {@link #NORMAL} may open or update a ticket. */
public enum MailClass {
    /** Written by a person: may open or update a ticket. */
    NORMAL,
    /** Automatic answer: out-of-office, vacation notice, read receipt. */
    AUTO_REPLY,
    /** Delivery status notification: a mail (usually ours) could not be delivered. */
    BOUNCE,
    /** Newsletter or mailing-list traffic. */
    BULK,
    /** Our own mail came back to us; answering it would start a mail loop. */
    LOOP
}
