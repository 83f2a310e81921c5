package io.runplan.batch;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/** {@code summary.csv}: one row per plan file, in file order, and the exit code it comes to. */
public final class Summary {

    /** Some plan files were not solved (each has its row and reason); the others were written. */
    public static final int EXIT_SOME_FAILED = 4;

    private Summary() {
    }

    /** The CSV text, header first, rows sorted by file. */
    public static String csv(List<SummaryRow> rows) {
        StringBuilder text = new StringBuilder(SummaryRow.HEADER).append('\n');
        rows.stream().sorted(Comparator.comparing(SummaryRow::file)).forEach(row -> text.append(row.csv()).append('\n'));
        return text.toString();
    }

    public static byte[] bytes(List<SummaryRow> rows) {
        return csv(rows).getBytes(StandardCharsets.UTF_8);
    }

    /** 0 when every plan was solved or up to date, {@link #EXIT_SOME_FAILED} when any was not. */
    public static int exitCode(List<SummaryRow> rows) {
        return rows.stream().anyMatch(SummaryRow::failed) ? EXIT_SOME_FAILED : 0;
    }

    /** "198 solved, 1 skipped, 1 failed". */
    public static String counts(List<SummaryRow> rows) {
        StringBuilder text = new StringBuilder();
        for (SummaryRow.Status status : SummaryRow.Status.values()) {
            long count = rows.stream().filter(row -> row.status() == status).count();
            if (count > 0 || status == SummaryRow.Status.SOLVED) {
                text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(status.label());
            }
        }
        return text.toString();
    }
}
