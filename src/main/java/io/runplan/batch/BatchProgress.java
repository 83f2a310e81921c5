package io.runplan.batch;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a batch on stderr: plans done of the total, failures and the time to go. On a terminal one line is
 * redrawn; in a log (a scheduler's, a file) a line is written every ten seconds, and always at the end. A refused
 * plan is a line of its own, as {@code solve} would print it.
 */
final class BatchProgress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_NANOS = 10_000_000_000L;
    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastNanos = System.nanoTime();
    private boolean lineOpen;
    private int total;
    private int done;
    private int skipped;
    private int failed;

    BatchProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    synchronized void start(int total, String what) {
        this.total = total;
        err.println(what);
        err.flush();
    }

    /** A line of its own (a warning, a refused plan), above the progress line. */
    synchronized void say(String line) {
        clearLine();
        err.println(line);
        err.flush();
    }

    synchronized void record(SummaryRow row) {
        done++;
        if (row.status() == SummaryRow.Status.SKIPPED) {
            skipped++;
        }
        if (row.failed()) {
            failed++;
            say("runplan: " + (row.status() == SummaryRow.Status.FAILED ? "" : row.file() + ": ") + row.reason());
        }
        long now = System.nanoTime();
        if (now - lastNanos >= (terminal ? REDRAW_NANOS : LOG_NANOS)) {
            lastNanos = now;
            show(false);
        }
    }

    synchronized void finish() {
        show(true);
    }

    private void show(boolean last) {
        String line = line();
        if (terminal) {
            err.print("\r" + line + (last ? "\n" : ""));
            lineOpen = !last;
        } else {
            err.println(line);
        }
        err.flush();
    }

    private void clearLine() {
        if (lineOpen) {
            err.print("\r\033[K");
            lineOpen = false;
        }
    }

    String line() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        StringBuilder line = new StringBuilder();
        line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
        line.append(String.format(Locale.ROOT, "%d/%d plans, %d failed", done, total, failed));
        if (skipped > 0) {
            line.append(String.format(Locale.ROOT, ", %d up to date", skipped));
        }
        line.append(String.format(Locale.ROOT, ", %s", clock(elapsed)));
        int solved = done - skipped;
        if (done < total && solved > 0) {
            line.append(", about ").append(clock(elapsed / solved * (total - done))).append(" to go");
        }
        return line.toString();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
