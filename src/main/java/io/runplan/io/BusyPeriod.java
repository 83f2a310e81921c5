package io.runplan.io;

import java.time.LocalDateTime;

/**
 * One stretch of busy time read from a calendar file, in the plan's local wall-clock time, cut to the horizon;
 * {@code line} is where the event (or free/busy entry) that made it starts in the file.
 */
public record BusyPeriod(LocalDateTime start, LocalDateTime end, String label, int line) {
}
