package nl.vioms.sladesk.console;

/**
 * A request a site refuses, with the status and the sentence the person reads: Dutch, and English
 * for the portal's English pages when one is given.
 */
public final class WebError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String english;

    public WebError(int status, String message) {
        this(status, message, message);
    }

    public WebError(int status, String dutch, String english) {
        super(dutch);
        this.status = status;
        this.english = english;
    }

    public int status() {
        return status;
    }

    public String message(Language lang) {
        return lang.t(getMessage(), english);
    }
}
