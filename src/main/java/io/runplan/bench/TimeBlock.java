package io.runplan.bench;

/** A labelled stretch of time in minutes after 00:00 of the horizon's first day: busy time, or a placed session. */
record TimeBlock(int start, int end, String label) {

    TimeBlock {
        if (end <= start) {
            throw new IllegalArgumentException(label + " ends before it starts: " + start + ".." + end);
        }
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
