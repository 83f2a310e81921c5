package io.runplan.io;

/**
 * Something a calendar file got wrong that runplan read past, and what it assumed instead; {@code line} is where in
 * the file (1 for the first line, 0 for the file as a whole).
 */
public record CalendarWarning(int line, String text) {

    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + text : text;
    }
}
