package io.runplan.bench;

import io.runplan.domain.Minutes;
import io.runplan.domain.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One athlete's time that training may still use, while a generator places her sessions: the daily window less busy
 * time and the sessions placed so far.
 */
final class FreeTime {

    /** Free minutes right before and right after a placed session. */
    record Room(int before, int after) {
    }

    private final Window day;
    private final int grain;
    private final List<TimeBlock> taken = new ArrayList<>();

    FreeTime(Window day, int grain) {
        this.day = day;
        this.grain = grain;
    }

    void take(TimeBlock block) {
        taken.add(block);
    }

    /** Inside the day window of its day and clear of everything taken. */
    boolean isFree(int start, int end) {
        int dayStart = Minutes.dayOf(start) * Minutes.PER_DAY;
        if (start < dayStart + day.from() || end > dayStart + day.to()) {
            return false;
        }
        for (TimeBlock block : taken) {
            if (block.overlaps(start, end)) {
                return false;
            }
        }
        return true;
    }

    /** The starts on the grain where {@code minutes} fit on {@code day}, earliest first. */
    List<Integer> starts(int dayIndex, int minutes) {
        List<Integer> starts = new ArrayList<>();
        int dayStart = dayIndex * Minutes.PER_DAY;
        for (int minute = (day.from() + grain - 1) / grain * grain; minute + minutes <= day.to(); minute += grain) {
            if (isFree(dayStart + minute, dayStart + minute + minutes)) {
                starts.add(dayStart + minute);
            }
        }
        return starts;
    }

    /**
     * One of the starts at an edge of a run of free starts: the session then touches busy time or the day window, as
     * a run squeezed in before work or right after it does, so that a block drawn on its other side leaves it no room.
     */
    int pickHugging(List<Integer> starts, Random random) {
        List<Integer> edges = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            boolean first = i == 0 || starts.get(i - 1) != starts.get(i) - grain;
            boolean last = i == starts.size() - 1 || starts.get(i + 1) != starts.get(i) + grain;
            if (first || last) {
                edges.add(starts.get(i));
            }
        }
        return edges.get(random.nextInt(edges.size()));
    }

    /** The free stretches of that day, at least {@code minutes} long, earliest first. */
    List<TimeBlock> stretches(int dayIndex, int minutes) {
        List<TimeBlock> stretches = new ArrayList<>();
        int dayStart = dayIndex * Minutes.PER_DAY;
        int from = -1;
        for (int minute = day.from(); minute <= day.to(); minute++) {
            boolean open = minute < day.to() && isFree(dayStart + minute, dayStart + minute + 1);
            if (open && from < 0) {
                from = minute;
            } else if (!open && from >= 0) {
                if (minute - from >= minutes) {
                    stretches.add(new TimeBlock(dayStart + from, dayStart + minute, "free"));
                }
                from = -1;
            }
        }
        return stretches;
    }

    /** The free time either side of a placed session [start, end), up to the nearest taken time or the day window. */
    Room around(int start, int end) {
        int dayStart = Minutes.dayOf(start) * Minutes.PER_DAY;
        int from = dayStart + day.from();
        int to = dayStart + day.to();
        for (TimeBlock block : taken) {
            if (block.end() <= start) {
                from = Math.max(from, block.end());
            }
            if (block.start() >= end) {
                to = Math.min(to, block.start());
            }
        }
        return new Room(Math.max(0, start - from), Math.max(0, to - end));
    }
}
