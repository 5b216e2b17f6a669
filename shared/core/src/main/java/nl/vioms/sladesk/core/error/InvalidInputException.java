package nl.vioms.sladesk.core.error;

/** Input that a rule refuses (a bad value, a missing field, unknown JSON): HTTP 400. */
public non-sealed class InvalidInputException extends IllegalArgumentException implements DomainException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
