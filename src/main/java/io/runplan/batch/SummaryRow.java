package io.runplan.batch;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Serializable;
import java.util.Locale;

/**
 * One line of {@code summary.csv}: the plan file (relative to IN), its athletes and sessions, the score written, the
 * seconds it took, its status and why (solve's message for a refused file; the sessions left out or the warnings of a
 * solved one). Counts and score are null where the plan was never read.
 */
public final class SummaryRow implements Serializable {

    public static final String HEADER = "file,athletes,sessions,score,seconds,status,reason";

    // A plain class, not a record: Spark sends rows with its configured serializer, and the Kryo it ships (4.x)
    // cannot build records.
    private final String file;
    private final Integer athletes;
    private final Integer sessions;
    private final String score;
    private final double seconds;
    private final Status status;
    private final String reason;

    public SummaryRow(String file, Integer athletes, Integer sessions, String score, double seconds, Status status,
            String reason) {
        this.file = file;
        this.athletes = athletes;
        this.sessions = sessions;
        this.score = score;
        this.seconds = seconds;
        this.status = status;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public Integer athletes() {
        return athletes;
    }

    public Integer sessions() {
        return sessions;
    }

    public String score() {
        return score;
    }

    public double seconds() {
        return seconds;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return csv();
    }

    /** What became of a plan file. */
    public enum Status {
        /** Solved and written. */
        SOLVED,
        /** Its output was newer than it: left as it was (--force redoes it). */
        SKIPPED,
        /** runplan refused the file: the reason is the message {@code solve} gives. */
        FAILED,
        /** runplan failed on it: a bug to report. */
        ERROR,
        /** Stopped (Ctrl-C) before its search ended: nothing written. */
        INTERRUPTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean failed() {
        return status == Status.FAILED || status == Status.ERROR || status == Status.INTERRUPTED;
    }

    /**
     * The row of a plan whose output is up to date, read from that output (a plan file runplan wrote); null when the
     * output is not one (a re-run then solves the plan again).
     */
    public static SummaryRow skipped(String file, JsonNode written) {
        if (written == null || !written.path("score").isTextual() || !written.path("athletes").isArray()) {
            return null;
        }
        int sessions = 0;
        for (JsonNode athlete : written.get("athletes")) {
            sessions += athlete.path("sessions").size();
        }
        return new SummaryRow(file, written.get("athletes").size(), sessions, written.get("score").textValue(), 0,
                Status.SKIPPED, "its output is newer than the plan file (--force solves it again)");
    }

    /** The line of summary.csv (RFC 4180: a field with a comma, a quote or a line break is quoted). */
    public String csv() {
        return String.join(",", quote(file), athletes == null ? "" : athletes.toString(),
                sessions == null ? "" : sessions.toString(), quote(score == null ? "" : score),
                String.format(Locale.ROOT, "%.2f", seconds), status.label(), quote(reason == null ? "" : reason));
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
