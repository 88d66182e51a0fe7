package dev.tollgate.examples.todo;

/**
 * A 4xx answer: the HTTP status, a short machine-readable code, and a detail that says what was
 * expected, what was found, and how to fix the request. Rendered as {@code {"error","detail"}}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    ApiException(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String error, String detail) {
        return new ApiException(400, error, detail);
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail);
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail);
    }

    static ApiException todoNotFound(long id) {
        return new ApiException(404, "not_found",
                "no todo with id " + id + " that you can see; list yours with GET /todos");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** The JSON body of an error answer. */
    record Body(String error, String detail) {
    }
}
