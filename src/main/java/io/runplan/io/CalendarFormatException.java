package io.runplan.io;

/** A calendar file runplan cannot read: says what is wrong and on which line (0 when the file as a whole). */
public class CalendarFormatException extends RuntimeException {

    private final int line;

    public CalendarFormatException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** The line of the file (1 for the first), or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
