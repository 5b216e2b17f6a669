package nl.vioms.sladesk.core.error;

/**
 * A refusal by a rule of SLA Desk: the input is invalid ({@link InvalidInputException}), the
 * state does not allow it ({@link ConflictException}), or what it names is not there
 * ({@link NotFoundException}). Its message is written for the caller (an HTTP problem's detail)
 * and names no internals. Every other exception is a failure of SLA Desk itself (HTTP 500).
 *
 * <p>The three types extend the JDK exception each replaces ({@code IllegalArgumentException},
 * {@code IllegalStateException}), so code that catches those still catches them.
 */
public sealed interface DomainException permits InvalidInputException, ConflictException, NotFoundException {
    /** The caller-facing message. */
    String getMessage();
}
