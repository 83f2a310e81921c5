package io.runplan.bench;

import io.runplan.domain.Minutes;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A coach of a tight plan and the weekly group sessions she leads at the track: one a weekday at most, so two groups
 * of hers never overlap; who joins which date is counted, so no group grows past her capacity.
 */
final class CoachGroups {

    /** A weekly group: the weekday, its start and its length. */
    record Slot(DayOfWeek day, int minuteOfDay, int minutes) {
    }

    /** Track nights and weekend mornings a club meets at; the track's usual hours hold every one. */
    private static final List<Slot> MENU = List.of(
            new Slot(DayOfWeek.MONDAY, 18 * 60, 60),
            new Slot(DayOfWeek.TUESDAY, 6 * 60 + 30, 60),
            new Slot(DayOfWeek.TUESDAY, 18 * 60, 75),
            new Slot(DayOfWeek.WEDNESDAY, 18 * 60 + 30, 60),
            new Slot(DayOfWeek.THURSDAY, 6 * 60 + 30, 60),
            new Slot(DayOfWeek.THURSDAY, 18 * 60, 75),
            new Slot(DayOfWeek.FRIDAY, 17 * 60 + 30, 60),
            new Slot(DayOfWeek.SATURDAY, 8 * 60, 90),
            new Slot(DayOfWeek.SATURDAY, 9 * 60 + 30, 75));

    private final String id;
    private final int capacity;
    private final Map<DayOfWeek, Slot> slots = new TreeMap<>();
    /** Athletes in the group of each day of the horizon that has one. */
    private final Map<Integer, Integer> groupSizes = new TreeMap<>();

    /** Two or three weekly groups on different weekdays, drawn from {@link #MENU}. */
    CoachGroups(String id, int capacity, Random random) {
        this.id = id;
        this.capacity = capacity;
        int count = 2 + random.nextInt(2);
        while (slots.size() < count) {
            Slot slot = MENU.get(random.nextInt(MENU.size()));
            slots.putIfAbsent(slot.day(), slot);
        }
    }

    String id() {
        return id;
    }

    /** The group this coach leads on that weekday, or null. */
    Slot slotOn(DayOfWeek dayOfWeek) {
        return slots.get(dayOfWeek);
    }

    boolean hasRoom(int day) {
        return groupSizes.getOrDefault(day, 0) < capacity;
    }

    void join(int day) {
        groupSizes.merge(day, 1, Integer::sum);
    }

    /** The largest group that met: the plan's capacity, so that no group can grow. */
    int largestGroup() {
        return groupSizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The groups that met, as times of the horizon, earliest first. */
    List<TimeBlock> groupsMet() {
        List<TimeBlock> groups = new ArrayList<>();
        groupSizes.keySet().forEach(day -> {
            Slot slot = slots.get(PlanGenerator.START.plusDays(day).getDayOfWeek());
            int start = day * Minutes.PER_DAY + slot.minuteOfDay();
            groups.add(new TimeBlock(start, start + slot.minutes(), "group"));
        });
        return groups;
    }
}
