package nl.vioms.sladesk.intake.api;

import nl.vioms.sladesk.core.error.InvalidInputException;
import nl.vioms.sladesk.core.error.NotFoundException;

/**
 * A refusal that only HTTP has (401 no or an unknown token, 403 a scope that may not, 413 a body
 * too large), answered as an RFC 7807 problem body whose detail names what is wrong. Bad input
 * and what is not there are the domain's refusals ({@link #badRequest}, {@link #notFound}).
 */
final class ApiError extends RuntimeException {
    final int status;
    final String title;

    ApiError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static InvalidInputException badRequest(String detail) {
        return new InvalidInputException(detail);
    }

    static NotFoundException notFound(String detail) {
        return new NotFoundException(detail);
    }
}
