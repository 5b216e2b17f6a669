package nl.vioms.sladesk.intake.email.mail;

/**
 * Thrown by {@link MailParser#parse(byte[])} only when nothing usable can be read: the input is empty
 * or holds no header field at all, so it is not an e-mail. Odd but readable messages never throw.
 * The handler should keep the raw message (it is in S3 or in the notification) and log this.
 */
public final class MalformedMailException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMailException(String message) {
        super(message);
    }

    public MalformedMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
