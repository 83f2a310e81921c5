package io.runplan.serve;

/**
 * A request the workbench does not carry out, with the HTTP status and the message the page shows (for bad input the
 * same words as the command line: the file, the JSON path, what to do). Nothing was written.
 */
final class RequestRefused extends RuntimeException {

    static final int BAD_INPUT = 400;
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;

    private final int status;

    RequestRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    static RequestRefused badInput(String message) {
        return new RequestRefused(BAD_INPUT, message);
    }

    static RequestRefused notFound(String message) {
        return new RequestRefused(NOT_FOUND, message);
    }

    static RequestRefused conflict(String message) {
        return new RequestRefused(CONFLICT, message);
    }

    int status() {
        return status;
    }
}
