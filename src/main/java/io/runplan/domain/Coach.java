package io.runplan.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A coach who must lead coached sessions, with her own day window, busy time and group capacity. */
public final class Coach implements Person {

    public static final int DEFAULT_GROUP_CAPACITY = 8;

    private final String id;
    private final Window day;
    private final int groupCapacity;
    private final List<BusyBlock> busy = new ArrayList<>();

    public Coach(String id, Window day, int groupCapacity) {
        this.id = id;
        this.day = day;
        this.groupCapacity = groupCapacity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Window day() {
        return day;
    }

    public int groupCapacity() {
        return groupCapacity;
    }

    public List<BusyBlock> busy() {
        return Collections.unmodifiableList(busy);
    }

    public void addBusy(BusyBlock block) {
        busy.add(block);
    }

    @Override
    public String toString() {
        return id;
    }
}
