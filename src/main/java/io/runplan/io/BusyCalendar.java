package io.runplan.io;

import java.nio.file.Path;

/**
 * A calendar file added to one athlete's or coach's busy time from outside the plan file ({@code --busy ana=work.ics});
 * {@code name} is the file as the user wrote it, the name its busy blocks carry.
 */
public record BusyCalendar(String personId, Path file, String name) {

    /** "ana=work.ics", as on the command line. */
    @Override
    public String toString() {
        return personId + "=" + name;
    }
}
