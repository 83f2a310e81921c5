package io.runplan.domain;

/**
 * Time a person cannot train: a work shift, a meeting, sleep after a night shift. Absolute minutes after
 * 00:00 of the horizon's first day, so a block may cross midnight. Identity equality: two identical
 * blocks in a file are two blocks.
 */
public final class BusyBlock {

    private final Person owner;
    private final int start;
    private final int end;
    private final String label;
    private final String text;

    public BusyBlock(Person owner, int start, int end, String label, String text) {
        if (end <= start) {
            throw new IllegalArgumentException("busy block ends before it starts");
        }
        this.owner = owner;
        this.start = start;
        this.end = end;
        this.label = label == null ? "" : label;
        this.text = text;
    }

    public Person getOwner() {
        return owner;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    public String getLabel() {
        return label;
    }

    /** "work Mon 23 Nov 08:30-17:30", for reasons shown to a runner. */
    public String describe() {
        return text;
    }

    @Override
    public String toString() {
        return owner.id() + " busy " + text;
    }
}
