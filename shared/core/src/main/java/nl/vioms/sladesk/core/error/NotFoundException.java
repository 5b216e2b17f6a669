package nl.vioms.sladesk.core.error;

/** What a request names is not there, or not the caller's to see: HTTP 404. */
public non-sealed class NotFoundException extends RuntimeException implements DomainException {
    public NotFoundException(String message) {
        super(message);
    }
}
