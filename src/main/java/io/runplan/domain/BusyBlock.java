package io.runplan.domain;

/**
 * Time a person cannot train: a work shift, a meeting, sleep after a night shift. Absolute minutes after
 * 00:00 of the horizon's first day, so a block may cross midnight. Identity equality: two identical
 * blocks in a file are two blocks. A block read from a calendar file names that file.
 */
public final class BusyBlock {

    private final Person owner;
    private final int start;
    private final int end;
    private final String label;
    private final String text;
    private final String calendar;

    public BusyBlock(Person owner, int start, int end, String label, String text) {
        this(owner, start, end, label, text, null);
    }

    public BusyBlock(Person owner, int start, int end, String label, String text, String calendar) {
        if (end <= start) {
            throw new IllegalArgumentException("busy block ends before it starts");
        }
        this.owner = owner;
        this.start = start;
        this.end = end;
        this.label = label == null ? "" : label;
        this.text = text;
        this.calendar = calendar;
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

    /** The calendar file this block was imported from, as the plan names it ("calendars/ana-work.ics"), or null. */
    public String getCalendar() {
        return calendar;
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
