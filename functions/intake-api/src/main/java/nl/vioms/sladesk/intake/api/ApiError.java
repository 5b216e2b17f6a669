package nl.vioms.sladesk.intake.api;

/** An error answered as an RFC 7807 problem body; the detail names what is wrong. */
final class ApiError extends RuntimeException {
    final int status;
    final String title;

    ApiError(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "Bad Request", detail);
    }

    static ApiError notFound(String detail) {
        return new ApiError(404, "Not Found", detail);
    }
}
