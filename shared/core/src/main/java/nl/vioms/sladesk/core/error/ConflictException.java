package nl.vioms.sladesk.core.error;

/** A request that does not fit the current state (resolving a resolved ticket): HTTP 409. */
public non-sealed class ConflictException extends IllegalStateException implements DomainException {
    public ConflictException(String message) {
        super(message);
    }
}
