package nl.vioms.sladesk.console;

/** A request the console refuses, with the status and the Dutch sentence the person reads. */
public final class WebError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public WebError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
