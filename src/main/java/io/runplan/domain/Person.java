package io.runplan.domain;

/** Someone with a calendar: an athlete or a coach. Busy blocks belong to one. */
public sealed interface Person permits Athlete, Coach {

    String id();

    /** The daily window in which this person can train or lead. */
    Window day();

    /** Time this person cannot train or lead. */
    java.util.List<BusyBlock> busy();
}
