package io.runplan.io;

/** A plan file that does not follow docs/plan-format.md: names the JSON path and says what is wrong and what to do. */
public class PlanFormatException extends RuntimeException {

    private final String jsonPath;

    public PlanFormatException(String jsonPath, String message) {
        super(message);
        this.jsonPath = jsonPath;
    }

    /** "$.athletes[0].sessions[2].type", or null when the problem is the file as a whole. */
    public String jsonPath() {
        return jsonPath;
    }

    /** "$.athletes[0].sessions[2].type: unknown session type 'RUN'; use one of ...". */
    public String describe() {
        return jsonPath == null ? getMessage() : jsonPath + ": " + getMessage();
    }
}
